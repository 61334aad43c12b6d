/**
 * The WPS task pane as the browser end-to-end test runs it: `window.Application` (and the `wps` object) provided by
 * the in-memory WPS, preloaded with the grid served at ./<fixture>.json (?fixture=, default fixture), the whole table selected; then the pane's own
 * start (wps/taskpane.tsx), which recognizes WPS and uses the WpsHost.
 */
import type { Grid } from '../../src/core/types';
import { startWpsPane } from '../../wps/taskpane';
import { installFakeWps, wpsBookFromGrid, type WpsBook } from '../support/fakeWps';

export interface WpsHarnessFixture {
  grid: Grid;
  sheet: string;
  /** A1 range to select before the pane opens. */
  select: string;
}

declare global {
  interface Window {
    /** The in-memory WPS workbook, for the test to look at what the pane did. */
    e2eWpsBook?: WpsBook;
  }
}

async function boot(): Promise<void> {
  const name = new URLSearchParams(window.location.search).get('fixture') ?? 'fixture';
  const fixture = (await (await fetch(`./${encodeURIComponent(name)}.json`)).json()) as WpsHarnessFixture;
  const book = wpsBookFromGrid(fixture.grid, { sheet: fixture.sheet, select: fixture.select });
  installFakeWps(window, book);
  window.e2eWpsBook = book;
  await startWpsPane();
}

void boot();
