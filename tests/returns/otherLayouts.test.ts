/** The round on the other seed (节点计划, no sections, no 责任人) and on a table with sub-items. */
import { analyze, defaultConfig } from '../../src/core';
import { masterTasks, matchReturns, planSplit } from '../../src/core/returns';
import { renderSubItemsTable, renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { asReturn, fillReturn, sheetGrid } from './round';

const config = defaultConfig();

test('seed 000: every unit gets its tasks with the 节点计划 column, and every answer lands on its task', () => {
  const master = analyze(renderWordPaste(loadSeed('000')).grid, { config });
  const split = planSplit(master, { config });
  expect(split.period).toBe('2021年1-9月');
  const lead = split.units.find((u) => u.unit === '区发展改革局');
  expect(lead?.leads.length).toBeGreaterThanOrEqual(7);
  expect(lead?.sheet.columns).toEqual(['序号', '工作任务', '节点计划', '责任单位', '承担方式', '上期进展情况（参考）', '进展状态', '进展情况']);
  const filled = split.units.map((part, i) => fillReturn(part, { shuffle: true, renumber: i % 2 === 0, seed: i + 1 }));
  const plan = matchReturns(master, filled.map((f, i) => asReturn(split.units[i].fileName, sheetGrid(f.sheet))), { config });
  const progress = master.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  for (const f of filled.flatMap((x) => x.filled)) {
    const outputRow = master.plan.rowMap.find((m) => m.row === f.row)?.outputRow ?? 0;
    expect(plan.rows[outputRow - 1][progress]).toContain(f.progress);
  }
  expect(plan.findings.filter((x) => x.rule === 'returns.missing-unit')).toEqual([]);
});

test('a task with sub-items: each sub-item goes to its own units and gets its own answer', () => {
  const master = analyze(renderSubItemsTable(loadSeed('001')).grid, { config });
  const tasks = masterTasks(master, config);
  const subs = tasks.filter((t) => t.sub !== null);
  expect(subs.length).toBeGreaterThan(3);
  const split = planSplit(master, { config });
  const parts = split.units.filter((u) => [...u.leads, ...u.shares].some((t) => t.sub !== null));
  const filled = parts.map((part) => fillReturn(part));
  const plan = matchReturns(master, filled.map((f, i) => asReturn(parts[i].fileName, sheetGrid(f.sheet))), { config });
  const progress = master.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  for (const f of filled.flatMap((x) => x.filled)) {
    const outputRow = master.plan.rowMap.find((m) => m.row === f.row)?.outputRow ?? 0;
    expect(plan.rows[outputRow - 1][progress]).toContain(f.progress);
  }
  // The number a unit sees tells the sub-item: the task's number and the sub-item's label.
  expect(subs[0].number).toMatch(/^\d+（\d+）$/);
});
