import { analyze, UnusableInputError, type CellValue, type Grid } from '../../src/core';

const grid = (values: CellValue[][], merges: Grid['merges'] = []): Grid => ({ values, merges, origin: { row: 1, column: 1 } });
const HEADER = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];

function unusable(g: Grid): UnusableInputError {
  try {
    analyze(g);
  } catch (error) {
    if (error instanceof UnusableInputError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

test('an empty grid is refused with a clear reason in both languages', () => {
  const error = unusable(grid([]));
  expect(error.code).toBe('empty');
  expect(error.messages['zh-CN']).toContain('空');
});

test('a single cell, or text without a header, is refused: no table found', () => {
  expect(unusable(grid([['hello']])).code).toBe('no-header');
  expect(unusable(grid([['附件1'], ['一些说明文字', '另一格']])).code).toBe('no-header');
});

test('numbers, booleans and error texts in text columns are read as text, not dropped', () => {
  const a = analyze(grid([HEADER, [1, 2024, true, '#N/A', '按进度完成。'], [2, '任务', 3.5, null, false]]));
  expect(a.table.records.map((r) => r.task)).toEqual(['2024', '任务']);
  expect(a.table.records[0].units).toEqual(['TRUE']);
  expect(a.table.records[0].persons).toEqual(['#N/A']);
  expect(a.findings.some((f) => f.rule === 'unit.unknown' && f.value === 'TRUE')).toBe(true);
  expect(a.findings.find((f) => f.rule === 'status.unknown' && f.row === 3)?.value).toBe('FALSE');
});

test('formula-looking text stays text through repair', () => {
  const a = analyze(grid([HEADER, [1, '=SUM(A1:A2)', '市财政局', '李文聪', '+按进度完成']]));
  expect(a.plan.rows[1].values[1]).toBe('=SUM(A1:A2)');
  expect(a.findings.find((f) => f.rule === 'status.unknown')?.value).toBe('+按进度完成');
});

test('a 32,767-character cell goes through whole', () => {
  const long = '进'.repeat(32767);
  const a = analyze(grid([HEADER, [1, '任务', '市财政局', '李文聪', `按进度完成。\n${long}`]]));
  expect(a.table.records[0].progress.length).toBe('按进度完成。\n'.length + 32767);
  expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  // Joined with its status line it no longer fits one Excel cell: the reviewer hears it before anything is written.
  expect(a.findings.find((f) => f.rule === 'cell.too-long')?.cell).toBe('E2');
});

test('two tables on one sheet: the second title is reported and its rows are kept', () => {
  const a = analyze(
    grid([['附件1'], ['表一'], HEADER, [1, '任务甲', '市财政局', '李文聪', '按进度完成。'], [null], ['附件2 另一张表'], HEADER, [1, '任务乙', '市财政局', '李文聪', '已完成。']]),
  );
  expect(a.findings.some((f) => f.rule === 'table.multiple' && f.row === 6)).toBe(true);
  expect(a.table.records.map((r) => r.task)).toEqual(['任务甲', '任务乙']);
  expect(a.plan.rows.some((r) => r.values[0] === '附件2 另一张表')).toBe(true);
});

test('merged areas that reach past the grid and ragged rows do not crash the reader', () => {
  const a = analyze(grid([HEADER, [1, '任务'], [null, null, '市财政局']], [{ row: 1, column: 0, rowCount: 10, columnCount: 1 }]));
  expect(a.table.records).toHaveLength(1);
  expect(a.table.records[0].units).toEqual(['市财政局']);
});

test('a table that does not start at A1 reports sheet rows and cells', () => {
  const g: Grid = { values: [HEADER, [1, '任务', '市发改局', '王长青', '按进度完成。']], merges: [], origin: { row: 5, column: 3 } };
  const a = analyze(g);
  expect(a.table.records[0].row).toBe(6);
  const alias = a.findings.find((f) => f.rule === 'unit.alias');
  expect(alias?.cell).toBe('E6');
  expect(a.table.range).toBe('C5:G6');
});
