/**
 * Writing blocks of cells into WPS 表格: the number format "@" (text) on the whole block before the values, so
 * "=SUM(A1)", "007", "2024/6/30" or "+86 …" stay exactly the text sent (Range.NumberFormat / Range.Value2: text
 * typed into a text-formatted cell is kept as is); then numbers get their own format in runs down each column.
 */
import type { Progress } from '../host';
import type { SheetSpec } from '../core/sheets';
import type { WpsWorksheet } from './api';
import { breathe } from './readTable';
import { Rect, rectA1 } from './rects';

export type WrittenValue = string | number;

export const TEXT_FORMAT = '@';
const PERCENT_FORMAT = '0.0%';
/** XlVAlign.xlVAlignTop (learn.microsoft.com/office/vba/api/excel.xlvalign). */
const XL_V_ALIGN_TOP = -4160;
const WRAP_FROM_WIDTH = 30;
const BLOCK_ROWS = 2000;

export interface WriteOptions {
  /** Number format of a number cell (strings are always "@"). */
  numberFormatOf?: (row: number, column: number) => string;
  stage?: string;
  onProgress?: (p: Progress) => void;
}

export async function writeCells(sheet: WpsWorksheet, top: number, left: number, rows: WrittenValue[][], options: WriteOptions = {}): Promise<void> {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return;
  const stage = options.stage ?? 'write';
  sheet.Range(rectA1({ row: top, column: left, rowCount: rows.length, columnCount: width })).NumberFormat = TEXT_FORMAT;
  for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, rows.length - start);
    sheet.Range(rectA1({ row: top + start, column: left, rowCount: count, columnCount: width })).Value2 = rows.slice(start, start + count);
    options.onProgress?.({ stage, done: start + count, total: rows.length });
    if (start + count < rows.length) await breathe();
  }
  // Numbers: one NumberFormat call per run of numbers with the same format down a column.
  const formatOf = options.numberFormatOf ?? (() => 'General');
  for (let c = 0; c < width; c += 1) {
    let runStart = -1;
    let runFormat = '';
    const flush = (end: number): void => {
      if (runStart >= 0) sheet.Range(rectA1({ row: top + runStart, column: left + c, rowCount: end - runStart, columnCount: 1 })).NumberFormat = runFormat;
      runStart = -1;
    };
    for (let r = 0; r <= rows.length; r += 1) {
      const value = rows[r]?.[c];
      const format = typeof value === 'number' ? formatOf(r, c) : null;
      if (format !== null && runStart >= 0 && format === runFormat) continue;
      flush(r);
      if (format !== null) {
        runStart = r;
        runFormat = format;
      }
    }
  }
}

/** Rows of `rows` matching `pick`, as runs of consecutive rows (one call per run instead of one per row). */
export function rowRuns(count: number, pick: (row: number) => boolean): Array<{ start: number; count: number }> {
  const runs: Array<{ start: number; count: number }> = [];
  for (let r = 0; r < count; r += 1) {
    if (!pick(r)) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === r) last.count += 1;
    else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/** Wrapped, top-aligned, columns `widths` characters wide (Range.ColumnWidth counts characters), rows autofitted. */
export function formatBlock(sheet: WpsWorksheet, rect: Rect, widths: number[], bold: (row: number) => boolean): void {
  const all = sheet.Range(rectA1(rect));
  all.VerticalAlignment = XL_V_ALIGN_TOP;
  widths.slice(0, rect.columnCount).forEach((width, c) => {
    const column = sheet.Range(rectA1({ ...rect, column: rect.column + c, columnCount: 1 }));
    column.ColumnWidth = width;
    if (width >= WRAP_FROM_WIDTH) column.WrapText = true;
  });
  for (const run of rowRuns(rect.rowCount, bold)) sheet.Range(rectA1({ ...rect, row: rect.row + run.start, rowCount: run.count })).Font.Bold = true;
  all.Rows.AutoFit();
}

/** A summary or change-log sheet: header, rows (percent columns as 0.0%), bold header and totals row. */
export async function writeSpecSheet(sheet: WpsWorksheet, spec: SheetSpec, onProgress?: (p: Progress) => void): Promise<void> {
  const columnCount = spec.columns.length;
  const rows: WrittenValue[][] = [spec.columns, ...spec.rows.map((row) => spec.columns.map((_, c) => row[c] ?? ''))];
  const percent = new Set(spec.percentColumns ?? []);
  await writeCells(sheet, 0, 0, rows, { numberFormatOf: (r, c) => (r > 0 && percent.has(c) ? PERCENT_FORMAT : 'General'), onProgress, stage: 'summary' });
  const lastRow = rows.length - 1;
  formatBlock(sheet, { row: 0, column: 0, rowCount: rows.length, columnCount }, spec.widths, (r) => r === 0 || (Boolean(spec.totalsRow) && r === lastRow && lastRow > 0));
}
