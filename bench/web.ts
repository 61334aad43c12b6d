/**
 * The web page on a ~100k-row table (not a test): Debian Chromium opens the production build of the page, a Word-paste
 * workbook of seed 001's sections repeated is given to its file input, and the Performance API reports
 *   - time to findings: from handing over the file to the analysis shown (read + engine in the worker + transfer),
 *   - the longest main-thread task ('longtask' entries, which Chromium reports for tasks over 50 ms) while opening,
 *     switching to 校验, marking every finding and scrolling the grid top to bottom, overall and by phase,
 * as medians of --repeat runs (fresh pages of one browser): the machine is shared and one run's figure is noise.
 * Goal: longest task under 200 ms (the page never freezes). Results go to bench-results/web.json (gitignored).
 *
 *   npx tsx bench/web.ts [--rows 100000] [--repeat 3] [--skip-build | --no-build] [--keep-input] [--trace]
 *     --skip-build: bench dist/web as `npm run build` made it; --no-build: the page-only build already in test-artifacts;
 *     --keep-input: the 100k-row workbook a run before wrote; --trace: long tasks broken down by event and function.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createWorkbook } from '../src/files';
import { copyOfGrid } from '../src/web/outputSheets';
import { largeGrid, median } from './largeGrid';
import { longTasks } from './webTrace';

const root = path.resolve(__dirname, '..');
/** --trace: a Chromium trace of the run, its long tasks broken down by event and function (an unminified build). */
const TRACE = process.argv.includes('--trace');
/** --skip-build uses what `npm run build` left in dist/ (else the page-only build in test-artifacts/web-dist). */
const dist = process.argv.includes('--skip-build')
  ? path.join(root, 'dist')
  : path.join(root, 'test-artifacts', TRACE ? 'web-dist-trace' : 'web-dist');
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(process.argv[rowsArg + 1]) : 100_000;
const repeatArg = process.argv.indexOf('--repeat');
/** Runs in fresh pages of one browser; the figures reported are their medians. */
const REPEAT = repeatArg >= 0 ? Math.max(1, Number(process.argv[repeatArg + 1])) : 3;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = path.resolve(dist, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)}`);
    if (!file.startsWith(dist + path.sep)) return void response.writeHead(404).end();
    fs.readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build') && !process.argv.includes('--no-build')) {
    console.log('building the page (production)…');
    const traceBuild = TRACE ? ['--no-optimization-minimize', '--output-path', dist] : [];
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'webOnly', ...traceBuild], { cwd: root, stdio: 'ignore' });
  }
  const outDir = path.join(root, 'bench-results');
  await fs.mkdir(outDir, { recursive: true });
  const input = path.join(outDir, `web-${ROWS}.xlsx`);
  const grid = largeGrid(ROWS);
  // Written by the file layer: exceljs takes minutes to merge this many areas. --keep-input: the one a run before wrote.
  const kept = process.argv.includes('--keep-input') && (await fs.stat(input).catch(() => null)) !== null;
  if (!kept) await fs.writeFile(input, createWorkbook([copyOfGrid('附件1', grid)]));
  const server = await serveDist();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const runs: Run[] = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const run = await measureOnce(browser, `${server.url}web/index.html`, input, outDir);
      runs.push(run);
      const cpu = run.longestTaskCpuMs === undefined ? '' : ` (longest CPU ${run.longestTaskCpuMs} ms)`;
      console.log(`run ${i + 1}: findings after ${run.timeToFindingsMs} ms, marks ${run.timeToMarksMs} ms after the click; longest task ${run.longestTaskMs} ms${cpu}; by phase ${JSON.stringify(run.longestByPhase)}`);
    }
    const phases = [...new Set(runs.flatMap((run) => Object.keys(run.longestByPhase)))];
    const result = {
      rows: grid.values.length,
      runs: runs.length,
      /** Medians over the runs (the machine is shared: one run's figure is noise). */
      timeToFindingsMs: median(runs.map((run) => run.timeToFindingsMs)),
      timeToMarksMs: median(runs.map((run) => run.timeToMarksMs)),
      longestTaskMs: median(runs.map((run) => run.longestTaskMs)),
      longestByPhaseMs: Object.fromEntries(phases.map((name) => [name, median(runs.map((run) => run.longestByPhase[name] ?? 0))])),
      tasksOver200Ms: median(runs.map((run) => run.tasks.filter((t) => t > 200).length)),
      goalMs: 200,
      /** The page's own start (scripts parsed, first render), before any file: not part of the goal, shown apart. */
      pageStartLongestMs: median(runs.map((run) => run.pageStartLongestMs)),
      ...(TRACE ? { longestTaskCpuMs: median(runs.map((run) => run.longestTaskCpuMs ?? 0)) } : {}),
      each: runs,
    };
    console.log(
      `web page, ${result.rows} sheet rows, median of ${result.runs}: findings after ${result.timeToFindingsMs} ms, marks ${result.timeToMarksMs} ms after the click; longest main-thread task ${result.longestTaskMs} ms ` +
        `(${result.tasksOver200Ms} over 200 ms; goal < 200 ms); longest by phase ${JSON.stringify(result.longestByPhaseMs)}; page start ${result.pageStartLongestMs} ms`,
    );
    await fs.writeFile(path.join(outDir, 'web.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Run {
  timeToFindingsMs: number;
  /** From 在表格中标出 to every finding marked on the grid. */
  timeToMarksMs: number;
  longestTaskMs: number;
  longestByPhase: Record<string, number>;
  pageStartLongestMs: number;
  /** Each long task's duration, and the phase it fell in: open (file to analysis shown), check-tab, mark, scroll. */
  tasks: number[];
  phases: string[];
  /** --trace: the longest task's main-thread CPU time (the figure a loaded machine does not stretch). */
  longestTaskCpuMs?: number;
}

/** One user's session in a fresh page: open the file, 校验, mark every finding, scroll the grid top to bottom. */
async function measureOnce(browser: Browser, url: string, input: string, outDir: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  try {
    page.setDefaultTimeout(600_000);
    await page.addInitScript(() => {
      const tasks: number[] = [];
      const phases: string[] = [];
      const scope = window as unknown as { benchTasks: number[]; benchPhases: string[]; benchPhase: string };
      scope.benchTasks = tasks;
      scope.benchPhases = phases;
      scope.benchPhase = 'page-start';
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          tasks.push(entry.duration);
          phases.push(scope.benchPhase);
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.getByRole('heading', { name: '报表整理 · 网页版' }).waitFor();
    await page.waitForTimeout(300);
    const phase = (name: string) => page.evaluate((n) => ((window as unknown as { benchPhase: string }).benchPhase = n), name);
    await phase('open');
    if (TRACE) {
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'],
      });
    }
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('source-info').waitFor();
    const toFindings = Date.now() - started;
    await page.waitForTimeout(300);
    await phase('check-tab');
    await page.getByRole('tab', { name: '校验' }).click();
    await page.getByTestId('check-counts').waitFor();
    await page.waitForTimeout(300);
    await phase('mark');
    const markStarted = Date.now();
    await page.getByRole('button', { name: '在表格中标出' }).click();
    await page.getByText(/已标出 \d+ 处问题/).first().waitFor();
    const toMarks = Date.now() - markStarted;
    await page.waitForTimeout(300);
    await phase('scroll');
    // Scroll the grid from top to bottom in steps, as a user dragging the scroll bar would.
    await page.evaluate(async () => {
      const grid = document.querySelector('[data-testid="sheet-grid"]');
      if (!grid) return;
      for (let i = 0; i <= 40; i += 1) {
        grid.scrollTop = (grid.scrollHeight * i) / 40;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      }
    });
    await page.waitForTimeout(500);
    const all = await page.evaluate(() => {
      const scope = window as unknown as { benchTasks: number[]; benchPhases: string[] };
      return { tasks: scope.benchTasks, phases: scope.benchPhases };
    });
    let longestTaskCpuMs: number | undefined;
    if (TRACE) {
      const raw = await browser.stopTracing();
      await fs.writeFile(path.join(outDir, 'web-trace-raw.json'), raw);
      const trace = JSON.parse(raw.toString('utf8')) as Parameters<typeof longTasks>[0];
      const breakdown = longTasks(trace);
      longestTaskCpuMs = Math.max(0, ...breakdown.filter((task) => !task.driver).map((task) => task.cpuMs));
      await fs.writeFile(path.join(outDir, 'web-trace.json'), `${JSON.stringify(breakdown, null, 2)}\n`);
      for (const task of breakdown) {
        console.log(`task at ${task.startMs} ms: ${task.durationMs} ms (CPU ${task.cpuMs} ms)${task.driver ? ' (playwright, not the page)' : ''}`);
        console.log(`  events: ${task.events.map(([n, ms]) => `${n} ${ms}`).join(', ')}`);
        console.log(`  self:   ${task.functions.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
        console.log(`  incl:   ${task.inclusive.slice(0, 12).map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
      }
    }
    const tasks: number[] = [];
    const phases: string[] = [];
    const longestByPhase: Record<string, number> = {};
    let pageStartLongestMs = 0;
    all.tasks.forEach((duration, i) => {
      const name = all.phases[i];
      if (name === 'page-start') {
        pageStartLongestMs = Math.max(pageStartLongestMs, Math.round(duration));
        return;
      }
      tasks.push(Math.round(duration));
      phases.push(name);
      longestByPhase[name] = Math.max(longestByPhase[name] ?? 0, Math.round(duration));
    });
    return { timeToFindingsMs: toFindings, timeToMarksMs: toMarks, longestTaskMs: Math.max(0, ...tasks), longestByPhase, pageStartLongestMs, tasks, phases, longestTaskCpuMs };
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
