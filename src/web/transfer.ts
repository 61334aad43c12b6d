/**
 * What crosses from the worker to the page. A 100k-row sheet as an array of arrays of strings would take the page's
 * main thread hundreds of milliseconds to receive (structured clone builds every string object); one string with an
 * offset table arrives as two objects and the grid cuts out only the cells on screen.
 */
import type { Analysis, CellValue, Grid, MergedArea, TaskRecord, OutputRow } from '../core/types';

export interface PackedGrid {
  sheet: string;
  rowCount: number;
  columnCount: number;
  origin: { row: number; column: number };
  /** Every cell's text, row by row, concatenated. */
  text: string;
  /** Offset of each cell's end in `text` (rowCount × columnCount entries); cell i starts where cell i-1 ends. */
  ends: Uint32Array;
  merges: MergedArea[];
}

function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function packGrid(grid: Grid, sheet: string): PackedGrid {
  const rowCount = grid.values.length;
  let columnCount = 0;
  for (const row of grid.values) columnCount = Math.max(columnCount, row.length);
  const ends = new Uint32Array(rowCount * columnCount);
  const parts: string[] = [];
  let offset = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const row = grid.values[r];
    for (let c = 0; c < columnCount; c += 1) {
      const text = cellText(row[c]);
      parts.push(text);
      offset += text.length;
      ends[r * columnCount + c] = offset;
    }
  }
  return { sheet, rowCount, columnCount, origin: { ...grid.origin }, text: parts.join(''), ends, merges: grid.merges };
}

/** Text of a cell of a packed grid by 0-based grid row and column. */
export function packedCell(grid: PackedGrid, row: number, column: number): string {
  if (row < 0 || column < 0 || row >= grid.rowCount || column >= grid.columnCount) return '';
  const i = row * grid.columnCount + column;
  return grid.text.slice(i === 0 ? 0 : grid.ends[i - 1], grid.ends[i]);
}

/**
 * The analysis as the panes need it: every finding, change, removed row and the summary, but the parsed records and
 * the repaired rows only as counts (holey arrays of the right length: the panes show how many, never which). The
 * worker keeps the full analysis for writing.
 */
export function analysisForPage(analysis: Analysis): Analysis {
  const { table, plan } = analysis;
  return {
    ...analysis,
    table: { ...table, records: new Array<TaskRecord>(table.records.length), removed: [] },
    plan: { ...plan, rows: new Array<OutputRow>(plan.rows.length), rowMap: [] },
  };
}
