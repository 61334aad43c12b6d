import { defaultConfig } from '../../src/core';
import { matchReturns, type MergePlan, type ReturnInput } from '../../src/core/returns';
import { asReturn, defaultStatus, fillReturn, masterLayoutReturn, seedMaster, sheetGrid, unitPart, type Filled } from './round';

/** The merged master's row for a master sheet row, and its progress column. */
function mergedProgress(plan: MergePlan, masterRow: number): string {
  const { analysis } = seedMaster();
  const outputRow = analysis.plan.rowMap.find((m) => m.row === masterRow)?.outputRow;
  if (outputRow === undefined || outputRow === null) throw new Error(`row ${masterRow} not in the plan`);
  const progressColumn = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  return plan.rows[outputRow - 1][progressColumn];
}

interface Scenario {
  plan: MergePlan;
  filled: Filled[];
  returns: ReturnInput[];
}

/**
 * The round of the issue: six units answer; 市编办 renumbers and reorders its rows, 市文广新局 retypes one task,
 * 市民政局 pastes its answers into the master's layout (columns in another order, status in the progress text),
 * 市委政法委 and 市公安局 disagree on task 1, and 市外侨局 stays silent.
 */
function scenario(): Scenario {
  const filled: Filled[] = [];
  const returns: ReturnInput[] = [];
  const add = (unit: string, options: Parameters<typeof fillReturn>[1] = {}) => {
    const part = unitPart(unit);
    const r = fillReturn(part, options);
    filled.push(...r.filled);
    returns.push(asReturn(part.fileName, sheetGrid(r.sheet)));
    return r;
  };
  add('市委政法委');
  add('市公安局', { status: (t) => (t.ref === '1.1' ? '未按进度完成' : defaultStatus(t)) });
  add('市编办', { renumber: true, shuffle: true, seed: 3 });
  add('市文广新局', { editTask: 2 });
  add('市工商联');
  const civil = unitPart('市民政局');
  const civilFilled = fillReturn(civil).filled;
  filled.push(...civilFilled);
  returns.push(asReturn('民政局回复.xlsx', masterLayoutReturn(civil, civilFilled)));
  return { plan: matchReturns(seedMaster().analysis, returns, { config: defaultConfig() }), filled, returns };
}

let cached: Scenario | null = null;
const round = () => (cached ??= scenario());

describe('matchReturns on a round built from the seed table', () => {
  test('every returned progress text lands on its own task of the master, whatever the numbering, order or layout', () => {
    const { plan, filled } = round();
    for (const f of filled) expect(mergedProgress(plan, f.row)).toContain(f.progress);
    // And on no other task.
    const { analysis } = seedMaster();
    for (const f of filled.slice(0, 40)) {
      for (const record of analysis.table.records) {
        if (record.row === f.row || record.subItems?.some((s) => s.row === f.row)) continue;
        expect(mergedProgress(plan, record.row)).not.toContain(f.progress);
      }
    }
  });

  test('the status opens the merged progress text, and every filled cell says which file and row it came from', () => {
    const { plan, filled } = round();
    const f = filled.find((x) => x.unit === '市编办') as Filled;
    expect(mergedProgress(plan, f.row).split('\n')[0]).toBe(`${f.status}。`);
    const cell = plan.cells.find((c) => c.masterRow === f.row && c.columnLabel === '进展情况');
    expect(cell?.sources.map((s) => s.unit)).toContain('市编办');
    expect(cell?.sources.find((s) => s.unit === '市编办')?.file).toBe(unitPart('市编办').fileName);
    // The status column the repaired table adds gets the status too.
    expect(plan.cells.find((c) => c.masterRow === f.row && c.columnLabel === '状态')?.after).toBe(f.status);
  });

  test('who answered: units that sent a return, and the lead tasks nobody returned', () => {
    const { plan } = round();
    const answer = (unit: string) => plan.units.find((u) => u.unit === unit);
    expect(answer('市委政法委')).toMatchObject({ files: [unitPart('市委政法委').fileName], leads: 4, missingLeads: 0 });
    expect(answer('市民政局')?.files).toEqual(['民政局回复.xlsx']);
    expect(answer('市外侨局')).toMatchObject({ files: [], missingLeads: unitPart('市外侨局').leads.length });
    expect(unitPart('市外侨局').leads.length).toBeGreaterThan(2);
    expect(plan.returns.find((r) => r.file === '民政局回复.xlsx')).toMatchObject({ unit: '市民政局', unitSource: 'title' });
  });

  test('the merged table\'s title names the period the returns answer for', () => {
    const { plan } = round();
    expect(plan.period).toBe('1-10月');
    expect(plan.rows.some((r) => r[0] === '2018年市政府重点工作1-10月进展情况汇总表')).toBe(true);
    expect(plan.cells[0]).toMatchObject({ before: '2018年市政府重点工作1-9月进展情况汇总表', after: '2018年市政府重点工作1-10月进展情况汇总表', sources: [] });
  });

  test('a status typed over the drop-down that is not in the vocabulary is kept as written, not dropped', () => {
    const part = unitPart('市委老干部局');
    const { sheet } = fillReturn(part, { status: () => '正常推进中' });
    const plan = matchReturns(seedMaster().analysis, [asReturn(part.fileName, sheetGrid(sheet))]);
    const cell = plan.cells.find((c) => c.columnLabel === '进展情况');
    expect(cell?.after.split('\n')[0]).toBe('正常推进中。');
  });

  test('tasks nobody answered keep last period\'s text', () => {
    const { plan } = round();
    const { analysis } = seedMaster();
    const untouched = analysis.table.records.find((r) => r.units[0] === '市外侨局');
    expect(untouched).toBeDefined();
    const row = untouched?.row ?? 0;
    expect(mergedProgress(plan, row)).toBe(untouched?.progress);
    expect(plan.cells.some((c) => c.masterRow === row)).toBe(false);
  });
});

describe('the round rules', () => {
  const ids = (plan: MergePlan, rule: string) => plan.findings.filter((f) => f.rule === rule);

  test('returns.missing-unit: a silent lead unit, per task, and the list of units that sent nothing', () => {
    const { plan } = round();
    const missing = ids(plan, 'returns.missing-unit');
    const perTask = missing.filter((f) => f.value === '市外侨局');
    expect(perTask).toHaveLength(unitPart('市外侨局').leads.length);
    expect(perTask[0].messages['zh-CN']).toBe('牵头单位“市外侨局”本期没有报送，这项任务的进展情况未更新。');
    const list = missing.find((f) => f.cell === null);
    expect(list?.messages['zh-CN']).toMatch(/^以下 \d+ 个单位本期没有报送：.*市外侨局/);
    expect(list?.value).not.toContain('市编办');
  });

  test('returns.conflict: two units give task 1 different statuses; both texts are kept, the lead unit first', () => {
    const { plan } = round();
    const conflicts = ids(plan, 'returns.conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].number).toBe('1');
    const leadStatus = defaultStatus(unitPart('市委政法委').leads[0]);
    expect(conflicts[0].messages['zh-CN']).toContain(`“市委政法委”报“${leadStatus}”，“市公安局”报“未按进度完成”`);
    const text = mergedProgress(plan, conflicts[0].row);
    expect(text.split('\n')[0]).toBe(`${leadStatus}。`);
    expect(text.indexOf('【市委政法委】')).toBeGreaterThan(0);
    expect(text.indexOf('【市公安局】')).toBeGreaterThan(text.indexOf('【市委政法委】'));
  });

  test('returns.text-changed: the retyped task is matched and the edit shown as a diff', () => {
    const { plan } = round();
    const changed = ids(plan, 'returns.text-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0].file).toBe(unitPart('市文广新局').fileName);
    expect(changed[0].messages['zh-CN']).toContain('推进以{+全面+}“白沙文化”');
    expect(changed[0].diff?.filter((d) => d.op !== 'same')).toEqual([{ op: 'added', text: '全面' }]);
  });

  test('returns.unmatched: a task the master does not have is reported with the closest one, not merged anywhere', () => {
    const part = unitPart('市工商联');
    const { sheet } = fillReturn(part);
    const extra = [...sheet.rows[0]];
    extra[0] = '9';
    extra[1] = '组织开展民营企业家素质提升培训班。';
    const progress = sheet.columns.indexOf('进展情况');
    extra[progress] = '已举办两期培训班，共培训企业家160人次。';
    const plan = matchReturns(seedMaster().analysis, [asReturn(part.fileName, sheetGrid({ ...sheet, rows: [...sheet.rows, extra] }))]);
    const unmatched = ids(plan, 'returns.unmatched');
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({ file: part.fileName, row: 4 + sheet.rows.length, cell: `B${4 + sheet.rows.length}`, value: extra[1] });
    expect(plan.cells.some((c) => c.after.includes('共培训企业家160人次'))).toBe(false);
  });

  test('returns.not-responsible: a unit answering a task of another unit', () => {
    const own = fillReturn(unitPart('市工商联')).sheet;
    const other = fillReturn(unitPart('市委老干部局')).sheet;
    const rows = [...own.rows, ...other.rows.map((r) => r.slice())];
    const plan = matchReturns(seedMaster().analysis, [asReturn(unitPart('市工商联').fileName, sheetGrid({ ...own, rows }))]);
    const found = ids(plan, 'returns.not-responsible');
    expect(found).toHaveLength(1);
    expect(found[0].messages['zh-CN']).toContain('“市工商联”不是这项任务');
    expect(found[0].suggestion).toBe('市委老干部局');
  });

  test('returns.unchanged-progress: last period\'s text returned again', () => {
    const part = unitPart('市委老干部局');
    const { sheet } = fillReturn(part, { progress: (t) => t.progress.split('\n').slice(1).join('\n') });
    const plan = matchReturns(seedMaster().analysis, [asReturn(part.fileName, sheetGrid(sheet))]);
    const found = ids(plan, 'returns.unchanged-progress');
    expect(found).toHaveLength(1);
    expect(found[0].messages['zh-CN']).toBe('“市委老干部局”报送的进展与上期完全相同，请核实是否已更新。');
  });

  test('returns.unknown-sender: a return naming no unit in its title or file name', () => {
    const part = unitPart('市委老干部局');
    const { sheet } = fillReturn(part);
    const plan = matchReturns(seedMaster().analysis, [asReturn('回复.xlsx', sheetGrid({ ...sheet, title: ['进展情况'] }))]);
    // 市委老干部局 is the only unit every task lists, so the units column still tells.
    expect(plan.returns[0]).toMatchObject({ unit: '市委老干部局', unitSource: 'units-column' });
    // Rows of two units with no unit in common: nothing tells who sent them.
    const mixed = fillReturn(unitPart('市体育局')).sheet;
    const rows = [...sheet.rows, ...mixed.rows];
    const plan2 = matchReturns(seedMaster().analysis, [asReturn('回复.xlsx', sheetGrid({ ...sheet, rows, title: ['进展情况'] }))]);
    expect(ids(plan2, 'returns.unknown-sender')).toHaveLength(1);
    // Its tasks are merged all the same.
    expect(plan2.cells.length).toBeGreaterThan(0);
  });

  test('a rule set to off in the config is skipped', () => {
    const config = { ...defaultConfig(), severities: { 'returns.missing-unit': 'off' as const } };
    const plan = matchReturns(seedMaster().analysis, round().returns, { config });
    expect(plan.findings.some((f) => f.rule === 'returns.missing-unit')).toBe(false);
  });
});
