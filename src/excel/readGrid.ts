/**
 * Reading a table from the workbook in few round trips: choose the range (the selection, or the used range around a
 * single selected cell or a merged cell), then read the shown text and the merged areas in row blocks sized to stay
 * well under Excel's 5 MB response limit (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rendering-optimization),
 * one sync per block. Merged areas are asked for in windows small enough that no window can hold more areas than
 * Excel lists at once, so no sync is refused on purpose.
 */
import type { CellValue, Grid, MergedArea } from '../core/types';
import { type HostCallOptions, type Progress, type SourceSnapshot, throwIfCancelled } from './host';
import { Rect, intersect, parseAreasAddress, rectA1, sameRect } from '../host/addresses';
import { displayedValue } from './cellValues';
import { hostError, isPayloadTooLarge } from './errors';
import { Fingerprint } from '../host/fingerprint';
import { jsonBytes } from './payload';
import { supports } from './runtime';

export interface ReadOptions {
  /** Largest block of rows read in one sync. */
  blockRows: number;
  /** Rows of the first block, before the size of a row is known. */
  firstBlockRows: number;
  /** Blocks are sized so that one block's response stays around this many bytes (Excel refuses above 5 MB). */
  blockBytes: number;
  /** Rows above the table searched for merged areas that start above it and reach into it. */
  mergeLookbackRows: number;
  /** The same for columns to its left. */
  mergeLookbackColumns: number;
}

export const defaultReadOptions: ReadOptions = { blockRows: 20_000, firstBlockRows: 1000, blockBytes: 2_500_000, mergeLookbackRows: 50, mergeLookbackColumns: 4 };

const MIN_BLOCK_ROWS = 50;
const RECT_PROPERTIES = 'rowIndex,columnIndex,rowCount,columnCount';
/**
 * A merged area covers at least two cells, so a window of at most this many cells can never hold more than 512 merged
 * areas — the most `getMergedAreasOrNullObject` lists before it fails.
 */
const MERGE_WINDOW_CELLS = 1024;

function rectOf(range: Excel.Range): Rect {
  return { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

/**
 * The range to read: a multi-cell selection as it is, a single cell (or a single merged cell, which Excel selects whole)
 * the sheet's used range, both cut to the used range so that selecting whole columns never reads a million empty rows.
 * Not Excel's surrounding region (Ctrl+*): blank rows are common inside these tables (page breaks, empty Word
 * paragraphs) and a task spanning two merged columns leaves the second one blank for pages, so the region would cut
 * the table apart; the engine finds the table, its titles and a second table within the used range itself.
 */
export function chooseSourceRect(selected: Rect, used: Rect | null, selectionIsOneCell = false): Rect | null {
  if (!used) return null;
  const single = selectionIsOneCell || (selected.rowCount === 1 && selected.columnCount === 1);
  return intersect(single ? used : selected, used);
}

/**
 * Whether the selection is exactly one merged area: a click on a merged title, section or task cell, which Excel
 * reports as the whole area. Asked only of small selections (a merged cell is one), in its own sync.
 */
async function isOneMergedCell(context: Excel.RequestContext, selected: Excel.Range, rect: Rect): Promise<boolean> {
  if (rect.rowCount * rect.columnCount < 2 || rect.rowCount * rect.columnCount > MERGE_WINDOW_CELLS) return false;
  if (!supports('1.13')) {
    // No merged-area API: a small selection whose only content is its top-left cell is taken for a merged cell.
    selected.load('values');
    await context.sync();
    return selected.values.every((row, r) => row.every((value, c) => (r === 0 && c === 0) || value === '' || value === null));
  }
  const merged = selected.getMergedAreasOrNullObject().load('address');
  await context.sync();
  if (merged.isNullObject) return false;
  const areas = parseAreasAddress(merged.address);
  return areas.length === 1 && sameRect(areas[0]!, rect);
}

export async function readSelectionSnapshot(
  context: Excel.RequestContext,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = defaultReadOptions,
  call: HostCallOptions = {},
): Promise<SourceSnapshot> {
  const selected = context.workbook.getSelectedRange().load(RECT_PROPERTIES);
  const sheet = selected.worksheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true).load(RECT_PROPERTIES);
  await context.sync();
  const selectedRect = rectOf(selected);
  const oneCell = await isOneMergedCell(context, selected, selectedRect);
  const rect = chooseSourceRect(selectedRect, used.isNullObject ? null : rectOf(used), oneCell);
  if (!rect) throw hostError('empty-selection');
  const read = await readBlocks(context, sheet, rect, { merges: supports('1.13'), onProgress, options, signal: call.signal });
  if (read.values.every((row) => row.every((value) => value === null))) throw hostError('empty-selection');
  const grid: Grid = {
    values: read.values,
    merges: read.merges,
    origin: { row: rect.row + 1, column: rect.column + 1 },
    sheet: sheet.name,
  };
  return { grid, sheet: sheet.name, address: rectA1(rect), fingerprint: read.fingerprint };
}

export interface BlockRead {
  values: CellValue[][];
  /** Merged areas clipped to the range, in grid coordinates. */
  merges: MergedArea[];
  fingerprint: string;
}

interface BlockRequest {
  merges: boolean;
  onProgress?: (p: Progress) => void;
  stage?: string;
  options?: ReadOptions;
  signal?: AbortSignal;
}

/**
 * The windows merged areas are asked for: all table columns plus a few to the left, rows in slices of at most
 * MERGE_WINDOW_CELLS cells, each slice overlapping the next by one row. The overlap lets pieces of one area be told
 * from two areas that merely touch, should Excel report areas cut to the window (see `joinPieces`).
 */
export function mergeWindows(table: Rect, options: ReadOptions): Rect[] {
  const left = Math.max(0, table.column - options.mergeLookbackColumns);
  const columnCount = table.column + table.columnCount - left;
  const rows = Math.max(2, Math.floor(MERGE_WINDOW_CELLS / columnCount));
  const top = Math.max(0, table.row - options.mergeLookbackRows);
  const end = table.row + table.rowCount;
  const windows: Rect[] = [];
  for (let row = top; ; row += rows - 1) {
    const rowCount = Math.min(rows, end - row);
    windows.push({ row, column: left, rowCount, columnCount });
    if (row + rowCount >= end) break;
  }
  return windows;
}

/**
 * Merged areas as reported per window, made whole again: duplicates dropped, and pieces of one area (same columns,
 * overlapping rows — they share a window's overlap row) joined. Areas that only touch stay apart.
 */
export function joinPieces(pieces: Rect[]): Rect[] {
  const byColumns = new Map<string, Rect[]>();
  for (const piece of pieces) {
    const key = `${piece.column},${piece.columnCount}`;
    const list = byColumns.get(key);
    if (list) list.push(piece);
    else byColumns.set(key, [piece]);
  }
  const out: Rect[] = [];
  for (const list of byColumns.values()) {
    list.sort((a, b) => a.row - b.row || b.rowCount - a.rowCount);
    let current: Rect | undefined;
    for (const piece of list) {
      if (current !== undefined && piece.row < current.row + current.rowCount) {
        current.rowCount = Math.max(current.row + current.rowCount, piece.row + piece.rowCount) - current.row;
      } else {
        if (current !== undefined) out.push(current);
        current = { row: piece.row, column: piece.column, rowCount: piece.rowCount, columnCount: piece.columnCount };
      }
    }
    if (current !== undefined) out.push(current);
  }
  return out;
}

/** Reads `rect` of `sheet` block by block: one sync per block; a block is halved only if Excel refuses it as too large. */
export async function readBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect, request: BlockRequest): Promise<BlockRead> {
  const options = request.options ?? defaultReadOptions;
  const stage = request.stage ?? 'read';
  const values: CellValue[][] = [];
  const pieces: Rect[] = [];
  const fingerprint = new Fingerprint();
  const minRows = Math.min(MIN_BLOCK_ROWS, options.blockRows);
  const windows = request.merges ? mergeWindows(rect, options) : [];
  let nextWindow = 0;
  let blockRows = Math.min(options.blockRows, options.firstBlockRows);
  let widestRow = 0;
  let start = 0;
  request.onProgress?.({ stage, done: 0, total: rect.rowCount });
  while (start < rect.rowCount) {
    throwIfCancelled(request.signal);
    const count = Math.min(blockRows, rect.rowCount - start);
    const blockEnd = rect.row + start + count;
    const range = sheet.getRangeByIndexes(rect.row + start, rect.column, count, rect.columnCount).load('text,valueTypes');
    let last = nextWindow;
    // Every window that starts in this block (the first block also takes those above the table).
    while (last < windows.length && windows[last]!.row < blockEnd) last += 1;
    const merged = windows
      .slice(nextWindow, last)
      .map((w) => sheet.getRangeByIndexes(w.row, w.column, w.rowCount, w.columnCount).getMergedAreasOrNullObject().load('address'));
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && count > minRows) {
        blockRows = Math.max(minRows, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    nextWindow = last;
    for (const areas of merged) if (!areas.isNullObject) pieces.push(...parseAreasAddress(areas.address));
    const text = range.text;
    const types = range.valueTypes;
    text.forEach((row, r) => {
      const converted = row.map((shown, c) => displayedValue(shown, types[r]?.[c]));
      fingerprint.addRow(converted);
      values.push(converted);
    });
    start += count;
    request.onProgress?.({ stage, done: start, total: rect.rowCount });
    // Size the next block by the widest rows seen so far, so a run of long progress notes never tips it over the limit.
    widestRow = Math.max(widestRow, (jsonBytes(text) + jsonBytes(types)) / count);
    blockRows = Math.max(minRows, Math.min(options.blockRows, Math.floor(options.blockBytes / Math.max(1, widestRow))));
  }
  return { values, merges: clipMerges(joinPieces(pieces), rect), fingerprint: fingerprint.digest(rect.rowCount, rect.columnCount) };
}

/** Sheet-coordinate areas cut to the table, in grid coordinates; what shrinks to one cell is no merge at all. */
export function clipMerges(areas: Rect[], table: Rect): MergedArea[] {
  const out: MergedArea[] = [];
  const seen = new Set<string>();
  for (const area of areas) {
    const clipped = intersect(area, table);
    if (!clipped || clipped.rowCount * clipped.columnCount < 2) continue;
    const merge: MergedArea = { row: clipped.row - table.row, column: clipped.column - table.column, rowCount: clipped.rowCount, columnCount: clipped.columnCount };
    const key = `${merge.row},${merge.column},${merge.rowCount},${merge.columnCount}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(merge);
  }
  out.sort((a, b) => a.row - b.row || a.column - b.column);
  return out;
}
