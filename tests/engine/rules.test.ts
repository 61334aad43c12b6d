import { analyze, ruleCatalog, type CellValue, type Finding } from '../../src/core';

const HEADER = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];
const check = (rows: CellValue[][], header: CellValue[] = HEADER) => analyze({ values: [header, ...rows], merges: [], origin: { row: 1, column: 1 } });
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

test('every rule has a stable id, a default severity and descriptions in both languages', () => {
  const ids = ruleCatalog().map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ['status.missing', 'status.unknown', 'status.marker', 'cell.too-long', 'unit.unknown', 'unit.alias', 'unit.lead-not-first', 'unit.duplicate', 'person.count-mismatch', 'person.inconsistent', 'person.shifted', 'numbering.gap', 'numbering.duplicate', 'numbering.missing', 'count.mismatch', 'required.empty', 'record.duplicate', 'table.multiple']) {
    expect(ids).toContain(id);
  }
  for (const r of ruleCatalog()) expect(r.description['zh-CN'] && r.description['en-US']).toBeTruthy();
});

test('status: ▲, trailing 。 and spaces are tolerated; a slip gets the nearest word; a missing status is an error', () => {
  const a = check([
    [1, '甲', '市财政局', '李文聪', '▲未按进度完成。\n原因'],
    [2, '乙', '市财政局', '李文聪', ' 按 进度完成 '],
    [3, '丙', '市财政局', '李文聪', '按进度完城。'],
    [4, '丁', '市财政局', '李文聪', ''],
  ]);
  expect(a.table.records.map((r) => r.status)).toEqual(['未按进度完成', '按进度完成', null, null]);
  expect(of(a.findings, 'status.unknown').map((f) => [f.row, f.suggestion])).toEqual([[4, '按进度完成']]);
  expect(of(a.findings, 'status.missing').map((f) => [f.row, f.cell, f.severity])).toEqual([[5, 'E5', 'error']]);
});

test('units: lists split on line breaks and 、，； but never inside brackets; aliases and unknown names are reported', () => {
  const a = check([
    [1, '甲', '区发展改革局、各镇（街、区）；市发改局', '甲乙', '按进度完成。'],
    [2, '乙', '市发展改草局', '丙', '按进度完成。'],
  ]);
  expect(a.table.records[0].units).toEqual(['区发展改革局', '各镇（街、区）', '市发展改革局']);
  expect(of(a.findings, 'unit.alias')[0]).toMatchObject({ value: '市发改局', suggestion: '市发展改革局', severity: 'info' });
  const unknown = of(a.findings, 'unit.unknown');
  expect(unknown.map((f) => f.value)).toEqual(['市发展改草局']);
  expect(unknown[0].suggestion).toBe('市发展改革局');
});

test('abbreviations find their directory name even where edit distance would not', () => {
  const a = check([[1, '甲', '市人资社保局', '某', '按进度完成。']]);
  expect(of(a.findings, 'unit.unknown')[0].suggestion).toBe('市人力资源社会保障局');
});

test('the lead unit named in the task must come first; a unit listed twice is reported', () => {
  const a = check([[1, '推进某项工作。\n（牵头单位：市财政局）', '市教育局\n市财政局\n市教育局', '张璐\n李文聪\n张璐', '按进度完成。']]);
  expect(of(a.findings, 'unit.lead-not-first')[0]).toMatchObject({ value: '市教育局', suggestion: '市财政局' });
  expect(of(a.findings, 'unit.duplicate').map((f) => f.value)).toEqual(['市教育局']);
});

test('people: counts must match units; padding is ignored when comparing', () => {
  const a = check([[1, '甲', '市财政局\n市教育局', '李文聪', '按进度完成。'], [2, '乙', '市人力资源社会保障局', '陈  霞', '按进度完成。']]);
  expect(of(a.findings, 'person.count-mismatch').map((f) => f.row)).toEqual([2]);
  expect(a.table.records[1].persons).toEqual(['陈霞']);
});

test('numbering per section: gaps, duplicates and missing numbers', () => {
  const a = check([
    ['一、甲同志分管工作（共3项）'],
    [1, '甲', '市财政局', '李文聪', '已完成。'],
    [3, '乙', '市财政局', '李文聪', '已完成。'],
    [3, '丙', '市财政局', '李文聪', '按进度完成。'],
    ['二、乙同志分管工作（共1项）'],
    [null, '丁', '市财政局', '李文聪', '已完成。'],
  ]);
  expect(of(a.findings, 'numbering.gap').map((f) => [f.row, f.suggestion])).toEqual([[4, '2']]);
  expect(of(a.findings, 'numbering.duplicate').map((f) => f.row)).toEqual([5]);
  expect(of(a.findings, 'numbering.missing').map((f) => [f.row, f.section])).toEqual([[7, 2]]);
  expect(of(a.findings, 'count.mismatch')).toEqual([]);
  expect(a.table.sections.map((s) => [s.official, s.declared, s.found])).toEqual([['甲', 3, 3], ['乙', 1, 1]]);
});

test('required cells and duplicate records', () => {
  const a = check([[1, '', '', '', '已完成。'], [2, '推进重点项目建设', '市财政局', '李文聪', '已完成。'], [3, '推进重点项目建设', '市财政局', '李文聪', '已完成。']]);
  expect(of(a.findings, 'required.empty').map((f) => f.cell)).toEqual(['B2', 'C2']);
  expect(of(a.findings, 'record.duplicate').map((f) => f.row)).toEqual([4]);
});

test('a task with sub-items takes its least advanced sub-item status in the summary', () => {
  const header = ['序号', '工作任务', '', '责任单位', '责任人', '进展情况'];
  const a = analyze({
    values: [header, [1, '任务', '（1）甲', '市财政局', '李文聪', '已完成。'], [null, null, '（2）乙', '市教育局', '张璐', '基本按进度完成。']],
    merges: [
      { row: 0, column: 1, rowCount: 1, columnCount: 2 },
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
      { row: 1, column: 1, rowCount: 2, columnCount: 1 },
    ],
    origin: { row: 1, column: 1 },
  });
  expect(a.table.records).toHaveLength(1);
  expect(a.table.records[0].subItems?.map((s) => s.status)).toEqual(['已完成', '基本按进度完成']);
  expect(a.table.records[0].status).toBe('基本按进度完成');
  expect(a.summary.byStatus.find((s) => s.status === '基本按进度完成')?.count).toBe(1);
  expect(a.summary.byUnit.map((u) => u.unit).sort()).toEqual(['市教育局', '市财政局'].sort());
});

test('▲ belongs to lagging tasks only, and every lagging task carries it', () => {
  const a = check([
    [1, '甲', '市财政局', '李文聪', '▲未按进度完成。'],
    [2, '乙', '市财政局', '李文聪', '未按进度完成。'],
    [3, '丙', '市财政局', '李文聪', '▲按进度完成。'],
  ]);
  expect(of(a.findings, 'status.marker').map((f) => [f.row, f.severity, f.suggestion])).toEqual([
    [3, 'info', '▲未按进度完成。'],
    [4, 'info', '按进度完成。'],
  ]);
});
