/**
 * Reading a table from the workbook: choose the range (the selection, or the used range around a single selected
 * cell), then read values and merged areas in row blocks — one sync per block — so big tables stay under
 * Excel's payload limits and the taskpane can show progress.
 */
import type { CellValue, Grid, MergedArea } from '../core/types';
import type { Progress, SourceSnapshot } from './host';
import { Rect, intersect, parseAreasAddress, rectA1 } from './addresses';
import { toCellValue } from './cellValues';
import { hostError, isPayloadTooLarge } from './errors';
import { Fingerprint } from './fingerprint';
import { jsonBytes } from './payload';
import { supports } from './runtime';

export interface ReadOptions {
  /** Largest block of rows read in one sync. */
  blockRows: number;
  /** Blocks shrink so that a block's values stay around this many bytes (responses are limited too). */
  blockBytes: number;
  /** Rows above the table searched for merged areas that start above it and reach into it. */
  mergeLookbackRows: number;
  /** The same for columns to its left. */
  mergeLookbackColumns: number;
}

export const defaultReadOptions: ReadOptions = { blockRows: 2000, blockBytes: 2_000_000, mergeLookbackRows: 50, mergeLookbackColumns: 4 };

const MIN_BLOCK_ROWS = 50;
const RECT_PROPERTIES = 'rowIndex,columnIndex,rowCount,columnCount';

function rectOf(range: Excel.Range): Rect {
  return { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

/**
 * The range to read: a multi-cell selection as it is, a single cell the sheet's used range, both cut to the used
 * range so that selecting whole columns never reads a million empty rows. Not Excel's surrounding region
 * (Ctrl+*): blank rows are common inside these tables (page breaks, empty Word paragraphs) and a task spanning
 * two merged columns leaves the second one blank for pages, so the region would cut the table apart; the
 * engine finds the table, its titles and a second table within the used range itself.
 */
export function chooseSourceRect(selected: Rect, used: Rect | null): Rect | null {
  if (!used) return null;
  const single = selected.rowCount === 1 && selected.columnCount === 1;
  return intersect(single ? used : selected, used);
}

export async function readSelectionSnapshot(
  context: Excel.RequestContext,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = defaultReadOptions,
): Promise<SourceSnapshot> {
  const selected = context.workbook.getSelectedRange().load(RECT_PROPERTIES);
  const sheet = selected.worksheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true).load(RECT_PROPERTIES);
  await context.sync();
  const rect = chooseSourceRect(rectOf(selected), used.isNullObject ? null : rectOf(used));
  if (!rect) throw hostError('empty-selection');
  const read = await readBlocks(context, sheet, rect, { merges: supports('1.13'), onProgress, options });
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
}

/** Reads `rect` of `sheet` block by block: one sync per block, more only when Excel refuses a block. */
export async function readBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect, request: BlockRequest): Promise<BlockRead> {
  const options = request.options ?? defaultReadOptions;
  const stage = request.stage ?? 'read';
  const values: CellValue[][] = [];
  const areas = new Map<string, Rect>();
  const fingerprint = new Fingerprint();
  let blockRows = options.blockRows;
  const minRows = Math.min(MIN_BLOCK_ROWS, options.blockRows);
  let start = 0;
  request.onProgress?.({ stage, done: 0, total: rect.rowCount });
  while (start < rect.rowCount) {
    const count = Math.min(blockRows, rect.rowCount - start);
    const blockRect: Rect = { row: rect.row + start, column: rect.column, rowCount: count, columnCount: rect.columnCount };
    const mergeRect = request.merges ? mergeQueryRect(rect, blockRect, start === 0, options) : null;
    let block: { values: unknown[][]; formats: unknown[][]; areas: Rect[] | null };
    try {
      block = await readBlock(context, sheet, blockRect, mergeRect);
    } catch (error) {
      if (isPayloadTooLarge(error) && count > minRows) {
        blockRows = Math.max(minRows, Math.floor(count / 2));
        continue;
      }
      if (!mergeRect) throw error;
      // Most likely more than 512 merged areas: read the values alone, then the merged areas in smaller pieces.
      block = await readBlock(context, sheet, blockRect, null);
      block.areas = await mergedAreasSplit(context, sheet, mergeRect);
    }
    for (const area of block.areas ?? []) areas.set(`${area.row},${area.column},${area.rowCount},${area.columnCount}`, area);
    block.values.forEach((row, r) => {
      const converted = row.map((value, c) => toCellValue(value, block.formats[r]?.[c]));
      fingerprint.addRow(converted);
      values.push(converted);
    });
    start += count;
    request.onProgress?.({ stage, done: start, total: rect.rowCount });
    const bytesPerRow = jsonBytes(block.values) / count;
    blockRows = Math.max(minRows, Math.min(options.blockRows, Math.floor(options.blockBytes / Math.max(1, bytesPerRow))));
  }
  return { values, merges: clipMerges([...areas.values()], rect), fingerprint: fingerprint.digest(rect.rowCount, rect.columnCount) };
}

/**
 * Merged areas are reported only where their top-left cell lies in the queried range, so the first block
 * looks a little above the table and every block a little to its left; areas reaching down into a later
 * block were already found, whole, with the block they start in.
 */
function mergeQueryRect(table: Rect, block: Rect, first: boolean, options: ReadOptions): Rect {
  const top = first ? Math.max(0, block.row - options.mergeLookbackRows) : block.row;
  const left = Math.max(0, table.column - options.mergeLookbackColumns);
  return { row: top, column: left, rowCount: block.row + block.rowCount - top, columnCount: table.column + table.columnCount - left };
}

async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  blockRect: Rect,
  mergeRect: Rect | null,
): Promise<{ values: unknown[][]; formats: unknown[][]; areas: Rect[] | null }> {
  const range = sheet.getRangeByIndexes(blockRect.row, blockRect.column, blockRect.rowCount, blockRect.columnCount).load('values,numberFormat');
  const merged = mergeRect
    ? sheet.getRangeByIndexes(mergeRect.row, mergeRect.column, mergeRect.rowCount, mergeRect.columnCount).getMergedAreasOrNullObject().load('address')
    : null;
  await context.sync();
  return {
    values: range.values,
    formats: range.numberFormat,
    areas: merged ? (merged.isNullObject ? [] : parseAreasAddress(merged.address)) : null,
  };
}

/** Merged areas of a range too busy to list at once: halve it (rows first, then columns) until Excel answers. */
async function mergedAreasSplit(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect): Promise<Rect[]> {
  const halves: Rect[] = [];
  if (rect.rowCount > 1) {
    const upper = Math.floor(rect.rowCount / 2);
    halves.push({ ...rect, rowCount: upper }, { ...rect, row: rect.row + upper, rowCount: rect.rowCount - upper });
  } else if (rect.columnCount > 1) {
    const left = Math.floor(rect.columnCount / 2);
    halves.push({ ...rect, columnCount: left }, { ...rect, column: rect.column + left, columnCount: rect.columnCount - left });
  } else {
    throw hostError('too-many-merges');
  }
  const found: Rect[] = [];
  for (const half of halves) {
    const merged = sheet.getRangeByIndexes(half.row, half.column, half.rowCount, half.columnCount).getMergedAreasOrNullObject().load('address');
    try {
      await context.sync();
      if (!merged.isNullObject) found.push(...parseAreasAddress(merged.address));
    } catch (error) {
      if (isPayloadTooLarge(error)) throw error;
      found.push(...(await mergedAreasSplit(context, sheet, half)));
    }
  }
  return found;
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
