/**
 * Tables as offices lay them out besides the seed layout: hand-written grids, one per layout, each read back with
 * every record's official, section path, units, people, status and deadline.
 */
import { analyze, defaultConfig, type CellValue, type Finding, type Grid, type MergedArea } from '../../src/core';

const grid = (values: CellValue[][], merges: MergedArea[] = [], sheet?: string): Grid => ({ values, merges, origin: { row: 1, column: 1 }, ...(sheet ? { sheet } : {}) });
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const run = (g: Grid, today?: string) => analyze(g, { config: defaultConfig(), today: today ?? null });

describe('a merged area belongs to every record it spans', () => {
  // 分管领导 and 完成时限 merged down over all the tasks of one official; each task one sheet row.
  const values: CellValue[][] = [
    ['序号', '分管领导', '工作任务', '完成时限', '责任单位', '责任人', '进展情况', '备注'],
    [1, '胡钛', '任务甲', '2024年6月底', '市财政局', '李文聪', '按进度完成。', ''],
    [2, null, '任务乙', null, '市商务局', '赵瑞思', '▲未按进度完成。', '待协调'],
    [3, null, '任务丙', null, '市科技局', '冯一宁', '已完成。', ''],
    [4, '李明', '任务丁', '2024年12月', '市水务局', '梁君明', '按进度完成。', ''],
    [5, null, '任务戊', null, '市统计局', '卢永权', '按进度完成。', ''],
  ];
  const merges = [
    { row: 1, column: 1, rowCount: 3, columnCount: 1 },
    { row: 1, column: 3, rowCount: 3, columnCount: 1 },
    { row: 4, column: 1, rowCount: 2, columnCount: 1 },
    { row: 4, column: 3, rowCount: 2, columnCount: 1 },
  ];

  test('the official and the deadline of a merge over three tasks go to each of the three', () => {
    const a = run(grid(values, merges), '2024-07-15');
    expect(a.table.records.map((r) => [r.number, r.official, r.officialSource, r.deadline?.date])).toEqual([
      ['1', '胡钛', 'column', '2024-06-30'],
      ['2', '胡钛', 'column', '2024-06-30'],
      ['3', '胡钛', 'column', '2024-06-30'],
      ['4', '李明', 'column', '2024-12-31'],
      ['5', '李明', 'column', '2024-12-31'],
    ]);
    expect(a.summary.byOfficial.map((o) => [o.official, o.total])).toEqual([['胡钛', 3], ['李明', 2]]);
    expect(a.summary.officialSource).toBe('column');
    // 备注 is carried through in its place.
    expect(a.plan.columns).toContain('备注');
    expect(a.plan.rows.find((r) => r.values.includes('任务乙'))?.values).toContain('待协调');
    expect(errors(a.findings)).toEqual([]);
  });

  test('a deadline passed before the given day, not 已完成, puts the task on the lagging list', () => {
    const a = run(grid(values, merges), '2024-07-15');
    expect(a.summary.lagging.map((t) => [t.number, t.reason, t.deadline])).toEqual([
      ['1', 'overdue', '2024-06-30'],
      ['2', 'status', '2024-06-30'],
    ]);
    // Without a date from the caller nothing is overdue: the engine never reads the clock.
    expect(run(grid(values, merges)).summary.lagging.map((t) => t.number)).toEqual(['2']);
  });

  test('filled down instead of merged, the same records come back', () => {
    const filled = values.map((row, r) => row.map((v, c) => (v === null && (c === 1 || c === 3) ? values[r <= 3 ? 1 : 4][c] : v)));
    const a = run(grid(filled));
    expect(a.table.records.map((r) => [r.official, r.deadline?.date])).toEqual(run(grid(values, merges)).table.records.map((r) => [r.official, r.deadline?.date]));
  });
});

describe('where the official comes from', () => {
  test('a heading row above each block (分管领导：X) names the official of the tasks below it', () => {
    const a = run(grid([
      ['序号', '工作任务', '责任单位', '进展情况'],
      ['分管领导：胡钛', null, null, null],
      [1, '任务甲', '市财政局', '按进度完成。'],
      ['李明副市长分管工作（共1项）', null, null, null],
      [1, '任务乙', '市商务局', '已完成。'],
    ]));
    expect(a.table.records.map((r) => [r.official, r.officialSource, r.sectionPath])).toEqual([
      ['胡钛', 'section', ['分管领导：胡钛']],
      ['李明', 'section', ['李明副市长分管工作（共1项）']],
    ]);
    expect(of(a.findings, 'count.mismatch')).toEqual([]);
  });

  test('a table that names no official anywhere says so in the summary instead of inventing one', () => {
    const a = run(grid([
      ['序号', '工作任务', '责任单位', '进展情况'],
      [1, '任务甲', '市财政局', '按进度完成。'],
    ]));
    expect(a.table.records[0].official).toBeNull();
    expect(a.summary.officialSource).toBe('none');
    expect(a.summary.withoutOfficial).toBe(1);
    expect(a.summary.byOfficial.map((o) => o.official)).toEqual(['未标明分管领导']);
  });
});

describe('sections of other kinds', () => {
  test('two levels by topic, counts checked at both levels, the section path on each record and in the repaired sheet', () => {
    const a = run(grid([
      ['序号', '工作任务', '责任单位', '进展情况'],
      ['一、产业发展（共3项）', null, null, null],
      ['（一）工业（共2项）', null, null, null],
      [1, '任务甲', '市财政局', '按进度完成。'],
      [2, '任务乙', '市财政局', '按进度完成。'],
      ['（二）农业', null, null, null],
      [1, '任务丙', '市农业局', '按进度完成。'],
      ['二、民生保障（共2项）', null, null, null],
      [1, '任务丁', '市民政局', '按进度完成。'],
    ]));
    expect(a.table.records.map((r) => r.sectionPath)).toEqual([
      ['一、产业发展（共3项）', '（一）工业（共2项）'],
      ['一、产业发展（共3项）', '（一）工业（共2项）'],
      ['一、产业发展（共3项）', '（二）农业'],
      ['二、民生保障（共2项）'],
    ]);
    expect(a.table.sections.map((s) => [s.level, s.found, s.kind])).toEqual([[1, 3, 'topic'], [2, 2, 'topic'], [2, 1, 'topic'], [1, 1, 'topic']]);
    expect(of(a.findings, 'count.mismatch').map((f) => f.value)).toEqual(['二、民生保障（共2项）']);
    expect(of(a.findings, 'numbering.gap')).toEqual([]);
    expect(a.plan.rows.filter((r) => r.kind === 'section').map((r) => r.values[0])).toEqual(['一、产业发展（共3项）', '（一）工业（共2项）', '（二）农业', '二、民生保障（共2项）']);
  });
});

describe('columns offices add', () => {
  test('牵头单位 + 配合单位 both kept and checked; a status column of its own checked against 进展情况', () => {
    const a = run(grid([
      ['序号', '重点任务', '牵头单位', '配合单位', '负责人', '完成情况', '工作进展', '1月', '2月'],
      [1, '任务甲', '市财政局', '市发改局、市商务局', '李文聪', '已完成', '按进度完成。具体情况', '启动', '推进'],
      [2, '任务乙', '市商务局', '市财攻局', '赵瑞思', '按进度完成', '按进度完成。', '', '完成'],
    ]));
    const [first, second] = a.table.records;
    expect(first.units).toEqual(['市财政局']);
    expect(first.coUnits).toEqual(['市发展改革局', '市商务局']);
    // The sentence in 工作进展 counts (it is what is updated each period); the column's word is kept and checked.
    expect([first.status, first.statusSource, first.columnStatus]).toEqual(['按进度完成', 'progress', '已完成']);
    expect(of(a.findings, 'status.conflict').map((f) => [f.row, f.cell])).toEqual([[2, 'F2']]);
    expect(of(a.findings, 'unit.alias').map((f) => f.cell)).toEqual(['D2']);
    expect(of(a.findings, 'unit.unknown').map((f) => [f.cell, f.suggestion])).toEqual([['D3', '市财政局']]);
    expect(second.status).toBe('按进度完成');
    // Without a status in the sentence, the column gives it.
    const onlyColumn = run(grid([['序号', '工作任务', '责任单位', '状态', '进展情况'], [1, '任务甲', '市财政局', '▲未按进度完成', '资金未到位。']]));
    expect(onlyColumn.table.records[0]).toMatchObject({ status: '未按进度完成', statusSource: 'column' });
    expect(onlyColumn.findings.filter((f) => f.rule.startsWith('status.'))).toEqual([]);
    // Monthly columns come through in order, unchanged.
    const header = a.plan.rows.find((r) => r.kind === 'header')?.values ?? [];
    expect(header.slice(7, 9)).toEqual(['1月', '2月']);
    expect(a.plan.rows.filter((r) => r.kind === 'record').map((r) => r.values.slice(7, 9))).toEqual([['启动', '推进'], ['', '完成']]);
  });

  test('完成情况 alone is the progress text, not a status column', () => {
    const a = run(grid([
      ['序号', '工作任务', '责任单位', '完成情况'],
      [1, '任务甲', '市财政局', '按进度完成。'],
    ]));
    expect(a.table.header.columns.map((c) => c.field)).toEqual(['number', 'task', 'units', 'progress']);
    expect(a.table.records[0].status).toBe('按进度完成');
  });
});

describe('numbering styles', () => {
  test.each([
    ['1.', ['1.', '2.', '4.'], '3.'],
    ['1、', ['1、', '2、', '4、'], '3、'],
    ['（1）', ['（1）', '（2）', '（4）'], '（3）'],
    ['①', ['①', '②', '④'], '③'],
    ['一、', ['一、', '二、', '四、'], '三、'],
    ['full-width', ['１', '２', '４'], '３'],
  ])('%s: a gap is found and named in the table\'s style', (_style, numbers, missing) => {
    const a = run(grid([['序号', '工作任务', '责任单位', '进展情况'], ...numbers.map((n, i) => [n, `任务${i}`, '市财政局', '按进度完成。'])]));
    expect(a.table.records.map((r) => r.number)).toEqual(numbers);
    expect(of(a.findings, 'numbering.gap').map((f) => f.suggestion)).toEqual([missing]);
  });

  test('numbering running through the sections is no gap; a duplicate across styles is found', () => {
    const a = run(grid([
      ['序号', '工作任务', '责任单位', '进展情况'],
      ['一、产业发展', null, null, null],
      [1, '任务甲', '市财政局', '按进度完成。'],
      [2, '任务乙', '市财政局', '按进度完成。'],
      ['二、民生保障', null, null, null],
      [3, '任务丙', '市财政局', '按进度完成。'],
      ['3.', '任务丁', '市财政局', '按进度完成。'],
    ]));
    expect(of(a.findings, 'numbering.gap')).toEqual([]);
    expect(of(a.findings, 'numbering.duplicate').map((f) => f.value)).toEqual(['3.']);
  });
});

describe('header variants', () => {
  test('a group cell 责任 merged over 单位 | 人, under a title and a date row', () => {
    const a = run(grid(
      [
        ['2024年重点工作任务推进情况表', null, null, null, null],
        ['填报日期：2024年7月1日', null, null, null, null],
        ['编号', '主要任务', '责任', null, '推进情况'],
        [null, null, '单位', '人', null],
        [1, '任务甲', '市财政局', '李文聪', '按进度完成。'],
      ],
      [
        { row: 0, column: 0, rowCount: 1, columnCount: 5 },
        { row: 2, column: 0, rowCount: 2, columnCount: 1 },
        { row: 2, column: 1, rowCount: 2, columnCount: 1 },
        { row: 2, column: 2, rowCount: 1, columnCount: 2 },
        { row: 2, column: 4, rowCount: 2, columnCount: 1 },
      ],
    ));
    expect(a.table.header.columns.map((c) => c.field)).toEqual(['number', 'task', 'units', 'persons', 'progress']);
    expect(a.table.title).toBe('2024年重点工作任务推进情况表');
    expect(a.table.records.map((r) => [r.task, r.units, r.persons, r.status])).toEqual([['任务甲', ['市财政局'], ['李文聪'], '按进度完成']]);
  });
});

test('a Word document with a paragraph and a table per official: each heading above its own header names the official', () => {
  const a = run(grid([
    ['附件', null, null, null],
    ['胡钛副市长分管工作（共1项）', null, null, null],
    ['序号', '工作任务', '责任单位', '进展情况'],
    [1, '任务甲', '市财政局', '按进度完成。'],
    [null, null, null, null],
    ['李明副市长分管工作（共2项）', null, null, null],
    ['序号', '工作任务', '责任单位', '进展情况'],
    [1, '任务乙', '市商务局', '已完成。'],
    [2, '任务丙', '市商务局', '已完成。'],
  ]));
  expect(a.table.records.map((r) => [r.number, r.official])).toEqual([['1', '胡钛'], ['1', '李明'], ['2', '李明']]);
  expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(a.summary.byOfficial.map((o) => [o.official, o.total])).toEqual([['胡钛', 1], ['李明', 2]]);
});

test('header words are config synonyms; a config naming one field keeps the default words of the others', async () => {
  const { parseConfig } = await import('../../src/core');
  const config = parseConfig({ headerSynonyms: { progress: ['执行情况'] } });
  expect(config.headerSynonyms.progress).toEqual(['执行情况']);
  expect(config.headerSynonyms.coUnits).toContain('配合单位');
  const a = analyze(grid([['编号', '工作内容', '责任部门', '协办单位', '联系人', '计划完成时间', '执行情况'], [1, '任务甲', '市财政局', '市商务局', '李文聪', '2024年9月', '按进度完成。']]), { config });
  expect(a.table.header.columns.map((c) => c.field)).toEqual(['number', 'task', 'units', 'coUnits', 'persons', 'deadline', 'progress']);
  expect(a.table.records[0]).toMatchObject({ coUnits: ['市商务局'], deadline: { date: '2024-09-30', precision: 'month' }, status: '按进度完成' });
});

test('deadlines as clerks write them', async () => {
  const { parseDeadline } = await import('../../src/core');
  expect(parseDeadline('2024年3月底前完成方案，6月底前建成', null)?.date).toBe('2024-06-30');
  expect(parseDeadline('6月30日', 2024)).toEqual({ date: '2024-06-30', precision: 'day' });
  expect(parseDeadline('年底前', 2024)).toEqual({ date: '2024-12-31', precision: 'year' });
  expect(parseDeadline('２０２４年２月', null)?.date).toBe('2024-02-29');
  expect(parseDeadline('45474', null)?.date).toBe('2024-07-01');
  expect(parseDeadline('长期坚持', 2024)).toBeNull();
  // A month without a year anywhere is not guessed.
  expect(parseDeadline('6月底', null)).toBeNull();
});

test('a heading that names an office, not a person, is no official', () => {
  const a = run(grid([
    ['序号', '工作任务', '责任单位', '进展情况'],
    ['办公室主任负责事项', null, null, null],
    [1, '任务甲', '市财政局', '按进度完成。'],
  ]));
  expect(a.table.records[0].official).toBeNull();
});
