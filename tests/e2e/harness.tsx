/**
 * The taskpane as the browser end-to-end test runs it: no office.js, an in-memory Excel instead, preloaded with the
 * grid the test serves at ./fixture.json (made in Node from a seed), with the whole table selected. The real
 * office-js WorkbookHost (src/excel) runs against it. `?outside=1` installs nothing: the pane outside Excel.
 */
import type { Grid } from '../../src/core/types';
import { startTaskpane } from '../../taskpane/main';
import { columnLetters, installFakeOffice, workbookFromGrid, type FakeWorkbook } from '../support/fakeExcel';

export interface HarnessFixture {
  grid: Grid;
  sheet: string;
  displayLanguage: string;
  /** The cell or range the user selected before opening the pane (Excel widens it over merged cells); default the whole grid. */
  select?: string;
}

declare global {
  interface Window {
    /** The in-memory workbook, for the test to look at what the pane did. */
    e2eBook?: FakeWorkbook;
  }
}

/** The A1 range of the whole grid, as a clerk would select it before opening the pane. */
function gridRange(grid: Grid): string {
  const width = Math.max(...grid.values.map((row) => row.length));
  const first = `${columnLetters(grid.origin.column - 1)}${grid.origin.row}`;
  const last = `${columnLetters(grid.origin.column - 1 + width - 1)}${grid.origin.row + grid.values.length - 1}`;
  return `${first}:${last}`;
}

async function boot(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  // ?office=load: no in-memory Excel; the pane loads office.js itself (CDN, then the bundled copy) as in production.
  if (params.get('office') === 'load') {
    startTaskpane();
    return;
  }
  const outside = params.has('outside');
  if (!outside) {
    // ?fixture=name serves name.json (each user journey has its own seed-built workbook).
    const name = (params.get('fixture') ?? 'fixture').replace(/[^\w-]/g, '');
    const fixture = (await (await fetch(`./${name}.json`)).json()) as HarnessFixture;
    const book = workbookFromGrid(fixture.grid, { sheet: fixture.sheet, select: fixture.select ?? gridRange(fixture.grid) });
    installFakeOffice(window, book, { displayLanguage: fixture.displayLanguage });
    window.e2eBook = book;
  }
  startTaskpane({ skipOfficeLoad: true, officeSlowMs: 1000 });
}

void boot();
