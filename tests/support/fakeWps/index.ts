/**
 * An in-memory WPS 表格 behind `window.Application` (see README.md in this folder). Pure TypeScript, so jest tests and
 * the browser e2e harness both use it.
 */
import type { Grid } from '../../../src/core/types';
import type { WpsApplication } from '../../../src/wps/api';
import { createFakeApplication } from './application';
import { WpsBook, WpsBookOptions, WpsSheetModel, columnLetters } from './model';

export { WpsBook, WpsSheetModel, WpsError, parseRef, rectA1, cellA1, columnLetters, interpret } from './model';
export type { WpsCell, WpsScalar, Rect, WpsBookOptions } from './model';
export { createFakeApplication } from './application';

/** Places a grid as a clerk's paste leaves it: text stays text (entered with an apostrophe), merged areas merged. */
export function putGrid(sheet: WpsSheetModel, grid: Grid): void {
  const top = grid.origin.row - 1;
  const left = grid.origin.column - 1;
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      sheet.enter(top + r, left + c, typeof value === 'string' ? `'${value}` : value);
    }),
  );
  for (const area of grid.merges) sheet.merge({ row: top + area.row, column: left + area.column, rowCount: area.rowCount, columnCount: area.columnCount });
}

export interface GridBookOptions extends WpsBookOptions {
  sheet?: string;
  otherSheets?: string[];
  /** A1 to select; defaults to the grid's top-left cell. */
  select?: string;
}

export function wpsBookFromGrid(grid: Grid, options: GridBookOptions = {}): WpsBook {
  const book = new WpsBook(options);
  const name = options.sheet ?? grid.sheet ?? 'Sheet1';
  putGrid(book.addSheet(name), grid);
  for (const other of options.otherSheets ?? []) book.addSheet(other);
  book.select(name, options.select ?? `${columnLetters(grid.origin.column - 1)}${grid.origin.row}`);
  return book;
}

export interface WpsScope {
  Application?: WpsApplication;
  wps?: { EtApplication(): WpsApplication };
}

/**
 * Installs the fake as WPS does in an add-in's pages: `Application` and the `wps` object (the wpsjs samples use both
 * globals). Returns the uninstaller.
 */
export function installFakeWps(scope: object, book: WpsBook): () => void {
  const target = scope as WpsScope;
  const before = { Application: target.Application, wps: target.wps };
  const app = createFakeApplication(book);
  target.Application = app;
  target.wps = { EtApplication: () => app };
  return () => {
    target.Application = before.Application;
    target.wps = before.wps;
  };
}
