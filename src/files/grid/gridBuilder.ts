/**
 * Cells as a reader finds them (any order of rows, sparse), turned into the engine's Grid: the used area or the asked
 * range, merged areas repaired the way Excel repairs them and clipped to the area, values hidden under a merge left out
 * as Excel shows them.
 */
import { parseRangeA1, rangeA1 } from '../../core/grid/address';
import type { CellValue, Grid, MergedArea } from '../../core/types';
import { MAX_CELL_TEXT } from '../../core/sheets';
import { fileError } from '../errors';
import type { DateCell, FileWarning, ReadSheetResult } from '../types';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): Box {
  const parsed = parseRangeA1(range);
  if (!parsed || parsed.top < 1 || parsed.left < 1 || parsed.bottom > MAX_ROWS || parsed.right > MAX_COLUMNS) {
    throw fileError('bad-range', `区域无效：${range}（应写成 A1:F900 这样）`, `bad range: ${range} (write it like A1:F900)`);
  }
  return parsed;
}

export class GridBuilder {
  private readonly rows: Array<CellValue[] | undefined> = [];
  private lastRow = 0;
  private lastColumn = 0;
  private readonly merges: Box[] = [];
  private badMerges = 0;
  private longCells = 0;
  readonly hiddenRows: number[] = [];
  private readonly dates: DateCell[] = [];
  readonly hiddenColumns: number[] = [];
  private readonly box: Box | null;

  constructor(range?: string) {
    this.box = range === undefined || range === '' ? null : parseRange(range);
  }

  /** A value at a 1-based sheet row and column; empty text and null are no value. */
  set(row: number, column: number, value: CellValue): void {
    if (value === null || value === '') return;
    if (row < 1 || column < 1 || row > MAX_ROWS || column > MAX_COLUMNS) return;
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) this.longCells += 1;
    if (row > this.lastRow) this.lastRow = row;
    if (column > this.lastColumn) this.lastColumn = column;
    const box = this.box;
    if (box && (row < box.top || row > box.bottom || column < box.left || column > box.right)) return;
    const cells = (this.rows[row - 1] ??= []);
    cells[column - 1] = value;
  }

  /** A cell `set` with a date's text: the serial and format behind it, so a writer can keep it a date. */
  date(row: number, column: number, serial: number, format: string): void {
    const box = this.box;
    if (box && (row < box.top || row > box.bottom || column < box.left || column > box.right)) return;
    this.dates.push({ row, column, serial, format });
  }

  /** A merged area in A1 ("B2:D4") as the file declares it. */
  mergeA1(ref: string): void {
    const box = quickRange(ref) ?? parseRangeA1(ref);
    if (!box || box.bottom > MAX_ROWS || box.right > MAX_COLUMNS || box.top < 1 || box.left < 1) {
      this.badMerges += 1;
      return;
    }
    this.merge(box);
  }

  merge(box: Box): void {
    if (box.bottom > MAX_ROWS || box.right > MAX_COLUMNS) {
      this.badMerges += 1;
      return;
    }
    if (box.top === box.bottom && box.left === box.right) return;
    this.merges.push(box);
  }

  hideRow(row: number): void {
    this.hiddenRows.push(row);
  }

  hideColumns(first: number, last: number): void {
    // A <col> may span to column 16384 to hide "everything to the right": only the used columns matter.
    for (let c = first; c <= Math.min(last, first + 1000); c += 1) this.hiddenColumns.push(c);
  }

  build(sheet: string): ReadSheetResult {
    const warnings: FileWarning[] = [];
    const box = this.box;
    const top = box ? box.top : 1;
    const left = box ? box.left : 1;
    // A range larger than the used area (A:Z, A1:XFD1048576) stops at the sheet's last value.
    const bottom = box ? Math.min(box.bottom, Math.max(this.lastRow, top)) : this.lastRow;
    const right = box ? Math.min(box.right, Math.max(this.lastColumn, left)) : this.lastColumn;
    const width = right >= left ? right - left + 1 : 0;
    const values: CellValue[][] = [];
    for (let r = top; r <= bottom; r += 1) {
      const source = this.rows[r - 1];
      if (source && left === 1) {
        // The row as collected becomes the grid row (holes filled, cut to the width): no second copy of a large sheet.
        for (let c = 0; c < width; c += 1) if (source[c] === undefined) source[c] = null;
        source.length = width;
        values.push(source);
        this.rows[r - 1] = undefined;
        continue;
      }
      const out = new Array<CellValue>(width).fill(null);
      if (source) for (let c = 0; c < width; c += 1) {
        const value = source[left - 1 + c];
        if (value !== undefined) out[c] = value;
      }
      values.push(out);
    }
    const { kept, overlapping } = repairMerges(this.merges);
    const area: Box = { top, left, bottom, right };
    const merges = width > 0 ? clipMerges(kept, area) : [];
    if (width > 0) {
      for (const merge of kept) {
        // Excel shows only the top-left value of a merged area, also when a range cuts the area.
        const r0 = Math.max(merge.top, top);
        const r1 = Math.min(merge.bottom, bottom);
        const c0 = Math.max(merge.left, left);
        const c1 = Math.min(merge.right, right);
        for (let r = r0; r <= r1; r += 1) {
          const row = values[r - top];
          for (let c = c0; c <= c1; c += 1) if (r !== merge.top || c !== merge.left) row[c - left] = null;
        }
      }
    }
    if (overlapping > 0 || this.badMerges > 0) {
      const n = overlapping + this.badMerges;
      warnings.push({
        code: 'merge-repaired',
        messages: {
          'zh-CN': `工作表“${sheet}”中有 ${n} 处合并单元格重叠或超出工作表范围，已按 Excel 的修复方式忽略`,
          'en-US': `sheet "${sheet}" has ${n} merged areas that overlap or run outside the sheet; ignored as Excel repairs them`,
        },
      });
    }
    if (this.longCells > 0) {
      warnings.push({
        code: 'cell-too-long',
        messages: {
          'zh-CN': `工作表“${sheet}”中有 ${this.longCells} 个单元格超过 Excel 的 32767 字符上限`,
          'en-US': `sheet "${sheet}" has ${this.longCells} cells longer than Excel's 32,767-character limit`,
        },
      });
    }
    const hiddenRows = this.hiddenRows.filter((r) => r >= top && r <= bottom);
    const hiddenColumns = [...new Set(this.hiddenColumns)].filter((c) => c >= left && c <= right);
    if (hiddenRows.length > 0 || hiddenColumns.length > 0) {
      warnings.push({
        code: 'hidden-cells',
        messages: {
          'zh-CN': `工作表“${sheet}”有 ${hiddenRows.length} 行、${hiddenColumns.length} 列被隐藏，已一并读取`,
          'en-US': `sheet "${sheet}" has ${hiddenRows.length} hidden rows and ${hiddenColumns.length} hidden columns; they were read too`,
        },
      });
    }
    const grid: Grid = { values, merges, origin: { row: top, column: left }, sheet };
    return { grid, warnings, hiddenRows, hiddenColumns, dates: this.dates };
  }
}

/**
 * "B2:D4" as Excel writes every merge (upper-case, no $, no spaces), read without a regular expression or the split
 * parts: a large report has a hundred thousand of them. Anything else is left to parseRangeA1 (null here).
 */
function quickRange(ref: string): Box | null {
  const colon = ref.indexOf(':');
  if (colon < 0 || !corner(ref, 0, colon)) return null;
  const top = cornerAt.row;
  const left = cornerAt.column;
  if (!corner(ref, colon + 1, ref.length)) return null;
  const bottom = cornerAt.row;
  const right = cornerAt.column;
  return bottom < top || right < left ? null : { top, left, bottom, right };
}

/** Where corner() puts what it read (no object per corner: two per merge of a large report). */
const cornerAt = { row: 0, column: 0 };

/** One corner "B12" of ref[start, end): 1-3 upper-case letters, then 1-7 digits. */
function corner(ref: string, start: number, end: number): boolean {
  let i = start;
  let column = 0;
  for (; i < end; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === start || i - start > 3) return false;
  const digits = i;
  let row = 0;
  for (; i < end; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  if (i === digits || i - digits > 7) return false;
  cornerAt.row = row;
  cornerAt.column = column;
  return true;
}

/**
 * Overlapping merged areas: Excel keeps the first in the file and drops any later one that overlaps it. A sweep over
 * the areas sorted by top row keeps this linear for the 100k merges of a large report.
 */
export function repairMerges(merges: Box[]): { kept: Box[]; overlapping: number } {
  const order = merges.map((box, i) => ({ box, i })).sort((a, b) => a.box.top - b.box.top || a.i - b.i);
  const accepted = new Array<boolean>(merges.length).fill(true);
  // Active areas (accepted, still covering the current row), by file position.
  const active: Array<{ box: Box; i: number }> = [];
  let overlapping = 0;
  const conflicts: Array<[number, number]> = [];
  for (const item of order) {
    // Areas that ended above this one leave the active list (in place: one new array per area adds up at 100k).
    let keep = 0;
    for (const a of active) if (a.box.bottom >= item.box.top) active[keep++] = a;
    active.length = keep;
    for (const other of active) {
      if (other.box.left <= item.box.right && item.box.left <= other.box.right) conflicts.push([other.i, item.i]);
    }
    active.push(item);
  }
  // Resolve in file order: a later area loses to an earlier one that is still kept.
  conflicts.sort((a, b) => Math.max(a[0], a[1]) - Math.max(b[0], b[1]));
  for (const [a, b] of conflicts) {
    const first = Math.min(a, b);
    const later = Math.max(a, b);
    if (accepted[first] && accepted[later]) {
      accepted[later] = false;
      overlapping += 1;
    }
  }
  return { kept: merges.filter((_, i) => accepted[i]), overlapping };
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

export { rangeA1 };
