/**
 * `npm run bench` (not a test): how fast the engine and the CLI are on large tables.
 *
 * 1. Engine: Word-paste grids of ~10k and ~100k sheet rows (seed 001's sections repeated), analyze() timed (median of
 *    runs after a warm-up), rows/s and heap retained by the result.
 * 2. CLI end to end: `report-tables fix` on the ~100k-row .xlsx next to a bare exceljs read + write of the same file,
 *    each in its own node process, plus where the CLI's time goes.
 * Targets: engine 100k rows < 1 s; CLI ≤ 1.5× bare read+write; cost linear (100k/10k time ≈ rows ratio).
 * Results go to bench-results/ (gitignored).
 *
 *   npm run bench [-- --quick]     (--quick: 1k and 10k rows, for a smoke run)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { analyze, planToValues } from '../src/core';
import type { Grid } from '../src/core/types';
import { changeLogSheet, repairedSheetName, uniqueSheetName } from '../src/core/sheets';
import { installLinearMerges } from '../src/cli/xlsx/linearMerges';
import { readGrid } from '../src/cli/xlsx/readGrid';
import { openOutputPackage, writeOutput } from '../src/cli/outputFile';
import { repairedSheetXml, specSheetXml } from '../src/cli/xlsx/writeSheets';
import { renderWordPasteGrid } from '../tests/fixtures/render';
import { loadSeed } from '../tests/fixtures/seedTable';
import type { LogicalTable } from '../tests/fixtures/seedTable';
import { writeGridXlsx } from '../tests/fixtures/writeXlsx';

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const SMALL = quick ? 1_000 : 10_000;
const LARGE = quick ? 10_000 : 100_000;

/** Seed 001 with its sections repeated until the Word-paste grid has at least `rows` sheet rows. */
function largeGrid(rows: number): Grid {
  const seed = loadSeed('001');
  const firstSection = seed.lines.findIndex((line) => line.kind === 'section');
  const titles = seed.lines.slice(0, firstSection);
  const body = seed.lines.slice(firstSection);
  const once = renderWordPasteGrid(seed).values.length;
  const repeats = Math.max(1, Math.ceil((rows - titles.length) / (once - titles.length)));
  const table: LogicalTable = { ...seed, lines: [...titles, ...Array.from({ length: repeats }, () => body).flat()] };
  return { ...renderWordPasteGrid(table), sheet: '附件1' };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

interface EngineResult {
  rows: number;
  records: number;
  ms: number;
  rowsPerSecond: number;
  heapRetainedMb: number;
  /** Median ms per engine stage (read, validate, plan, summarize). */
  stages: Record<string, number>;
}

function benchEngine(grid: Grid, runs: number): EngineResult {
  const times: number[] = [];
  const stageTimes: Record<string, number[]> = {};
  let records = 0;
  let heapRetainedMb = 0;
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let stage: string | null = null;
    let stageStart = start;
    const analysis = analyze(grid, {
      onProgress: (progress) => {
        const now = performance.now();
        if (stage !== null) (stageTimes[stage] ??= []).push(now - stageStart);
        stage = progress.stage;
        stageStart = now;
      },
    });
    times.push(performance.now() - start);
    collectGarbage();
    heapRetainedMb = Math.max(heapRetainedMb, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
    records = analysis.table.records.length;
  }
  const ms = median(times);
  const stages = Object.fromEntries(Object.entries(stageTimes).map(([name, values]) => [name, median(values)]));
  return { rows: grid.values.length, records, ms, rowsPerSecond: (grid.values.length / ms) * 1000, heapRetainedMb, stages };
}

interface ChildResult {
  wallMs: number;
  innerMs: number;
  maxRssMb: number;
  exitCode: number;
}

/** Run `code` in a fresh node process in the repository; it reports its own time and peak memory on a BENCH line. */
function runChild(code: string): ChildResult {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallMs = performance.now() - start;
  const line = (result.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`benchmark child failed (status ${result.status}): ${result.stderr}`);
  const report = JSON.parse(line.slice('BENCH '.length)) as { ms: number; maxRssKb: number; code: number };
  return { wallMs, innerMs: report.ms, maxRssMb: report.maxRssKb / 1024, exitCode: report.code };
}

const reportLine = "process.stderr.write('\\nBENCH ' + JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, code }) + '\\n')";

function cliFixChild(input: string, output: string): string {
  return `const t0 = performance.now();
require(${JSON.stringify(path.join(root, 'build', 'cli', 'main.js'))}).run(['fix', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}], { stdout() {}, stderr(t) { process.stderr.write(t); } })
  .then((code) => { ${reportLine}; });`;
}

/** exceljs alone, with the same linear merge check the CLI installs (stock exceljs is quadratic in merged areas). */
function bareReadWriteChild(input: string, output: string): string {
  return `const t0 = performance.now();
require(${JSON.stringify(path.join(root, 'build', 'cli', 'xlsx', 'linearMerges.js'))}).installLinearMerges();
const ExcelJS = require('exceljs');
const workbook = new ExcelJS.Workbook();
workbook.xlsx.readFile(${JSON.stringify(input)}).then(() => workbook.xlsx.writeFile(${JSON.stringify(output)})).then(() => { const code = 0; ${reportLine}; });`;
}

/** Where the CLI's time goes, measured in this process (the child runs give the end-to-end numbers). */
async function cliPhases(input: string, output: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };
  const bytes = await fs.readFile(input);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  lap('exceljs read');
  const worksheet = workbook.worksheets[0];
  const grid = readGrid(worksheet);
  lap('readGrid');
  const analysis = analyze(grid);
  lap('analyze');
  const pkg = await openOutputPackage(bytes, input);
  const names = await pkg.sheetNames();
  const styles = await pkg.styles();
  const sheet = repairedSheetName(worksheet.name, names);
  await pkg.addWorksheet(sheet, repairedSheetXml(analysis.plan, planToValues(analysis.plan), styles).xml);
  const log = changeLogSheet(analysis.plan, 'zh-CN');
  log.name = uniqueSheetName(log.name, [...names, sheet]);
  await pkg.addWorksheet(log.name, specSheetXml(log, styles));
  lap('build output sheets');
  await writeOutput(output, await pkg.toBuffer());
  lap('write (package copy + new parts)');
  return phases;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  installLinearMerges();
  const out: string[] = [];
  const say = (text = ''): void => {
    out.push(text);
    process.stdout.write(`${text}\n`);
  };
  say(`report-tables benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
  if (!(globalThis as { gc?: () => void }).gc) say('(heap figures are rough: run with NODE_OPTIONS=--expose-gc for exact ones)');

  // 1. Engine
  const smallGrid = largeGrid(SMALL);
  const largeGridValue = largeGrid(LARGE);
  benchEngine(largeGrid(1500), 3); // warm-up: JIT and caches
  const small = benchEngine(smallGrid, 5);
  const large = benchEngine(largeGridValue, 3);
  say('\nEngine: analyze() = readTable + validate + buildPlan + summarize');
  say(
    table(
      ['grid', 'sheet rows', 'records', 'median ms', 'rows/s', 'heap retained MB'],
      [small, large].map((r, i) => [i === 0 ? 'small' : 'large', fmt(r.rows), fmt(r.records), fmt(r.ms, 1), fmt(r.rowsPerSecond), fmt(r.heapRetainedMb, 1)]),
    ),
  );
  say(`large, stage by stage: ${Object.entries(large.stages).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ')}`);
  const rowsRatio = large.rows / small.rows;
  const timeRatio = large.ms / small.ms;

  // 2. CLI end to end
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-tables-bench-'));
  const input = path.join(dir, `word-paste-${large.rows}.xlsx`);
  await writeGridXlsx(largeGridValue, input, '附件1');
  const size = (await fs.stat(input)).size;
  const bare = runChild(bareReadWriteChild(input, path.join(dir, 'bare.xlsx')));
  const cli = runChild(cliFixChild(input, path.join(dir, 'fixed.xlsx')));
  const fixedSize = (await fs.stat(path.join(dir, 'fixed.xlsx'))).size;
  say(`\nCLI end to end on ${path.basename(input)} (${fmt(size / 2 ** 20, 1)} MB, ${fmt(large.rows)} rows, ${fmt(largeGridValue.merges.length)} merges)`);
  say(
    table(
      ['run', 'wall ms', 'in-process ms', 'peak RSS MB', 'output MB'],
      [
        ['bare exceljs read + write', fmt(bare.wallMs), fmt(bare.innerMs), fmt(bare.maxRssMb), fmt(size / 2 ** 20, 1)],
        ['report-tables fix', fmt(cli.wallMs), fmt(cli.innerMs), fmt(cli.maxRssMb), fmt(fixedSize / 2 ** 20, 1)],
      ],
    ),
  );
  const phases = await cliPhases(input, path.join(dir, 'phases.xlsx'));
  say(`fix, phase by phase (in this process): ${Object.entries(phases).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ')}`);
  const cliRatio = cli.wallMs / bare.wallMs;

  // 3. Targets
  say('\nTargets');
  const verdict = (ok: boolean): string => (ok ? 'holds' : 'MISSED');
  const targets = [
    { name: 'engine < 1 s per 100k sheet rows', value: `${fmt((large.ms / large.rows) * 100_000)} ms per 100k`, ok: (large.ms / large.rows) * 100_000 < 1000 },
    { name: 'CLI fix ≤ 1.5 × bare read+write', value: `${fmt(cliRatio, 2)}×`, ok: cliRatio <= 1.5 },
    {
      name: `linear cost: time ratio ≈ rows ratio (${fmt(rowsRatio, 1)})`,
      value: `${fmt(timeRatio, 1)} (per-row cost ×${fmt(timeRatio / rowsRatio, 2)})`,
      ok: timeRatio / rowsRatio < 1.5,
    },
  ];
  say(table(['target', 'measured', 'verdict'], targets.map((t) => [t.name, t.value, verdict(t.ok)])));
  if (cli.exitCode !== 0) say(`(the CLI exited with ${cli.exitCode})`);

  const resultsDir = path.join(root, 'bench-results');
  await fs.mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const data = { date: new Date().toISOString(), node: process.version, quick, engine: { small, large, rowsRatio, timeRatio }, cli: { input: { rows: large.rows, bytes: size }, bare, fix: cli, ratio: cliRatio, phases }, targets };
  await fs.writeFile(path.join(resultsDir, `bench-${stamp}.json`), `${JSON.stringify(data, null, 2)}\n`);
  await fs.writeFile(path.join(resultsDir, 'latest.txt'), `${out.join('\n')}\n`);
  await fs.rm(dir, { recursive: true, force: true });
  say(`\nResults written to bench-results/bench-${stamp}.json and bench-results/latest.txt`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
