/**
 * Reading a table from WPS 表格 in few calls: values as whole-range Value2 (a 2-D array per block of rows), number
 * formats per column (per cell only in a column that mixes them, and only for its numbers), merged areas by asking
 * MergeCells of ever smaller blocks and MergeArea only of a cell that is merged — never a walk over every cell.
 */
import type { CellValue, Grid, MergedArea } from '../core/types';
import type { Progress, SourceSnapshot } from '../host';
import { toCellValue } from '../excel/cellValues';
import { Fingerprint } from '../excel/fingerprint';
import type { WpsApplication, WpsRange, WpsValue, WpsWorksheet } from './api';
import { wpsHostError } from './errors';
import { Rect, intersect, parseA1, rectA1, sameRect, within } from './rects';

export interface WpsReadOptions {
  /** Rows read per Value2 call: the pane shows progress between blocks and WPS's UI stays responsive. */
  blockRows: number;
}

export const defaultWpsReadOptions: WpsReadOptions = { blockRows: 2000 };

/** The rectangle of a Range, from one Address() call. */
export function rectOf(range: WpsRange): Rect {
  const rect = parseA1(range.Address());
  if (!rect) throw wpsHostError('invalid-selection');
  return rect;
}

function isRange(value: unknown): value is WpsRange {
  return typeof value === 'object' && value !== null && 'Value2' in value && typeof (value as { Address?: unknown }).Address === 'function';
}

/** Lets the pane repaint and WPS handle input between blocks of synchronous calls. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The range to read: a multi-cell selection as it is; one cell — or one merged cell, which WPS selects whole — the
 * sheet's used range; both cut to the used range (see src/excel/readGrid.ts for why not the surrounding region).
 */
export async function readSelectionSnapshot(app: WpsApplication, onProgress?: (p: Progress) => void, options = defaultWpsReadOptions): Promise<SourceSnapshot> {
  const sheet = app.ActiveSheet;
  if (!sheet) throw wpsHostError('no-workbook');
  const selection = app.Selection;
  if (!isRange(selection)) throw wpsHostError('invalid-selection');
  if (selection.Areas.Count > 1) throw wpsHostError('invalid-selection');
  const selected = rectOf(selection);
  const used = rectOf(sheet.UsedRange);
  let single = selected.rowCount === 1 && selected.columnCount === 1;
  if (!single && selection.MergeCells === true) {
    // Clicking a merged cell selects its whole area: that is still "one cell".
    single = sameRect(rectOf(selection.Cells.Item(1, 1).MergeArea), selected);
  }
  const rect = intersect(single ? used : selected, used);
  if (!rect) throw wpsHostError('empty-selection');
  const read = await readRect(sheet, rect, { merges: true, onProgress, options });
  if (read.values.every((row) => row.every((value) => value === null))) throw wpsHostError('empty-selection');
  const name = sheet.Name;
  const grid: Grid = { values: read.values, merges: read.merges, origin: { row: rect.row + 1, column: rect.column + 1 }, sheet: name };
  return { grid, sheet: name, address: rectA1(rect), fingerprint: read.fingerprint };
}

export interface RectRead {
  values: CellValue[][];
  merges: MergedArea[];
  fingerprint: string;
}

function asMatrix(value: WpsValue | WpsValue[][], rowCount: number, columnCount: number): WpsValue[][] {
  if (Array.isArray(value)) return value;
  // One cell reads as a scalar (Range.Value2 docs).
  return rowCount === 1 && columnCount === 1 ? [[value]] : [];
}

export async function readRect(
  sheet: WpsWorksheet,
  rect: Rect,
  request: { merges: boolean; onProgress?: (p: Progress) => void; stage?: string; options?: WpsReadOptions },
): Promise<RectRead> {
  const { blockRows } = request.options ?? defaultWpsReadOptions;
  const stage = request.stage ?? 'read';
  const raw: WpsValue[][] = [];
  request.onProgress?.({ stage, done: 0, total: rect.rowCount });
  for (let start = 0; start < rect.rowCount; start += blockRows) {
    const count = Math.min(blockRows, rect.rowCount - start);
    const block = asMatrix(sheet.Range(rectA1({ ...rect, row: rect.row + start, rowCount: count })).Value2, count, rect.columnCount);
    for (let r = 0; r < count; r += 1) raw.push(block[r] ?? []);
    request.onProgress?.({ stage, done: start + count, total: rect.rowCount });
    if (start + count < rect.rowCount) await breathe();
  }
  const formats = numberFormats(sheet, rect, raw);
  const fingerprint = new Fingerprint();
  const values = raw.map((row, r) => {
    const converted = Array.from({ length: rect.columnCount }, (_, c) => toCellValue(row[c] ?? null, formats(r, c)));
    fingerprint.addRow(converted);
    return converted;
  });
  const merges = request.merges ? findMerges(sheet, rect) : [];
  return { values, merges, fingerprint: fingerprint.digest(rect.rowCount, rect.columnCount) };
}

/**
 * Number formats matter only for numbers (a date is a serial in Value2): one NumberFormat call per column holding
 * numbers; a column whose cells differ reads null (Range.NumberFormat docs), and only then are its numbers asked one by one.
 */
function numberFormats(sheet: WpsWorksheet, rect: Rect, raw: WpsValue[][]): (row: number, column: number) => string | null {
  const byColumn: Array<string | null> = [];
  const byCell = new Map<string, string | null>();
  for (let c = 0; c < rect.columnCount; c += 1) {
    const numbers: number[] = [];
    raw.forEach((row, r) => {
      if (typeof row[c] === 'number') numbers.push(r);
    });
    if (numbers.length === 0) {
      byColumn.push('General');
      continue;
    }
    const format = sheet.Range(rectA1({ row: rect.row, column: rect.column + c, rowCount: rect.rowCount, columnCount: 1 })).NumberFormat;
    byColumn.push(format);
    if (format === null) {
      for (const r of numbers) byCell.set(`${r},${c}`, sheet.Range(rectA1({ row: rect.row + r, column: rect.column + c, rowCount: 1, columnCount: 1 })).NumberFormat);
    }
  }
  return (row, column) => byColumn[column] ?? byCell.get(`${row},${column}`) ?? null;
}

/**
 * Merged areas touching `table`, clipped to it, in grid coordinates. Column strips first, because a Word paste
 * merges mostly down a column (one record over several rows): a strip without merges costs one MergeCells call, a
 * merged cell one MergeCells and one MergeArea; cells inside an area already found cost nothing. An area starting
 * above or left of the table is found whole through MergeArea and clipped.
 */
export function findMerges(sheet: WpsWorksheet, table: Rect): MergedArea[] {
  const areas: Rect[] = [];
  const coveredBy = (block: Rect): boolean => areas.some((area) => within(block, area));
  const visit = (block: Rect): void => {
    if (coveredBy(block)) return;
    const merged = sheet.Range(rectA1(block)).MergeCells;
    if (merged === false) return;
    if (block.rowCount === 1 && block.columnCount === 1) {
      const area = rectOf(sheet.Range(rectA1(block)).MergeArea);
      if (area.rowCount * area.columnCount > 1) areas.push(area);
      return;
    }
    if (block.columnCount > 1) {
      const left = Math.floor(block.columnCount / 2);
      visit({ ...block, columnCount: left });
      visit({ ...block, column: block.column + left, columnCount: block.columnCount - left });
    } else {
      const upper = Math.floor(block.rowCount / 2);
      visit({ ...block, rowCount: upper });
      visit({ ...block, row: block.row + upper, rowCount: block.rowCount - upper });
    }
  };
  visit(table);
  const out: MergedArea[] = [];
  for (const area of areas) {
    const clipped = intersect(area, table);
    if (!clipped || clipped.rowCount * clipped.columnCount < 2) continue;
    out.push({ row: clipped.row - table.row, column: clipped.column - table.column, rowCount: clipped.rowCount, columnCount: clipped.columnCount });
  }
  out.sort((a, b) => a.row - b.row || a.column - b.column);
  return out;
}
