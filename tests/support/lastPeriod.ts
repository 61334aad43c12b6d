/**
 * Last period's table, built by code from this period's (the seed as repaired): a few tasks get another status
 * word, so a comparison of the two finds tasks newly lagging, still lagging, recovered and completed this period —
 * each count known in advance. Used by the host-contract, pane and e2e tests of the comparison.
 */
import { analyze, defaultConfig, type Analysis, type CellValue, type Grid } from '../../src/core';
import { createWorkbook } from '../../src/files';
import { copyOfGrid } from '../../src/web/outputSheets';

export interface LastPeriod {
  grid: Grid;
  analysis: Analysis;
  /** What comparing this period with it must count. */
  expected: { newlyLagging: number; stillLagging: number; recovered: number; completed: number };
  /** Tasks (their text) that fell behind this period. */
  newlyLagging: string[];
}

const LAGGING = '未按进度完成';
const ON_SCHEDULE = '按进度完成';
const DONE = '已完成';

/** The repaired table as a grid, with the status word (first line of 进展情况, and the 状态 column) of some rows replaced. */
function withStatuses(analysis: Analysis, statuses: Map<number, string>): Grid {
  const progress = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  const statusColumn = analysis.plan.columns.lastIndexOf('状态');
  const outputOf = new Map<number | null, number>();
  for (const m of analysis.plan.rowMap) if (!outputOf.has(m.outputRow)) outputOf.set(m.outputRow, m.row);
  const values: CellValue[][] = analysis.plan.rows.map((r, i) => {
    const row: CellValue[] = r.values.slice();
    const sheetRow = outputOf.get(i + 1);
    const status = sheetRow === undefined ? undefined : statuses.get(sheetRow);
    // The title names last period: 1-9月 → 1-8月 (the comparison shows both).
    if (r.kind === 'title') return row.map((v) => (typeof v === 'string' ? v.replace(/(\d{1,2})\s*[-—–~～至]\s*(\d{1,2})\s*月/, (_, from: string, to: string) => `${from}-${Math.max(Number(from), Number(to) - 1)}月`) : v));
    if (status !== undefined && r.kind === 'record' && progress >= 0) {
      row[progress] = [`${status}。`, ...String(row[progress] ?? '').split('\n').slice(1)].join('\n');
      if (statusColumn >= 0) row[statusColumn] = status;
    }
    return row;
  });
  return { values, merges: [], origin: { row: 1, column: 1 } };
}

/** This period = `current` (the seed); last period: two of its lagging tasks were on schedule, one lagged already, two
 * on-schedule tasks lagged, three completed tasks were still under way. */
export function lastPeriodOf(current: Analysis): LastPeriod {
  const records = current.table.records;
  const lagging = records.filter((r) => r.status === LAGGING);
  const onSchedule = records.filter((r) => r.status === ON_SCHEDULE);
  const done = records.filter((r) => r.status === DONE);
  if (lagging.length < 3 || onSchedule.length < 2 || done.length < 3) throw new Error('the seed no longer has the statuses this fixture needs');
  const statuses = new Map<number, string>();
  const [newlyA, newlyB] = lagging;
  statuses.set(newlyA.row, ON_SCHEDULE);
  statuses.set(newlyB.row, ON_SCHEDULE);
  for (const r of onSchedule.slice(0, 2)) statuses.set(r.row, LAGGING);
  for (const r of done.slice(0, 3)) statuses.set(r.row, ON_SCHEDULE);
  const grid = withStatuses(current, statuses);
  return {
    grid,
    analysis: analyze(grid, { config: defaultConfig() }),
    expected: { newlyLagging: 2, stillLagging: lagging.length - 2, recovered: 2, completed: 3 },
    newlyLagging: [newlyA.task, newlyB.task],
  };
}

/** Last period's table as the .xlsx file a clerk picks in the pane. */
export function lastPeriodWorkbook(current: Analysis, sheet = '上期'): Uint8Array {
  return createWorkbook([copyOfGrid(sheet, lastPeriodOf(current).grid)]);
}
