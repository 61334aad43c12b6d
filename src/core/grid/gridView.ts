import type { CellValue, Grid, MergedArea } from '../types';

/** The text of a cell as a clerk sees it. Line endings are unified; nothing else is changed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * Random access to a grid's text and merges. Covered cells (inside a merged area but not its top-left)
 * read as empty, whatever the reader put there.
 */
export class GridView {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly origin: { row: number; column: number };
  private readonly values: Grid['values'];
  /** Per cell: index into `merges` of the area containing it, or -1. */
  private readonly mergeIndex: Int32Array;
  readonly merges: readonly MergedArea[];
  /**
   * Per row: 0 not looked at yet, 1 no text in it holds a '\r', 2 some does. readTable asks for the same cell many
   * times (row kinds, record starts, sub-items); a long progress text is scanned for '\r' once, not at every ask.
   */
  private readonly rowState: Uint8Array;

  constructor(grid: Grid) {
    this.rowCount = grid.values.length;
    let width = 0;
    // Indexed, not for…of: this runs once per sheet, before the optimiser has compiled it, and for…of there takes an
    // iterator result object per row and per merged area (two hundred thousand on the bench's 100k-row table).
    for (let r = 0; r < grid.values.length; r++) width = Math.max(width, grid.values[r].length);
    for (let i = 0; i < grid.merges.length; i++) width = Math.max(width, grid.merges[i].column + grid.merges[i].columnCount);
    this.columnCount = width;
    this.origin = grid.origin;
    const usable = (m: MergedArea) => m.row < this.rowCount && m.rowCount > 0 && m.columnCount > 0;
    // Read-only here: the grid's own list when every area is usable (as a reader gives it), rather than a copy that
    // filter grows step by step to a hundred thousand areas.
    this.merges = grid.merges.every(usable) ? grid.merges : grid.merges.filter(usable);
    this.mergeIndex = new Int32Array(this.rowCount * Math.max(width, 1)).fill(-1);
    this.merges.forEach((m, i) => {
      const bottom = Math.min(m.row + m.rowCount, this.rowCount);
      for (let r = m.row; r < bottom; r++) {
        for (let c = m.column; c < m.column + m.columnCount; c++) this.mergeIndex[r * width + c] = i;
      }
    });
    this.values = grid.values;
    this.rowState = new Uint8Array(this.rowCount);
  }

  text(row: number, column: number): string {
    if (column < 0 || column >= this.columnCount || row < 0 || row >= this.rowCount) return '';
    const i = this.mergeIndex[row * this.columnCount + column];
    if (i >= 0) {
      const m = this.merges[i];
      if (m.row !== row || m.column !== column) return '';
    }
    const values = this.values[row];
    if (values === undefined) return '';
    const value = values[column];
    if (typeof value === 'string') {
      let state = this.rowState[row];
      if (state === 0) state = this.scanRow(row, values);
      if (state === 1) return value;
    }
    return cellText(value);
  }

  private scanRow(row: number, values: Grid['values'][number]): number {
    let state = 1;
    for (const value of values) if (typeof value === 'string' && value.includes('\r')) state = 2;
    this.rowState[row] = state;
    return state;
  }

  /** What the cell shows: the merged area's value for every cell inside it. */
  shownText(row: number, column: number): string {
    const m = this.mergeAt(row, column);
    return m ? this.text(m.row, m.column) : this.text(row, column);
  }

  /** Some merged area lies in this column (the grid came from a paste that kept merges). */
  columnHasMerges(column: number): boolean {
    return this.merges.some((m) => column >= m.column && column < m.column + m.columnCount && m.rowCount > 1);
  }

  rowTexts(row: number): string[] {
    if (row < 0 || row >= this.rowCount) return [];
    const out = new Array<string>(this.columnCount);
    for (let c = 0; c < this.columnCount; c++) out[c] = this.text(row, c);
    return out;
  }

  mergeAt(row: number, column: number): MergedArea | null {
    if (row < 0 || row >= this.rowCount || column < 0 || column >= this.columnCount) return null;
    const i = this.mergeIndex[row * this.columnCount + column];
    return i >= 0 ? this.merges[i] : null;
  }

  /** Inside a merged area but not its top-left cell. */
  isCovered(row: number, column: number): boolean {
    const m = this.mergeAt(row, column);
    return m !== null && (m.row !== row || m.column !== column);
  }

  /** Covered by a merged area that starts in an earlier row. */
  isCoveredFromAbove(row: number, column: number): boolean {
    const m = this.mergeAt(row, column);
    return m !== null && m.row < row;
  }

  /** The row continues a merged block from above in any column. */
  rowContinuesMerge(row: number): boolean {
    for (let c = 0; c < this.columnCount; c++) if (this.isCoveredFromAbove(row, c)) return true;
    return false;
  }

  isBlankRow(row: number): boolean {
    for (let c = 0; c < this.columnCount; c++) if (this.text(row, c).trim() !== '') return false;
    return true;
  }

  /** 1-based sheet row of a grid row. */
  sheetRow(row: number): number {
    return this.origin.row + row;
  }

  /** 1-based sheet column of a grid column. */
  sheetColumn(column: number): number {
    return this.origin.column + column;
  }
}
