/**
 * Reading a table from WPS 表格 in few calls: values as whole-range Value2 (a 2-D array per block of rows), number
 * formats per column (per cell only in a column that mixes them, and only for its numbers), merged areas by asking
 * MergeCells of ever smaller blocks and MergeArea only of a cell that is merged — never a walk over every cell.
 */
import type { CellValue, Grid, MergedArea } from '../core/types';
import { type HostCallOptions, type Progress, type SourceSnapshot, throwIfCancelled } from '../host';
import { shownValue } from '../host/numberFormats';
import { Fingerprint } from '../host/fingerprint';
import type { WpsApplication, WpsRange, WpsValue, WpsWorksheet } from './api';
import { wpsHostError } from './errors';
import { type Rect, intersect, parseA1, rectA1, sameRect } from '../host/addresses';

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
export async function readSelectionSnapshot(
  app: WpsApplication,
  onProgress?: (p: Progress) => void,
  options = defaultWpsReadOptions,
  call: HostCallOptions = {},
): Promise<SourceSnapshot> {
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
  const read = await readRect(sheet, rect, { merges: true, onProgress, options, signal: call.signal });
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
  request: { merges: boolean; onProgress?: (p: Progress) => void; stage?: string; options?: WpsReadOptions; signal?: AbortSignal },
): Promise<RectRead> {
  const { blockRows } = request.options ?? defaultWpsReadOptions;
  const stage = request.stage ?? 'read';
  const raw: WpsValue[][] = [];
  request.onProgress?.({ stage, done: 0, total: rect.rowCount });
  for (let start = 0; start < rect.rowCount; start += blockRows) {
    throwIfCancelled(request.signal);
    const count = Math.min(blockRows, rect.rowCount - start);
    const block = asMatrix(sheet.Range(rectA1({ ...rect, row: rect.row + start, rowCount: count })).Value2, count, rect.columnCount);
    for (let r = 0; r < count; r += 1) raw.push(block[r] ?? []);
    request.onProgress?.({ stage, done: start + count, total: rect.rowCount });
    if (start + count < rect.rowCount) await breathe();
  }
  const formats = numberFormats(sheet, rect, raw);
  const fingerprint = new Fingerprint();
  const values = raw.map((row, r) => {
    const converted = Array.from({ length: rect.columnCount }, (_, c) => shownValue(row[c] ?? null, formats(r, c)));
    fingerprint.addRow(converted);
    return converted;
  });
  throwIfCancelled(request.signal);
  const merges = request.merges ? findMerges(sheet, rect, raw) : [];
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
 * Merged areas touching `table`, clipped to it, in grid coordinates, found without a walk over every cell:
 * a merged area keeps its value in the upper-left cell and reads empty everywhere else (Range.MergeArea docs), so
 * every area shows at least one empty cell in Value2 and only empty cells not yet explained need asking about.
 * Blocks are halved — column strips first, as a Word paste merges mostly down a column — and a block is asked
 * MergeCells once (False: nothing merged in it; True: all merged, so every probe hits; null: halve it again); a few
 * empty cells are asked their MergeArea directly. An area starting above or left of the table comes back whole from
 * MergeArea and is clipped.
 */
/** Open cells a block may hold before it is asked MergeCells rather than probed cell by cell. */
const DIRECT_PROBES = 3;

export function findMerges(sheet: WpsWorksheet, table: Rect, raw: WpsValue[][]): MergedArea[] {
  const { rowCount, columnCount } = table;
  // 1: an empty cell still to explain; 0: holds a value or lies in an area already found.
  const open = new Uint8Array(rowCount * columnCount);
  raw.forEach((_, r) => {
    for (let c = 0; c < columnCount; c += 1) {
      const value = raw[r]?.[c];
      if (value === undefined || value === null || value === '') open[r * columnCount + c] = 1;
    }
  });
  const openIn = (block: Rect): number[] => {
    const found: number[] = [];
    for (let r = block.row; r < block.row + block.rowCount; r += 1) {
      for (let c = block.column; c < block.column + block.columnCount; c += 1) if (open[r * columnCount + c]) found.push(r * columnCount + c);
    }
    return found;
  };
  const sheetRect = (block: Rect): Rect => ({ ...block, row: table.row + block.row, column: table.column + block.column });
  const areas: Rect[] = [];
  const probe = (r: number, c: number): void => {
    const area = rectOf(sheet.Range(rectA1({ row: table.row + r, column: table.column + c, rowCount: 1, columnCount: 1 })).MergeArea);
    open[r * columnCount + c] = 0;
    if (area.rowCount * area.columnCount < 2) return;
    areas.push(area);
    const inside = intersect(area, table);
    if (!inside) return;
    for (let rr = inside.row - table.row; rr < inside.row - table.row + inside.rowCount; rr += 1) {
      for (let cc = inside.column - table.column; cc < inside.column - table.column + inside.columnCount; cc += 1) open[rr * columnCount + cc] = 0;
    }
  };
  const visit = (block: Rect): void => {
    const cells = openIn(block);
    if (cells.length === 0) return;
    if (cells.length <= DIRECT_PROBES) {
      // Asking MergeCells first only pays when it is likely to say False for several cells at once.
      for (const cell of cells) if (open[cell]) probe(Math.floor(cell / columnCount), cell % columnCount);
      return;
    }
    const merged = sheet.Range(rectA1(sheetRect(block))).MergeCells;
    if (merged === false) return;
    if (merged === true) {
      // Every cell of the block is merged: each probe finds an area, and the cells it covers need no more asking.
      for (const cell of cells) if (open[cell]) probe(Math.floor(cell / columnCount), cell % columnCount);
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
  visit({ row: 0, column: 0, rowCount, columnCount });
  const out: MergedArea[] = [];
  for (const area of areas) {
    const clipped = intersect(area, table);
    if (!clipped || clipped.rowCount * clipped.columnCount < 2) continue;
    out.push({ row: clipped.row - table.row, column: clipped.column - table.column, rowCount: clipped.rowCount, columnCount: clipped.columnCount });
  }
  out.sort((a, b) => a.row - b.row || a.column - b.column);
  return out;
}
