/** Build fake workbooks from the engine's `Grid`: values and merged areas placed at the grid's origin. */
import type { Grid } from '../../../src/core/types';
import { PastedBookOptions, pasteGrid, pasteIntoBook } from '../pastedGrid';
import { FakeSheet, FakeWorkbook, FakeWorkbookOptions } from './model';

/** Writes a grid onto a sheet as a clerk's paste would leave it: text stays text, numbers are numbers. */
export function putGrid(sheet: FakeSheet, grid: Grid): void {
  // Range.merge(across) "Default is false" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)).
  pasteGrid({ enter: (row, column, input) => sheet.enter(row, column, input), mergeArea: (area) => sheet.merge(area, false) }, grid);
}

export interface GridWorkbookOptions extends FakeWorkbookOptions, PastedBookOptions {}

export function workbookFromGrid(grid: Grid, options: GridWorkbookOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  pasteIntoBook(book, grid, options, (sheet) => putGrid(sheet, grid));
  return book;
}
