/**
 * Realistic big tables: seed 001 as a Word paste leaves it (merged titles, sections, tasks spanning rows), stacked to
 * 10.7k and 50k rows. Reading and applying take few syncs — each one a round trip to Excel, seconds on Excel on the web —
 * none refused, no request or response near Excel's 5 MB limit, and every merged area found once, whole.
 */
import type { Grid, MergedArea } from '../../src/core/types';
import { analyze } from '../../src/core';
import { createOfficeHost } from '../../src/excel';
import { FakeWorkbook, workbookFromGrid } from '../support/fakeExcel';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { maxOf, openWorkbook } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;

/** Seed 001's Word paste repeated `copies` times, one under the other. */
function stackedSeed(copies: number): Grid {
  const seed = renderWordPaste(loadSeed('001')).grid;
  const height = seed.values.length;
  const values = Array.from({ length: copies }, () => seed.values.map((row) => [...row])).flat();
  const merges: MergedArea[] = Array.from({ length: copies }, (_, i) => seed.merges.map((m) => ({ ...m, row: m.row + i * height }))).flat();
  return { values, merges, origin: { row: 1, column: 1 }, sheet: '进展表' };
}

async function readAndApply(copies: number, options: { mergedAreas?: 'whole' | 'starting-in' | 'clipped' } = {}) {
  const grid = stackedSeed(copies);
  const book: FakeWorkbook = openWorkbook(workbookFromGrid(grid, { select: 'B5', mergedAreas: options.mergedAreas }));
  const host = createOfficeHost();
  const source = await host.readSelection();
  const read = { syncs: book.stats.syncs, failed: book.stats.failedSyncs, maxResponse: maxOf(book.stats.responseBytes) };
  expect(source.grid.values).toHaveLength(grid.values.length);
  const key = (m: MergedArea) => `${m.row},${m.column},${m.rowCount},${m.columnCount}`;
  expect(new Set(source.grid.merges.map(key))).toEqual(new Set(grid.merges.map(key)));
  expect(source.grid.merges).toHaveLength(grid.merges.length);

  const analysis = analyze(source.grid);
  book.resetStats();
  await host.applyPlan(source, analysis.plan, { mode: 'new-sheet', lang: 'zh-CN' });
  const apply = { syncs: book.stats.syncs, failed: book.stats.failedSyncs, maxRequest: maxOf(book.stats.requestBytes) };
  return { read, apply, rows: grid.values.length, records: analysis.table.records.length };
}

describe('big seed-built tables', () => {
  test('10.7k rows with 12k merged areas: read in at most 5 syncs and applied in at most 10, none refused', async () => {
    const { read, apply, rows } = await readAndApply(7);
    expect(rows).toBeGreaterThan(10_000);
    expect(read.failed).toBe(0);
    expect(read.syncs).toBeLessThanOrEqual(5);
    expect(read.maxResponse).toBeLessThan(FOUR_MB);
    expect(apply.failed).toBe(0);
    expect(apply.syncs).toBeLessThanOrEqual(10);
    expect(apply.maxRequest).toBeLessThan(FOUR_MB);
  });

  test('50k rows: read in at most 10 syncs and applied in at most 22, none refused', async () => {
    const { read, apply, rows } = await readAndApply(33);
    expect(rows).toBeGreaterThan(50_000);
    expect([read.failed, apply.failed]).toEqual([0, 0]);
    expect(read.syncs).toBeLessThanOrEqual(10);
    expect(apply.syncs).toBeLessThanOrEqual(22);
  }, 120_000);

  test.each(['starting-in', 'clipped'] as const)('merged areas cut at block boundaries come back whole when Excel reports them %s', async (mode) => {
    const { read } = await readAndApply(2, { mergedAreas: mode });
    expect(read.failed).toBe(0);
  });
});
