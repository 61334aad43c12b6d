/**
 * A grid placed in a fake workbook as a clerk's paste leaves it, the same for the Excel and the WPS double: text stays
 * text (entered with the apostrophe that keeps "=…" or "1-2" from being re-interpreted), numbers are numbers, merged
 * areas merged, the grid's top-left cell selected. Only the placing is shared: each double enters, merges and selects
 * by its own vendor's rules (and cites them), so the two can still differ where Excel and WPS do.
 */
import { toA1 } from '../../src/core/grid/address';
import type { Grid } from '../../src/core/types';

/** A rectangle of cells, 0-based, as both doubles take it. */
export interface PastedArea {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** A fake sheet a grid can be pasted onto. */
export interface PasteTarget {
  enter(row: number, column: number, input: unknown): void;
  mergeArea(area: PastedArea): void;
}

export function pasteGrid(target: PasteTarget, grid: Grid): void {
  const top = grid.origin.row - 1;
  const left = grid.origin.column - 1;
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      target.enter(top + r, left + c, typeof value === 'string' ? `'${value}` : value);
    }),
  );
  for (const area of grid.merges) target.mergeArea({ row: top + area.row, column: left + area.column, rowCount: area.rowCount, columnCount: area.columnCount });
}

export interface PastedBookOptions {
  /** Sheet name; defaults to grid.sheet or "Sheet1". */
  sheet?: string;
  /** Other sheets to create (empty), after the grid's sheet. */
  otherSheets?: string[];
  /** Cell to select, A1; defaults to the grid's top-left cell. */
  select?: string;
}

/** A fake workbook that can add a sheet and select a range as a user would. */
export interface PasteBook<Sheet> {
  addSheet(name: string): Sheet;
  select(sheetName: string, address: string): void;
}

/** Fills a new fake workbook: the grid's sheet pasted (through `paste`), the other sheets empty, the grid selected. */
export function pasteIntoBook<Sheet>(book: PasteBook<Sheet>, grid: Grid, options: PastedBookOptions, paste: (sheet: Sheet) => void): void {
  const name = options.sheet ?? grid.sheet ?? 'Sheet1';
  paste(book.addSheet(name));
  for (const other of options.otherSheets ?? []) book.addSheet(other);
  book.select(name, options.select ?? toA1(grid.origin.row, grid.origin.column));
}
