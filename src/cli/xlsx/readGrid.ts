import type { Cell, CellValue as ExcelValue, Worksheet } from 'exceljs';
import type { CellValue, Grid, MergedArea } from '../../core/types';
import { parseRangeA1 } from '../../core/grid/address';
import { CliError } from '../errors';

/** A block of sheet cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** exceljs value type of a merged cell that is not the top-left one. */
const MERGE_VALUE_TYPE = 1;

/**
 * Read a worksheet into the engine's Grid. `range` (A1) limits what is read; without it the grid runs from A1 to the last
 * row and column holding a value. Values are what a clerk sees: formula results, error text, dates as YYYY-MM-DD.
 */
export function readGrid(worksheet: Worksheet, range: string | null = null): Grid {
  const box = range === null ? null : parseRange(range);
  const rows: Array<CellValue[] | undefined> = [];
  // The last row and column with a value anywhere on the sheet: an explicit range is read up to there, not beyond.
  let lastRow = 0;
  let lastColumn = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const inRows = !box || (rowNumber >= box.top && rowNumber <= box.bottom);
    let values: CellValue[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cellValue(cell);
      if (value === null || value === '') return;
      if (columnNumber > lastColumn) lastColumn = columnNumber;
      lastRow = rowNumber;
      if (!inRows || (box && (columnNumber < box.left || columnNumber > box.right))) return;
      values ??= [];
      values[columnNumber - 1] = value;
    });
    if (values) rows[rowNumber - 1] = values;
  });

  const top = box ? box.top : 1;
  const left = box ? box.left : 1;
  // A range larger than the used area (A:Z, A1:XFD1048576) stops at the sheet's last value.
  const bottom = box ? Math.min(box.bottom, Math.max(lastRow, top)) : lastRow;
  const right = box ? Math.min(box.right, Math.max(lastColumn, left)) : lastColumn;
  const width = right >= left ? right - left + 1 : 0;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r += 1) {
    const source = rows[r - 1];
    const out: CellValue[] = new Array<CellValue>(width).fill(null);
    if (source) {
      for (let c = 0; c < width; c += 1) {
        const value = source[left - 1 + c];
        if (value !== undefined) out[c] = value;
      }
    }
    values.push(out);
  }
  const grid: Grid = {
    values,
    merges: clipMerges(sheetMerges(worksheet), { top, left, bottom, right }),
    origin: { row: top, column: left },
    sheet: worksheet.name,
  };
  return grid;
}

function parseRange(range: string): Box {
  const parsed = parseRangeA1(range);
  if (!parsed || parsed.top < 1 || parsed.left < 1 || parsed.bottom > 1048576 || parsed.right > 16384) {
    throw new CliError('bad-range', {
      'zh-CN': `区域无效：${range}（应写成 A1:F900 这样）`,
      'en-US': `bad range: ${range} (write it like A1:F900)`,
    });
  }
  return parsed;
}

/** The text (or number / boolean) a clerk sees in a cell. Merged cells other than the top-left one are empty. */
export function cellValue(cell: Cell): CellValue {
  if (cell.type === MERGE_VALUE_TYPE) return null;
  return plainValue(cell.value);
}

export function plainValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return normalizeLineBreaks(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return normalizeLineBreaks(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula never calculated has no result: it shows as empty.
    return value.result === undefined ? null : plainValue(value.result);
  }
  if ('hyperlink' in value) return linkText(value.text, value.hyperlink);
  return null;
}

/** A hyperlink's text may itself be rich text; with no text the address is what shows. */
function linkText(text: unknown, hyperlink: string): CellValue {
  if (typeof text === 'string') return normalizeLineBreaks(text);
  if (text !== null && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
    return normalizeLineBreaks(text.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join(''));
  }
  return hyperlink;
}

function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** exceljs reads date cells as UTC instants. */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The sheet's merged areas. `worksheet.model` would serialize every row just to list them, which doubles the read time of
 * a large sheet, so the merge table exceljs keeps is used when it has the expected shape.
 */
export function sheetMerges(worksheet: Worksheet): Box[] {
  const internal: unknown = (worksheet as unknown as { _merges?: unknown })._merges;
  if (internal !== null && typeof internal === 'object') {
    const boxes: Box[] = [];
    for (const merge of Object.values(internal)) {
      if (!isBox(merge)) return mergesFromModel(worksheet);
      boxes.push({ top: merge.top, left: merge.left, bottom: merge.bottom, right: merge.right });
    }
    return boxes;
  }
  return mergesFromModel(worksheet);
}

function isBox(value: unknown): value is Box {
  if (value === null || typeof value !== 'object') return false;
  const box = value as Record<string, unknown>;
  return ['top', 'left', 'bottom', 'right'].every((key) => typeof box[key] === 'number');
}

function mergesFromModel(worksheet: Worksheet): Box[] {
  return worksheet.model.merges.flatMap((range) => {
    const box = parseRangeA1(range);
    return box ? [box] : [];
  });
}

/** Merged areas inside `box`, in grid coordinates; parts outside are cut off, and what is left of a single cell is no merge. */
export function clipMerges(merges: Box[], box: Box): MergedArea[] {
  const out: MergedArea[] = [];
  for (const merge of merges) {
    const top = Math.max(merge.top, box.top);
    const left = Math.max(merge.left, box.left);
    const bottom = Math.min(merge.bottom, box.bottom);
    const right = Math.min(merge.right, box.right);
    if (bottom < top || right < left || (bottom === top && right === left)) continue;
    out.push({ row: top - box.top, column: left - box.left, rowCount: bottom - top + 1, columnCount: right - left + 1 });
  }
  return out.sort((a, b) => a.row - b.row || a.column - b.column);
}
