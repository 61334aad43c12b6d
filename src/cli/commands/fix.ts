import path from 'node:path';
import type { Grid, Lang, OutputRowKind, RepairPlan } from '../../core/types';
import { changeLogSheet, repairedSheetName, sheetNames, uniqueSheetName } from '../../core/sheets';
import { MAX_SHEET_NAME, cleanSheetName, truncateUtf16 } from '../../core/sheets/sheetName';
import type { DateCell, OutputSheet } from '../../files';
import { DOCX_FIX_NOTE } from '../../files/docx/openTableFile';
import type { CliOptions } from '../args';
import { printWarnings } from '../analyzeFile';
import { analyzeBook, localToday } from '../analyzeBook';
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
  // The plan's own rows, not planToValues' copy: the plan is dropped once the sheets are written.
  const rows = plan.rows.map((row) => row.values);
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
      const input = await analyzeBook(file, { sheet: options.sheet, range: options.range, today: options.today ?? localToday(), config, io, lang: options.lang, onStage: stage });
      printWarnings(io, file, input.warnings, options.lang);
      if (input.book.format === 'docx') io.stderr(`report-tables: ${DOCX_FIX_NOTE[options.lang]}\n`);
      const taken = input.book.sheets.map((s) => s.name);
      const several = input.tables.length > 1;
      const outcomes: FixOutcome[] = [];
      const sheets: OutputSheet[] = [];
      for (const table of input.tables) {
        const { plan } = table.analysis;
        const repaired = repairedSheet(plan, repairedSheetName(table.sheetName, taken, options.lang), table);
        taken.push(repaired.name);
        const log = changeLogSheet(plan, options.lang);
        // One change log per repaired sheet: its name says which sheet it belongs to.
        if (several) log.name = logSheetName(table.sheetName, taken, options.lang);
        taken.push(log.name);
        sheets.push(repaired, log);
        outcomes.push({
          sheet: repaired.name,
          logSheet: log.name,
          rows: repaired.rows.length,
          logRows: log.rows.length,
          changes: plan.changes.length,
          removed: plan.removed.length,
          mergesRemoved: plan.mergesRemoved,
        });
      }
      const [first] = input.tables;
      return { source: writeSource({ ...input, grid: first.grid, sheetName: first.sheetName }), sheets, outcomes, skipped: input.skipped.map((s) => s.name) };
    })();
    stage('writing');
    const result = await writeWorkbook(prepared.source, prepared.sheets, output, { io, lang: options.lang });
    const lines = prepared.outcomes.map((o, i) => fixReport(path.basename(output), { ...o, sheet: result.names[2 * i], logSheet: result.names[2 * i + 1] }, options.lang));
    if (prepared.skipped.length > 0) lines.push(skippedLine(prepared.skipped, options.lang));
    io.stdout(`${lines.join('\n')}\n`);
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

/** 整理记录（胡钛副市长）: the change log of one sheet among several, within Excel's 31 characters and unique. */
function logSheetName(source: string, taken: readonly string[], lang: Lang): string {
  const base = sheetNames.changeLog[lang];
  const [open, close] = lang === 'zh-CN' ? ['（', '）'] : [' (', ')'];
  // Room for the brackets and a counter (2, 3 …) should the name be taken.
  const room = MAX_SHEET_NAME - base.length - open.length - close.length - 2;
  return uniqueSheetName(`${base}${open}${truncateUtf16(cleanSheetName(source), Math.max(room, 1)).trimEnd()}${close}`, taken);
}

export function skippedLine(names: readonly string[], lang: Lang): string {
  return lang === 'en-US'
    ? `Skipped, no progress table: ${names.map((n) => `"${n}"`).join(', ')}.`
    : `未含进展情况表、已跳过的工作表：${names.map((n) => `“${n}”`).join('、')}。`;
}

function truncationWarning(cells: number, lang: Lang): string {
  return lang === 'en-US'
    ? `${cells} cells were longer than Excel's 32,767-character limit and were cut`
    : `${cells} 个单元格超过 Excel 的 32767 字符上限，已截断`;
}
