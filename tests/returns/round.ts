/**
 * A reporting round built by code from the seed table: the master (seed 001 as pasted from Word), the units' sheets
 * from planSplit, and returns filled in the ways units really fill them (renumbered, reordered, a task retyped, a
 * return pasted back in the master's own layout, filled down, columns in another order).
 */
import { analyze, defaultConfig, type Analysis, type CellValue, type Grid } from '../../src/core';
import { planSplit, type MasterTask, type ReturnInput, type RoundSheet, type SplitPlan, type UnitSplit } from '../../src/core/returns';
import { renderWordPaste } from '../fixtures/render';
import { seededRandom } from '../fixtures/render/prng';
import { loadSeed } from '../fixtures/seedTable';

/** A sheet spec laid out as a writer lays it: title rows (merged across), header, rows. */
export function sheetGrid(sheet: RoundSheet): Grid {
  const width = sheet.columns.length;
  const title = sheet.title ?? [];
  const values: CellValue[][] = [
    ...title.map((line) => [line, ...Array<CellValue>(width - 1).fill(null)]),
    sheet.columns.slice(),
    ...sheet.rows.map((r) => r.map((v) => (v === '' ? null : v))),
  ];
  return { values, merges: title.map((_, i) => ({ row: i, column: 0, rowCount: 1, columnCount: width })), origin: { row: 1, column: 1 }, sheet: sheet.name };
}

let cachedMaster: { grid: Grid; analysis: Analysis } | null = null;

export function seedMaster(): { grid: Grid; analysis: Analysis } {
  if (!cachedMaster) {
    const grid = renderWordPaste(loadSeed('001')).grid;
    cachedMaster = { grid, analysis: analyze(grid, { config: defaultConfig() }) };
  }
  return cachedMaster;
}

/** What a unit wrote for one task, to find again in the merged master. */
export interface Filled {
  unit: string;
  taskId: string;
  /** The master row of the task. */
  row: number;
  status: string;
  progress: string;
}

export interface FillOptions {
  /** Number the rows 1, 2, 3 … in the unit's own order instead of the master's numbers. */
  renumber?: boolean;
  /** Put the rows in another order. */
  shuffle?: boolean;
  /** Retype the task text of this row (index into the unit's rows): a word inserted after its first three characters. */
  editTask?: number;
  /** Which tasks to answer (default all). */
  answers?: (task: MasterTask, index: number) => boolean;
  status?: (task: MasterTask) => string;
  progress?: (task: MasterTask, unit: string) => string;
  seed?: number;
}

const STATUSES = ['按进度完成', '已完成', '基本按进度完成', '未按进度完成'];

/** The status every unit gives a task unless a test says otherwise: the same for all its units, so they agree. */
export function defaultStatus(task: MasterTask): string {
  return STATUSES[task.row % STATUSES.length];
}

export function defaultProgress(task: MasterTask, unit: string): string {
  return `${unit}报第${task.number}项：本期完成年度计划的${(task.row * 7) % 100}%，第${task.row}行任务推进中。`;
}

/** A unit's sheet, filled in: its status and progress cells written, the rest as sent (or renumbered/reordered). */
export function fillReturn(part: UnitSplit, options: FillOptions = {}): { sheet: RoundSheet; filled: Filled[] } {
  const rng = seededRandom(options.seed ?? 7);
  const tasks = [...part.leads, ...part.shares];
  const columns = part.sheet.columns;
  const statusColumn = columns.indexOf('进展状态');
  const progressColumn = columns.indexOf('进展情况');
  const filled: Filled[] = [];
  let rows = part.sheet.rows.map((row, i) => {
    const task = tasks[i];
    const copy = row.slice();
    if (options.answers && !options.answers(task, i)) return copy;
    const status = options.status?.(task) ?? defaultStatus(task);
    const progress = (options.progress ?? defaultProgress)(task, part.unit);
    copy[statusColumn] = status;
    copy[progressColumn] = progress;
    if (options.editTask === i) copy[1] = `${String(copy[1]).slice(0, 3)}全面${String(copy[1]).slice(3)}`;
    filled.push({ unit: part.unit, taskId: task.id, row: task.row, status, progress });
    return copy;
  });
  if (options.shuffle) {
    rows = rows.map((r) => ({ r, k: rng() })).sort((a, b) => a.k - b.k).map((x) => x.r);
  }
  if (options.renumber) rows = rows.map((r, i) => [String(i + 1), ...r.slice(1)]);
  return { sheet: { ...part.sheet, rows }, filled };
}

/**
 * The same answers pasted into the master's own layout, as a unit that ignores the sheet it was sent does: no status
 * column (the status opens the progress text), columns in another order (进展情况 before 责任单位), filled down.
 */
export function masterLayoutReturn(part: UnitSplit, filled: Filled[]): Grid {
  const tasks = [...part.leads, ...part.shares];
  const values: CellValue[][] = [[`${part.unit}报送`, null, null, null], ['序号', '工作任务', '进展情况', '责任单位']];
  for (const f of filled) {
    const task = tasks.find((t) => t.id === f.taskId) as MasterTask;
    // Each task over two rows, as a merged cell someone unmerged and filled down: 序号, task and units repeated, the
    // progress cell's two paragraphs one per row.
    values.push([task.number, task.task, `${f.status}。`, task.units.join('、')]);
    values.push([task.number, task.task, f.progress, task.units.join('、')]);
  }
  return { values, merges: [], origin: { row: 1, column: 1 }, sheet: 'Sheet1' };
}

export function asReturn(file: string, grid: Grid): ReturnInput {
  return { file, analysis: analyze(grid, { config: defaultConfig() }) };
}

/** The split of the seed master (cached: the tests only read it). */
let cachedSplit: SplitPlan | null = null;
export function seedSplit(): SplitPlan {
  cachedSplit ??= planSplit(seedMaster().analysis, { period: '2018年1-10月' });
  return cachedSplit;
}

export function unitPart(unit: string): UnitSplit {
  const part = seedSplit().units.find((u) => u.unit === unit);
  if (!part) throw new Error(`no sheet for ${unit}`);
  return part;
}
