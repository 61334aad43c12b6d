/** The bench's engine input, shared by `npm run bench` (run.ts) and the per-stage timer (engineStages.ts). */
import type { Grid } from '../src/core/types';
import { renderWordPasteGrid } from '../tests/fixtures/render';
import { loadSeed } from '../tests/fixtures/seedTable';
import type { LogicalTable } from '../tests/fixtures/seedTable';

/** Seed 001 with its sections repeated until the Word-paste grid has at least `rows` sheet rows. */
export function largeGrid(rows: number): Grid {
  const seed = loadSeed('001');
  const firstSection = seed.lines.findIndex((line) => line.kind === 'section');
  const titles = seed.lines.slice(0, firstSection);
  const body = seed.lines.slice(firstSection);
  const once = renderWordPasteGrid(seed).values.length;
  const repeats = Math.max(1, Math.ceil((rows - titles.length) / (once - titles.length)));
  const table: LogicalTable = { ...seed, lines: [...titles, ...Array.from({ length: repeats }, () => body).flat()] };
  return { ...renderWordPasteGrid(table), sheet: '附件1' };
}

/** The middle value (the mean of the two middle ones for an even count): a run's figure without its outliers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
