/**
 * `npm run bench` (not a test): how fast the engine, the file layer and the CLI are on large tables.
 *
 * 1. Engine: Word-paste grids of ~10k and ~100k sheet rows (seed 001's sections repeated), analyze() timed (median of
 *    runs after a warm-up), rows/s and heap retained by the result.
 * 2. CLI end to end on 10k / 100k / 200k-row workbooks (shared strings, merged areas, as Excel writes them), each
 *    command in its own node process over the bundled CLI (build/), next to the floor measured in the same run
 *    (unzip the sheet and parse it once with the SAX parser, no engine) and LibreOffice's own conversion of the file
 *    to CSV (when `soffice` is installed): wall time, ratio to the floor and to LibreOffice, peak RSS, output size.
 * 3. `--help`, `check` on a clerk's one-page table, and `check` over a folder of returns (worker threads): files/s.
 * 4. The monthly round (bench/returns.ts: a 253-task master, 40 returns merged) and the web page on the large table
 *    (bench/web.ts: time to findings and the longest main-thread task, in Chromium).
 * Targets (issue 7) on 100k rows: check ≤ 1.5 s (≈ 3× the floor), fix and summarize ≤ 2.5 s (≈ 5× the floor), peak RSS
 * ≤ 300 MB, output ≤ 1.5× input, cost linear from 10k to 200k; --help ≤ 0.3 s. Results go to bench-results/ (gitignored).
 *
 *   npm run bench [-- --quick]     (--quick: 1k and 10k rows, for a smoke run)
 *   BENCH_SIZES=10000,100000,200000 npm run bench     (the CLI sizes; default 10k and 100k)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/core';
import type { Grid } from '../src/core/types';
import { renderWordPasteGrid } from '../tests/fixtures/render';
import { loadSeed } from '../tests/fixtures/seedTable';
import { gridXlsx } from './fixtureXlsx';
import { largeGrid, median } from './largeGrid';
import { reportReturns } from './returns';

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const SMALL = quick ? 1_000 : 10_000;
const LARGE = quick ? 10_000 : 100_000;


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
  /** User + system CPU time of the child: on a machine shared with other work, closer to a quiet run's wall time. */
  cpuMs: number;
  maxRssMb: number;
  exitCode: number | null;
}

/** Run a script in a fresh node process through a wrapper that reports the process's own peak RSS on exit. */
function runNode(args: string[]): ChildResult {
  const start = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'build', 'bench-rss.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallMs = performance.now() - start;
  const lines = (result.stderr ?? '').split('\n').reverse();
  const rssLine = lines.find((l) => l.startsWith('RSS '));
  const cpuLine = lines.find((l) => l.startsWith('CPU '));
  const cpuMs = cpuLine ? cpuLine.slice(4).split(' ').reduce((sum, us) => sum + Number(us) / 1000, 0) : NaN;
  return { wallMs, cpuMs, maxRssMb: rssLine ? Number(rssLine.slice(4)) / 1024 : NaN, exitCode: result.status };
}

/** The floor: unzip the sheet and parse it once with the SAX parser (fflate + saxes, no engine), in a fresh process. */
function floorChild(input: string): ChildResult {
  const script = path.join(root, 'build', 'bench-floor.js');
  return runNode([script, input]);
}

async function buildHelperScripts(): Promise<void> {
  await fs.writeFile(
    path.join(root, 'build', 'bench-rss.js'),
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nCPU ' + u.userCPUTime + ' ' + u.systemCPUTime + '\\nRSS ' + u.maxRSS + '\\n'); });\nconst script = process.argv[2];\nprocess.argv.splice(1, 1);\nrequire(script);\n",
  );
  const code = [
    "const fs = require('node:fs');",
    "const { unzipSync } = require('fflate');",
    "const { SaxesParser } = require('saxes');",
    'const bytes = fs.readFileSync(process.argv[2]);',
    "for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {",
    '  const files = unzipSync(bytes, { filter: (f) => f.name === name });',
    '  const parser = new SaxesParser({ xmlns: true });',
    "  parser.on('opentag', () => undefined);",
    '  parser.write(new TextDecoder().decode(files[name])).close();',
    '}',
  ].join('\n');
  await fs.writeFile(path.join(root, 'build', 'bench-floor.js'), code);
}

/** LibreOffice's own conversion of the workbook to CSV: what the same machine's C++ office suite needs to read it. */
function libreOfficeChild(input: string, outDir: string): number | null {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  if (!soffice) return null;
  const start = performance.now();
  const result = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/lo-profile`, '--convert-to', 'csv', '--outdir', outDir, input], { encoding: 'utf8', timeout: 600000 });
  return result.status === 0 ? performance.now() - start : null;
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
  const out: string[] = [];
  const say = (text = ''): void => {
    out.push(text);
    process.stdout.write(`${text}\n`);
  };
  say(`report-tables benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}`);
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

  // 2. CLI end to end, over the bundled build
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.js')], { cwd: root });
  await buildHelperScripts();
  const bin = path.join(root, 'bin', 'report-tables.js');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-tables-bench-'));
  // BENCH_SIZES=10000,100000,200000 adds the 200k run (linearity check); by default it is left out to keep the run short.
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : quick ? [1_000, 10_000] : [10_000, 100_000];
  interface SizeResult {
    rows: number;
    merges: number;
    inputBytes: number;
    floor: ChildResult;
    libreOfficeMs: number | null;
    commands: Record<string, ChildResult & { outputBytes: number | null }>;
  }
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    const grid = rows === LARGE ? largeGridValue : largeGrid(rows);
    const input = path.join(dir, `word-paste-${rows}.xlsx`);
    await fs.writeFile(input, gridXlsx(grid, '附件1'));
    const inputBytes = (await fs.stat(input)).size;
    runNode([bin, '--help']); // warm the file cache
    const floor = floorChild(input);
    const libreOfficeMs = rows === LARGE || quick ? libreOfficeChild(input, dir) : null;
    const commands: SizeResult['commands'] = {};
    for (const command of ['check', 'fix', 'summarize']) {
      const output = path.join(dir, `${command}-${rows}.xlsx`);
      const args = command === 'check' ? [bin, 'check', input] : [bin, command, input, '-o', output];
      const run = runNode(args);
      const outputBytes = command === 'check' ? null : existsSync(output) ? (await fs.stat(output)).size : null;
      commands[command] = { ...run, outputBytes };
    }
    results.push({ rows: grid.values.length, merges: grid.merges.length, inputBytes, floor, libreOfficeMs, commands });
  }
  say('\nCLI end to end (each run a fresh node process over build/; floor = unzip + one SAX pass; LO = soffice --convert-to csv)');
  const rowsOut: string[][] = [];
  for (const r of results) {
    rowsOut.push([`${fmt(r.rows)} rows, ${fmt(r.merges)} merges, ${fmt(r.inputBytes / 2 ** 20, 1)} MB`, 'floor', fmt(r.floor.wallMs), fmt(r.floor.cpuMs), '1.00', '', fmt(r.floor.maxRssMb), '']);
    if (r.libreOfficeMs !== null) rowsOut.push(['', 'LibreOffice', fmt(r.libreOfficeMs), '', fmt(r.libreOfficeMs / r.floor.wallMs, 2), '1.00', '', '']);
    for (const [name, c] of Object.entries(r.commands)) {
      rowsOut.push([
        '',
        `${name}${c.exitCode !== 0 && c.exitCode !== 1 ? ` (exit ${c.exitCode})` : ''}`,
        fmt(c.wallMs),
        fmt(c.cpuMs),
        fmt(c.wallMs / r.floor.wallMs, 2),
        r.libreOfficeMs !== null ? fmt(c.wallMs / r.libreOfficeMs, 2) : '',
        fmt(c.maxRssMb),
        c.outputBytes !== null ? `${fmt(c.outputBytes / 2 ** 20, 1)} MB (${fmt(c.outputBytes / r.inputBytes, 2)}×)` : '',
      ]);
    }
  }
  say(table(['input', 'run', 'wall ms', 'CPU ms', '× floor', '× LO', 'peak RSS MB', 'output'], rowsOut));

  // 3. Short commands and many files
  const seedFile = path.join(dir, 'clerk.xlsx');
  await fs.writeFile(seedFile, gridXlsx({ ...renderWordPasteGrid(loadSeed('000')), sheet: '附件1' }, '附件1'));
  const help = [runNode([bin, '--help']), runNode([bin, '--help']), runNode([bin, '--help'])].map((r) => r.wallMs);
  const nodeAlone = [0, 1, 2].map(() => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  });
  const clerk = [runNode([bin, 'check', seedFile]), runNode([bin, 'check', seedFile])].map((r) => r.wallMs);
  const folder = path.join(dir, 'returns');
  await fs.mkdir(folder);
  const manyCount = quick ? 20 : 200;
  for (let i = 0; i < manyCount; i += 1) await fs.copyFile(seedFile, path.join(folder, `return-${String(i).padStart(4, '0')}.xlsx`));
  const files = (await fs.readdir(folder)).map((f) => path.join(folder, f));
  const many = runNode([bin, 'check', ...files]);
  say(`\nShort commands: node alone ${fmt(median(nodeAlone))} ms; --help ${fmt(median(help))} ms; check on a one-page table (seed 000) ${fmt(median(clerk))} ms`);
  say(`check over ${manyCount} returns (worker threads on ${os.availableParallelism?.() ?? os.cpus().length} cores): ${fmt(many.wallMs)} ms, ${fmt((manyCount / many.wallMs) * 1000, 1)} files/s, peak RSS ${fmt(many.maxRssMb)} MB`);

  // 4. The monthly round (issue 13) in this process; the web page (issue 11) in Chromium, its own process (bench/web.ts)
  const round = await reportReturns(say, quick ? 1 : 3);
  const web = runWebBench(quick ? 10_000 : LARGE, quick ? 1 : 3);
  say(`\nWeb page (issue 11): ${web?.line ?? 'not measured (Chromium missing or the page build failed: run `npx tsx bench/web.ts` alone to see why)'}`);

  // 5. Targets
  const at100k = results.find((r) => r.rows >= LARGE * 0.9) ?? results[results.length - 1];
  // Linear cost: fix's time per row beyond what a process costs anyway (--help), between the two largest sizes run
  // (10k → 100k by default; 100k → 200k with BENCH_SIZES=10000,100000,200000).
  const [previous, last] = results.length >= 2 ? results.slice(-2) : [results[0], results[0]];
  const fixed = median(help);
  const perRow = (r: SizeResult): number => Math.max(r.commands.fix.wallMs - fixed, 0) / r.rows;
  say('\nTargets (on the ~100k-row table; the time targets are for a quiet 2-core machine: wall time, with CPU time and the ratio to the floor measured in the same run beside it)');
  const verdict = (ok: boolean): string => (ok ? 'holds' : 'MISSED');
  const maxRss = Math.max(...Object.values(at100k.commands).map((c) => c.maxRssMb));
  const maxOut = Math.max(...Object.values(at100k.commands).map((c) => (c.outputBytes ?? 0) / at100k.inputBytes));
  // Issue 7 states each time target twice: in seconds on the machine it was measured on (where unzip + one SAX pass took
  // 0.54 s), and as a multiple of that floor ("about 3× the floor for check and 5× for fix"). A machine whose floor is
  // slower cannot meet the seconds with the same code, so a target holds when either does; the table says which.
  const timed = (name: string, limitMs: number, floorTimes: number): { name: string; value: string; ok: boolean } => {
    const c = at100k.commands[name];
    const ratio = c.wallMs / at100k.floor.wallMs;
    const inTime = c.wallMs <= limitMs;
    const inRatio = ratio <= floorTimes;
    return {
      name: `${name} ≤ ${fmt(limitMs / 1000, 1)} s or ≤ ${floorTimes}× floor`,
      value: `${fmt(c.wallMs)} ms wall (${inTime ? 'in time' : 'over the seconds'}), ${fmt(c.cpuMs)} ms CPU, ${fmt(ratio, 2)}× floor`,
      ok: inTime || inRatio,
    };
  };
  const targets = [
    { name: 'engine < 1 s per 100k sheet rows', value: `${fmt((large.ms / large.rows) * 100_000)} ms per 100k`, ok: (large.ms / large.rows) * 100_000 < 1000 },
    timed('check', 1500, 3),
    timed('fix', 2500, 5),
    timed('summarize', 2500, 5),
    { name: 'peak RSS ≤ 300 MB (largest of the three)', value: `${fmt(maxRss)} MB`, ok: maxRss <= 300 },
    { name: 'output ≤ 1.5 × input (fix, summarize)', value: `${fmt(maxOut, 2)}×`, ok: maxOut <= 1.5 },
    {
      name: `linear cost ${fmt(previous.rows)} → ${fmt(last.rows)} rows (fix, per row, less a process's start)`,
      value: `×${fmt(perRow(last) / perRow(previous), 2)}`,
      ok: perRow(last) / perRow(previous) < 1.5,
    },
    { name: '--help ≤ 0.3 s', value: `${fmt(median(help))} ms`, ok: median(help) <= 300 },
    { name: `merge of ${round.returns} returns into ${round.tasks} tasks < 2 s`, value: `${fmt(round.totalMs ?? NaN)} ms`, ok: round.totalMs !== null && round.totalMs < round.goalMs },
    ...(web
      ? [{ name: `web page, ${fmt(web.rows)} rows: longest main-thread task < 200 ms`, value: `${fmt(web.longestTaskMs)} ms (findings after ${fmt(web.timeToFindingsMs)} ms)`, ok: web.longestTaskMs < 200 }]
      : []),
  ];
  say(table(['target', 'measured', 'verdict'], targets.map((t) => [t.name, t.value, verdict(t.ok)])));
  say(`(2 cores shared with other work make every wall time noisy: compare the × floor column and CPU time, measured in the same run; load ${os.loadavg()[0].toFixed(1)} at the end.)`);

  const resultsDir = path.join(root, 'bench-results');
  await fs.mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const data = { date: new Date().toISOString(), node: process.version, quick, engine: { small, large }, cli: results, round, web, short: { nodeAlone, help, clerk, many: { files: manyCount, ...many } }, targets };
  await fs.writeFile(path.join(resultsDir, `bench-${stamp}.json`), `${JSON.stringify(data, null, 2)}\n`);
  await fs.writeFile(path.join(resultsDir, 'latest.txt'), `${out.join('\n')}\n`);
  await fs.rm(dir, { recursive: true, force: true });
  say(`\nResults written to bench-results/bench-${stamp}.json and bench-results/latest.txt`);
}

interface WebBench {
  rows: number;
  timeToFindingsMs: number;
  longestTaskMs: number;
  line: string;
}

/** bench/web.ts in its own process (it builds the page and drives Chromium); its summary line and bench-results/web.json. */
function runWebBench(rows: number, repeat: number): WebBench | null {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return null;
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'web.ts'), '--rows', String(rows), '--repeat', String(repeat)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('web page,'));
  if (run.status !== 0 || !line) return null;
  const result = JSON.parse(readFileSync(path.join(root, 'bench-results', 'web.json'), 'utf8')) as WebBench;
  return { ...result, line: line.replace(/^web page, /, '') };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
