/**
 * Writing blocks of cells into WPS 表格 by the same rule as the Excel host (src/host/cells.ts): cells keep the
 * General format, text goes in as it is, and only text the spreadsheet would turn into something else — "=SUM(A1)",
 * "007", "2024/6/30", "1-2" — gets the leading apostrophe that keeps it text (Range.PrefixCharacter: the apostrophe
 * is not part of the value). Not the Text format "@": a Text-formatted cell over 255 characters shows ##### and
 * numbers under it count as text. Plain integers of a 序号 column go in as numbers; text over 32,767 characters is cut.
 */
import { type Progress, throwIfCancelled } from '../host';
import type { SheetSpec } from '../core/sheets';
import { asNumberIfPlain, cellInput } from '../host/cells';
import type { WpsApplication, WpsWorksheet } from './api';
import { breathe } from './readTable';
import { type Rect, cellA1, rectA1 } from '../host/addresses';

export type WrittenValue = string | number;

const GENERAL_FORMAT = 'General';
const PERCENT_FORMAT = '0.0%';
/** XlVAlign.xlVAlignTop (learn.microsoft.com/office/vba/api/excel.xlvalign). */
const XL_V_ALIGN_TOP = -4160;
const WRAP_FROM_WIDTH = 30;
const BLOCK_ROWS = 2000;

export interface WriteOptions {
  /** Number format of a number cell; General when not given. */
  numberFormatOf?: (row: number, column: number) => string;
  /** Columns whose plain integers are written as numbers (序号), in the rows `numberRows` picks. */
  numberColumns?: ReadonlySet<number>;
  numberRows?: (row: number) => boolean;
  stage?: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** Writes `rows` with its top-left at the 0-based cell (top, left); returns the A1 addresses of cells whose text was cut. */
export async function writeCells(sheet: WpsWorksheet, top: number, left: number, rows: WrittenValue[][], options: WriteOptions = {}): Promise<string[]> {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return [];
  const truncated: string[] = [];
  const numberColumns = options.numberColumns ?? new Set<number>();
  const inputs = rows.map((row, r) =>
    row.map((value, c) => {
      const typed = numberColumns.has(c) && (options.numberRows?.(r) ?? true) ? asNumberIfPlain(value) : value;
      const cell = cellInput(typed);
      if (cell.truncated) truncated.push(cellA1(top + r, left + c));
      return cell.input;
    }),
  );
  const stage = options.stage ?? 'write';
  for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
    throwIfCancelled(options.signal);
    const count = Math.min(BLOCK_ROWS, rows.length - start);
    sheet.Range(rectA1({ row: top + start, column: left, rowCount: count, columnCount: width })).Value2 = inputs.slice(start, start + count);
    options.onProgress?.({ stage, done: start + count, total: rows.length });
    if (start + count < rows.length) await breathe();
  }
  // Numbers needing a format other than General: one NumberFormat call per run down a column.
  const formatOf = options.numberFormatOf;
  if (formatOf) {
    for (let c = 0; c < width; c += 1) {
      for (const run of rowRuns(rows.length, (r) => typeof inputs[r]?.[c] === 'number' && formatOf(r, c) !== GENERAL_FORMAT)) {
        sheet.Range(rectA1({ row: top + run.start, column: left + c, rowCount: run.count, columnCount: 1 })).NumberFormat = formatOf(run.start, c);
      }
    }
  }
  return truncated;
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

/** Freezes the top `rows` rows of `sheet` (activated first: the window's panes belong to the active sheet). */
export function freezeRows(app: WpsApplication, sheet: WpsWorksheet, rows: number): void {
  const window = app.ActiveWindow;
  if (!window || rows < 1) return;
  sheet.Activate();
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}

/** A summary or change-log sheet: header, rows (percent columns as 0.0%), bold header and totals row. */
export async function writeSpecSheet(sheet: WpsWorksheet, spec: SheetSpec, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
  const columnCount = spec.columns.length;
  const rows: WrittenValue[][] = [spec.columns, ...spec.rows.map((row) => spec.columns.map((_, c) => row[c] ?? ''))];
  const percent = new Set(spec.percentColumns ?? []);
  await writeCells(sheet, 0, 0, rows, { numberFormatOf: (r, c) => (r > 0 && percent.has(c) ? PERCENT_FORMAT : GENERAL_FORMAT), onProgress, stage: 'summary', signal });
  const lastRow = rows.length - 1;
  formatBlock(sheet, { row: 0, column: 0, rowCount: rows.length, columnCount }, spec.widths, (r) => r === 0 || (Boolean(spec.totalsRow) && r === lastRow && lastRow > 0));
}
