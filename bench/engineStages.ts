/**
 * `npx tsx bench/engineStages.ts [rows] [runs]` (not a test): the engine alone on a Word-paste grid of ~100k rows,
 * each stage (readTable, validate, buildPlan, summarize) timed on its own, median of several runs. Run it under
 * `node --cpu-prof` to find where the time goes.
 */
import { performance } from 'node:perf_hooks';
import { analyze, buildPlan, defaultConfig, readTable, summarize, validate } from '../src/core';
import { largeGrid, median } from './largeGrid';


function time<T>(samples: number[], run: () => T): T {
  const start = performance.now();
  const result = run();
  samples.push(performance.now() - start);
  return result;
}

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const grid = largeGrid(rows);
const config = defaultConfig();
const samples: Record<string, number[]> = { read: [], validate: [], plan: [], summarize: [], analyze: [] };
for (let i = 0; i < runs; i += 1) {
  const table = time(samples.read, () => readTable(grid, config, { today: null, sheetOfficial: null }));
  time(samples.validate, () => validate(table, config));
  time(samples.plan, () => buildPlan(table, config));
  time(samples.summarize, () => summarize(table, config, { today: null }));
  time(samples.analyze, () => analyze(grid));
}
const line = Object.entries(samples).map(([name, values]) => `${name} ${median(values).toFixed(0)} ms`).join(', ');
process.stdout.write(`${grid.values.length} rows, median of ${runs}: ${line}\n`);
