/**
 * `npx tsx bench/engineStages.ts [rows] [runs]` (not a test): the engine alone on a Word-paste grid of ~100k rows,
 * each stage (readTable, validate, buildPlan, summarize) timed on its own, median of several runs. Run it under
 * `node --cpu-prof` to find where the time goes.
 */
import { performance } from 'node:perf_hooks';
import { analyze, buildPlan, defaultConfig, readTable, summarize, validate } from '../src/core';
import { largeGrid, median } from './largeGrid';


/** Wall time, and CPU time of the whole process (user + system, GC threads included): on a shared machine the
 * CPU figure moves far less than the wall clock when other sessions compete for the cores. */
function time<T>(samples: number[], run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  samples.push(performance.now() - start);
  cpuSamples.get(samples)?.push((used.user + used.system) / 1000);
  return result;
}

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const grid = largeGrid(rows);
const config = defaultConfig();
const samples: Record<string, number[]> = { read: [], validate: [], plan: [], summarize: [], analyze: [] };
const cpuSamples = new Map<number[], number[]>(Object.values(samples).map((list) => [list, []]));
for (let i = 0; i < runs; i += 1) {
  const table = time(samples.read, () => readTable(grid, config, { today: null, sheetOfficial: null }));
  time(samples.validate, () => validate(table, config));
  time(samples.plan, () => buildPlan(table, config));
  time(samples.summarize, () => summarize(table, config, { today: null }));
  time(samples.analyze, () => analyze(grid));
}
const line = Object.entries(samples)
  // `first`: the first, cold run of a stage — what a CLI command pays, before the optimiser has compiled the engine (on the
  // 100k-row table two to four times the warm figures; analyze runs after the stages, so its first run is warm).
  .map(([name, values]) => `${name} ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, cpu ${median(cpuSamples.get(values) ?? []).toFixed(0)}, first ${values[0].toFixed(0)})`)
  .join(', ');
global.gc?.();
const retained = (() => {
  const before = process.memoryUsage().heapUsed;
  const kept = analyze(grid);
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  return kept.table.records.length > 0 ? (after - before) / 1e6 : 0;
})();
const heap = global.gc ? `; heap retained by one result ${retained.toFixed(1)} MB` : ' (run with --expose-gc for the heap a result retains)';
process.stdout.write(`${grid.values.length} rows, median of ${runs}: ${line}${heap}\n`);
