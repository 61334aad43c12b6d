import path from 'node:path';
import { planToValues } from '../../core';
import type { Grid, Lang, OutputRowKind, RepairPlan } from '../../core/types';
import { changeLogSheet, repairedSheetName } from '../../core/sheets';
import type { DateCell, OutputSheet } from '../../files';
import type { CliOptions } from '../args';
import { analyzeFile, printWarnings } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import { stageReporter, type CliIO } from '../io';
import { checkOutputPath } from '../outputFile';
import { writeSource, writeWorkbook } from '../writeWorkbook';

function emphasized(kind: OutputRowKind): boolean {
  return kind === 'header' || kind === 'title' || kind === 'section';
}

/**
 * Output cells that show exactly the text of a date cell of their source rows: written as that date again (the serial
 * with its format), so a date a clerk typed stays a date Excel can sort and filter.
 */
function keptDates(plan: RepairPlan, rows: string[][], grid: Grid, dates: readonly DateCell[]): DateCell[] {
  if (dates.length === 0) return [];
  const bySheetRow = new Map<number, DateCell[]>();
  for (const d of dates) {
    const list = bySheetRow.get(d.row) ?? [];
    list.push(d);
    bySheetRow.set(d.row, list);
  }
  const shown = (d: DateCell): unknown => grid.values[d.row - grid.origin.row]?.[d.column - grid.origin.column];
  const out: DateCell[] = [];
  plan.rows.forEach((row, i) => {
    const candidates = row.sourceRows.flatMap((r) => bySheetRow.get(r) ?? []);
    if (candidates.length === 0) return;
    rows[i].forEach((value, c) => {
      if (value === '') return;
      const match = candidates.find((d) => shown(d) === value);
      if (match) out.push({ row: i, column: c, serial: match.serial, format: match.format });
    });
  });
  return out;
}

/** The repaired table as a sheet: one row per output row, no merges, wrapped text, header/title/section rows bold, frozen under the header. */
export function repairedSheet(plan: RepairPlan, name: string, source?: { grid: Grid; dates: readonly DateCell[] }): OutputSheet {
  const rows = planToValues(plan);
  const headerRow = plan.rows.findIndex((row) => row.kind === 'header') + 1;
  return {
    name,
    columns: [],
    rows,
    widths: [],
    boldRows: plan.rows.flatMap((row, i) => (emphasized(row.kind) ? [i] : [])),
    dates: source ? keptDates(plan, rows, source.grid, source.dates) : [],
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
    // Read and analyse in a scope of its own: only the sheets to write and the counts leave it, so the grid and the
    // analysis can be collected while the output is built.
    const prepared = await (async () => {
      const input = await analyzeFile(file, { sheet: options.sheet, range: options.range, config, io, lang: options.lang, onStage: stage });
      printWarnings(io, file, input.warnings, options.lang);
      const { plan } = input.analysis;
      const names = input.book.sheets.map((s) => s.name);
      const repaired = repairedSheet(plan, repairedSheetName(input.sheetName, names, options.lang), input);
      const log = changeLogSheet(plan, options.lang);
      const counts = { changes: plan.changes.length, removed: plan.removed.length, mergesRemoved: plan.mergesRemoved };
      return { source: writeSource(input), repaired, log, counts };
    })();
    const { repaired, log } = prepared;
    stage('writing');
    const result = await writeWorkbook(prepared.source, [repaired, log], output, { io, lang: options.lang });
    const outcome: FixOutcome = {
      sheet: result.names[0],
      logSheet: result.names[1],
      rows: repaired.rows.length,
      logRows: log.rows.length,
      ...prepared.counts,
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
