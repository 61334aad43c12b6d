import { analyze, defaultConfig, type Analysis, type CellValue, type Grid } from '../../src/core';
import { compareSheets, compareTables, type ComparedTask } from '../../src/core/returns';
import { seedMaster } from './round';

const config = defaultConfig();

/** The repaired master as a grid, with some tasks' status words (the first line of 进展情况) replaced. */
function withStatuses(analysis: Analysis, statuses: Map<number, string>, extra?: { label: string; values: Map<number, string> }): Grid {
  const progress = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  const statusColumn = analysis.plan.columns.lastIndexOf('状态');
  // Each output row's first sheet row (a record's later rows map to the same output row).
  const outputOf = new Map<number | null, number>();
  for (const m of analysis.plan.rowMap) if (!outputOf.has(m.outputRow)) outputOf.set(m.outputRow, m.row);
  const values: CellValue[][] = analysis.plan.rows.map((r, i) => {
    const row = r.values.slice();
    const sheetRow = outputOf.get(i + 1);
    const status = sheetRow === undefined ? undefined : statuses.get(sheetRow);
    if (status !== undefined && r.kind === 'record') {
      row[progress] = [`${status}。`, ...row[progress].split('\n').slice(1)].join('\n');
      // The repaired table's 状态 column says the same (a merged master fills both).
      if (statusColumn >= 0) row[statusColumn] = status;
    }
    if (extra) row.push(r.kind === 'header' ? extra.label : sheetRow !== undefined && r.kind === 'record' ? (extra.values.get(sheetRow) ?? '') : '');
    return row;
  });
  return { values, merges: [], origin: { row: 1, column: 1 } };
}

describe('compareTables: this period against the last', () => {
  const { analysis: seed } = seedMaster();
  const records = seed.table.records;
  const onSchedule = records.filter((r) => r.status === '按进度完成');
  const lagging = records.filter((r) => r.status === '未按进度完成');
  const [a, d] = onSchedule;
  const [b, c] = lagging;
  // Last period: the seed as it is. This period: a falls behind, b still lags, c recovers, d is completed.
  const last = seed;
  const now = analyze(withStatuses(seed, new Map([[a.row, '未按进度完成'], [c.row, '按进度完成'], [d.row, '已完成']])), { config });
  const byTask = (comparison: ReturnType<typeof compareTables>, task: string): ComparedTask | undefined => comparison.tasks.find((t) => t.task === task);

  test('the seed has the tasks this test needs', () => {
    expect(lagging.length).toBeGreaterThanOrEqual(2);
    expect(onSchedule.length).toBeGreaterThanOrEqual(2);
  });

  test('newly lagging, still lagging (two periods without history), recovered, completed this period', () => {
    const comparison = compareTables(last, now, { config });
    expect(byTask(comparison, a.task)).toMatchObject({ before: '按进度完成', now: '未按进度完成', change: 'newly-lagging' });
    expect(byTask(comparison, b.task)).toMatchObject({ before: '未按进度完成', now: '未按进度完成', change: 'still-lagging', periods: 2 });
    expect(byTask(comparison, c.task)).toMatchObject({ change: 'recovered', now: '按进度完成' });
    expect(byTask(comparison, d.task)).toMatchObject({ change: 'completed', now: '已完成' });
    expect(comparison.counts['newly-lagging']).toBe(1);
    expect(comparison.counts.recovered).toBe(1);
    expect(comparison.counts['still-lagging']).toBe(lagging.length - 1);
    expect(comparison.counts.new + comparison.counts.dropped).toBe(0);
  });

  test('a table that carries 连续滞后期数 counts on from it', () => {
    const lastWithHistory = analyze(withStatuses(seed, new Map(), { label: '连续滞后期数', values: new Map([[b.row, '3']]) }), { config });
    const comparison = compareTables(lastWithHistory, now, { config });
    expect(byTask(comparison, b.task)).toMatchObject({ change: 'still-lagging', periods: 4 });
  });

  test('tasks are matched by text, not by row: a reordered, renumbered table compares the same', () => {
    // This period's table with its sections in reverse order.
    const grid = withStatuses(seed, new Map([[a.row, '未按进度完成']]));
    const head = grid.values.findIndex((r) => r[0] === '序号');
    // Renumbered 1, 2, 3 … through the whole table; the rows of one task's sub-items keep one number.
    let n = 0;
    let previousTask: CellValue = null;
    const body = grid.values
      .slice(head + 1)
      .reverse()
      .map((r) => {
        if (/^[一二三四五六七八九十]+、/.test(String(r[0]))) return r;
        if (r[1] !== previousTask) n++;
        previousTask = r[1];
        return [String(n), ...r.slice(1)];
      });
    const shuffled = analyze({ ...grid, values: [...grid.values.slice(0, head + 1), ...body] }, { config });
    const comparison = compareTables(last, shuffled, { config });
    expect(byTask(comparison, a.task)?.change).toBe('newly-lagging');
    expect(comparison.counts.new).toBe(0);
  });

  test('counts per official, and the sheets: one row per task, then per official with a totals row and a chart', () => {
    const comparison = compareTables(last, now, { config });
    const official = a.official ?? '';
    const entry = comparison.byOfficial.find((o) => o.official === official);
    expect(entry?.counts['newly-lagging']).toBe(1);
    expect(entry?.total).toBe(records.filter((r) => r.official === official).length);
    const [tasks, officials] = compareSheets(comparison, 'zh-CN');
    expect(tasks.name).toBe('本期与上期对比');
    expect(tasks.rows[0]).toEqual([a.number, a.task, official, '按进度完成', '未按进度完成', '新增滞后', '']);
    expect(officials.columns).toEqual(['分管领导', '新增滞后', '持续滞后', '已恢复', '本期完成', '新增任务', '任务数']);
    expect(officials.totalsRow).toBe(true);
    expect(officials.rows[officials.rows.length - 1]).toEqual(['合计', 1, lagging.length - 1, 1, 1, 0, records.length]);
    expect(officials.chart).toEqual({ title: '各分管领导本期状态变化', categoryColumn: 0, seriesColumns: [1, 2, 3, 4] });
    expect(compareSheets(comparison, 'en-US')[1].columns[1]).toBe('Newly lagging');
  });
});
