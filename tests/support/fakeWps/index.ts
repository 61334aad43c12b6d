/**
 * An in-memory WPS 表格 behind `window.Application` (see README.md in this folder). Pure TypeScript, so jest tests and
 * the browser e2e harness both use it.
 */
import type { Grid } from '../../../src/core/types';
import type { WpsApplication } from '../../../src/wps/api';
import { createFakeApplication } from './application';
import { PastedBookOptions, pasteGrid, pasteIntoBook } from '../pastedGrid';
import { WpsBook, WpsBookOptions, WpsSheetModel } from './model';

export { WpsBook, WpsSheetModel, WpsError, parseRef, rectA1, cellA1, columnLetters, interpret } from './model';
export type { WpsCell, WpsScalar, Rect, WpsBookOptions } from './model';
export { createFakeApplication } from './application';

/** Places a grid as a clerk's paste leaves it: text stays text (entered with an apostrophe), merged areas merged. */
export function putGrid(sheet: WpsSheetModel, grid: Grid): void {
  pasteGrid({ enter: (row, column, input) => sheet.enter(row, column, input), mergeArea: (area) => sheet.merge(area) }, grid);
}

export interface GridBookOptions extends WpsBookOptions, PastedBookOptions {}

export function wpsBookFromGrid(grid: Grid, options: GridBookOptions = {}): WpsBook {
  const book = new WpsBook(options);
  pasteIntoBook(book, grid, options, (sheet) => putGrid(sheet, grid));
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
