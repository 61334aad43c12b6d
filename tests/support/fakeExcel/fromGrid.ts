/** Build fake workbooks from the engine's `Grid`: values and merged areas placed at the grid's origin. */
import type { Grid } from '../../../src/core/types';
import { columnLetters } from './address';
import { FakeSheet, FakeWorkbook, FakeWorkbookOptions } from './model';

/** Writes a grid onto a sheet as a clerk's paste would leave it: text stays text, numbers are numbers. */
export function putGrid(sheet: FakeSheet, grid: Grid): void {
  const top = grid.origin.row - 1;
  const left = grid.origin.column - 1;
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      // Pasted text is stored as constants: the apostrophe keeps "=…" or "1-2" from being re-interpreted.
      sheet.enter(top + r, left + c, typeof value === 'string' ? `'${value}` : value);
    }),
  );
  for (const area of grid.merges) {
    sheet.merge({ row: top + area.row, column: left + area.column, rowCount: area.rowCount, columnCount: area.columnCount }, false);
  }
}

export interface GridWorkbookOptions extends FakeWorkbookOptions {
  /** Sheet name; defaults to grid.sheet or "Sheet1". */
  sheet?: string;
  /** Other sheets to create (empty), after the grid's sheet. */
  otherSheets?: string[];
  /** Cell to select, A1; defaults to the grid's top-left cell. */
  select?: string;
}

export function workbookFromGrid(grid: Grid, options: GridWorkbookOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  const name = options.sheet ?? grid.sheet ?? 'Sheet1';
  const sheet = book.addSheet(name);
  putGrid(sheet, grid);
  for (const other of options.otherSheets ?? []) book.addSheet(other);
  const origin = `${columnLetters(grid.origin.column - 1)}${grid.origin.row}`;
  book.select(name, options.select ?? origin);
  return book;
}

