/**
 * Bench of a reporting round (issue 13): the seed's 253-task master with 40 units' returns merged.
 * Goal: under 2 s on this machine for the whole merge — 41 workbooks read through the file layer, the engine run on
 * each, the returns matched and the merged sheets written into the master's package.
 *
 * Also measured, for information: sending the round out (split of the same master into every unit's workbook, and
 * into every unit's Word form), as the CLI and the panes make them.
 *
 *   npx tsx bench/returns.ts [--runs N]
 *   from bench/run.ts: await (await import('./returns')).reportReturns(say, quick ? 1 : 3);
 */
import { performance } from 'node:perf_hooks';
import { analyze, defaultConfig } from '../src/core';
import { matchReturns, mergeSheets, type ReturnInput } from '../src/core/returns';
import { FileError, openWorkbook, writeSheets } from '../src/files';
import { splitRoundFiles } from '../src/files/round/splitRound';
import { gridToWorkbook } from '../tests/fixtures/writeXlsx';
import { fillReturn, seedMaster, seedSplit, sheetGrid } from '../tests/returns/round';
import { median } from './largeGrid';

export interface ReturnsBenchResult {
  tasks: number;
  returns: number;
  cells: number;
  /** Reading and analysing the 41 workbooks. */
  readMs: number;
  matchMs: number;
  /** Writing the merged sheets into the master's package; null when the file layer cannot write yet. */
  writeMs: number | null;
  totalMs: number;
  /** User + system CPU time of one merge (median): steadier than wall time on a shared machine. */
  cpuMs: number;
  goalMs: number;
  /** Split of the master: units, and the time to make every unit's workbook, and every unit's Word form. */
  split: { units: number; xlsxMs: number; docxMs: number };
}

const GOAL_MS = 2000;

export async function benchReturns(runs = 3): Promise<ReturnsBenchResult> {
  const config = defaultConfig();
  const master = seedMaster();
  const masterBytes = new Uint8Array(await gridToWorkbook(master.grid, '附件1').xlsx.writeBuffer());
  // The 40 units with the most tasks: the heaviest returns of a real round.
  const parts = [...seedSplit().units].sort((a, b) => b.sheet.rows.length - a.sheet.rows.length).slice(0, 40);
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const [i, part] of parts.entries()) {
    const { sheet } = fillReturn(part, { shuffle: i % 2 === 0, renumber: i % 3 === 0, seed: i + 1 });
    files.push({ name: part.fileName, bytes: new Uint8Array(await gridToWorkbook(sheetGrid(sheet), '报送').xlsx.writeBuffer()) });
  }

  const read = (name: string, bytes: Uint8Array) => {
    const workbook = openWorkbook(bytes, { fileName: name });
    return analyze(workbook.readSheet(workbook.sheets[0].name).grid, { config });
  };
  const once = () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const masterAnalysis = read('master.xlsx', masterBytes);
    const returns: ReturnInput[] = files.map((f) => ({ file: f.name, analysis: read(f.name, f.bytes) }));
    const t1 = performance.now();
    const plan = matchReturns(masterAnalysis, returns, { config });
    const t2 = performance.now();
    let writeMs: number | null = null;
    try {
      writeSheets(masterBytes, mergeSheets(plan, 'zh-CN'));
      writeMs = performance.now() - t2;
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
    }
    const cpu = process.cpuUsage(cpu0);
    return { tasks: masterAnalysis.table.records.length, cells: plan.cells.length, readMs: t1 - t0, matchMs: t2 - t1, writeMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  once(); // warm-up
  const results = Array.from({ length: runs }, once);
  const writes = results.map((r) => r.writeMs).filter((w): w is number => w !== null);
  const readMs = median(results.map((r) => r.readMs));
  const matchMs = median(results.map((r) => r.matchMs));
  const writeMs = writes.length > 0 ? median(writes) : null;
  const cpuMs = median(results.map((r) => r.cpuMs));
  const timed = async (format: 'xlsx' | 'docx') => {
    const t0 = performance.now();
    const made = await splitRoundFiles(master.analysis, { config, period: '2018年1-10月', format });
    return { units: made.plan.units.length, ms: performance.now() - t0 };
  };
  const xlsx = await timed('xlsx');
  const docx = await timed('docx');
  return {
    tasks: results[0].tasks,
    returns: files.length,
    cells: results[0].cells,
    readMs,
    matchMs,
    writeMs,
    totalMs: readMs + matchMs + (writeMs ?? 0),
    cpuMs,
    goalMs: GOAL_MS,
    split: { units: xlsx.units, xlsxMs: xlsx.ms, docxMs: docx.ms },
  };
}

/** The bench's lines, as run.ts prints them (`say`), and its result. */
export async function reportReturns(say: (line: string) => void, runs = 3): Promise<ReturnsBenchResult> {
  const r = await benchReturns(runs);
  const ms = (n: number | null) => (n === null ? 'n/a (file layer cannot write yet)' : `${n.toFixed(0)} ms`);
  say(`\nReturns round (issue 13): ${r.tasks} tasks, ${r.returns} returns, ${r.cells} cells filled`);
  say(`  merge: read+analyze ${ms(r.readMs)}, match ${ms(r.matchMs)}, write ${ms(r.writeMs)}; total ${ms(r.totalMs)}, CPU ${ms(r.cpuMs)} (goal < ${r.goalMs} ms) ${r.totalMs < r.goalMs ? 'holds' : 'MISSED'}`);
  say(`  split into ${r.split.units} units: workbooks ${ms(r.split.xlsxMs)}, Word forms ${ms(r.split.docxMs)} (information, no goal)`);
  return r;
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Math.max(1, Number(process.argv[at + 1]) || 3) : 3;
  reportReturns((line) => console.log(line), runs).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
