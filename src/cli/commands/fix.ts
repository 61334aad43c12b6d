import path from 'node:path';
import { planToValues } from '../../core';
import type { Lang, OutputRowKind, RepairPlan } from '../../core/types';
import { changeLogSheet, repairedSheetName } from '../../core/sheets';
import type { OutputSheet } from '../../files';
import type { CliOptions } from '../args';
import { analyzeFile, printWarnings } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import { stageReporter, type CliIO } from '../io';
import { checkOutputPath } from '../outputFile';
import { writeWorkbook } from '../writeWorkbook';

function emphasized(kind: OutputRowKind): boolean {
  return kind === 'header' || kind === 'title' || kind === 'section';
}

/** The repaired table as a sheet: one row per output row, no merges, wrapped text, header/title/section rows bold, frozen under the header. */
export function repairedSheet(plan: RepairPlan, name: string): OutputSheet {
  const rows = planToValues(plan);
  const headerRow = plan.rows.findIndex((row) => row.kind === 'header') + 1;
  return {
    name,
    columns: [],
    rows,
    widths: [],
    boldRows: plan.rows.flatMap((row, i) => (emphasized(row.kind) ? [i] : [])),
    freeze: { rows: headerRow },
    autoFilter: false,
  };
}

/**
 * `fix`: OUT.xlsx is the input package with every part kept byte for byte, plus the repaired table on a new sheet and
 * the change log. Run on its own output's repaired sheet, the plan has no changes.
 */
export async function fixCommand(options: CliOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const output = options.output ?? '';
  await checkOutputPath(file, output);
  const config = await loadConfig(options.config);
  const stage = stageReporter(io, path.basename(file), options.lang);
  try {
    const input = await analyzeFile(file, { sheet: options.sheet, range: options.range, config, io, lang: options.lang, onStage: stage });
    printWarnings(io, file, input.warnings, options.lang);
    const { plan } = input.analysis;
    const names = input.book.sheets.map((s) => s.name);
    const repaired = repairedSheet(plan, repairedSheetName(input.sheetName, names, options.lang));
    const log = changeLogSheet(plan, options.lang);
    stage('writing');
    const result = await writeWorkbook(input, [repaired, log], output, { io, lang: options.lang });
    const outcome: FixOutcome = {
      sheet: result.names[0],
      logSheet: result.names[1],
      rows: repaired.rows.length,
      logRows: log.rows.length,
      changes: plan.changes.length,
      removed: plan.removed.length,
      mergesRemoved: plan.mergesRemoved,
    };
    io.stdout(`${fixReport(path.basename(output), outcome, options.lang)}\n`);
    if (result.truncatedCells > 0) io.stderr(`report-tables: ${truncationWarning(result.truncatedCells, options.lang)}\n`);
  } finally {
    io.progress?.(null);
  }
  return EXIT_OK;
}

interface FixOutcome {
  sheet: string;
  logSheet: string;
  rows: number;
  logRows: number;
  changes: number;
  removed: number;
  mergesRemoved: number;
}

function fixReport(output: string, o: FixOutcome, lang: Lang): string {
  const nothing = o.changes === 0 && o.removed === 0;
  if (lang === 'en-US') {
    const what = nothing ? 'no changes were needed' : `${o.logRows} entries in "${o.logSheet}", ${o.removed} rows removed, ${o.mergesRemoved} merges undone`;
    return `Wrote ${output}: sheet "${o.sheet}" (${o.rows} rows); ${what}.`;
  }
  const what = nothing ? '无需整理' : `整理记录“${o.logSheet}”${o.logRows} 条，删除 ${o.removed} 行，取消合并 ${o.mergesRemoved} 处`;
  return `已写入 ${output}：工作表“${o.sheet}”（${o.rows} 行）；${what}。`;
}

function truncationWarning(cells: number, lang: Lang): string {
  return lang === 'en-US'
    ? `${cells} cells were longer than Excel's 32,767-character limit and were cut`
    : `${cells} 个单元格超过 Excel 的 32767 字符上限，已截断`;
}
