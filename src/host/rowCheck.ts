/**
 * Before a finding's cell is selected, the hosts re-read that cell's row of the table and compare it with what was
 * read: an inserted or deleted row above would put another record there. One row is read, so going to a finding stays
 * quick on big tables. The hosts do the reading; which row, and whether it still holds the same, is decided here, the
 * same for Excel and WPS. Pure: no host API here.
 */
import type { CellValue } from '../core/types';
import { type Rect, parseA1 } from './addresses';
import type { SourceSnapshot } from './index';

/** The row of the table the cell stands in, and what it held when read; null when the cell is outside the table. */
export function rowToRecheck(source: SourceSnapshot, address: string): { rect: Rect; expected: readonly CellValue[] } | null {
  const table = parseA1(source.address);
  const cell = parseA1(address);
  if (!table || !cell) return null;
  const expected = source.grid.values[cell.row - table.row];
  if (!expected) return null;
  return { rect: { row: cell.row, column: table.column, rowCount: 1, columnCount: table.columnCount }, expected };
}

/** Every cell of the row read now holds what it held (a cell missing from what was read counts as empty). */
export function rowStillHolds(current: readonly CellValue[] | undefined, expected: readonly CellValue[]): boolean {
  return current?.every((value, c) => value === (expected[c] ?? null)) ?? false;
}
