/** A workbook with one sheet per official, and sheets that hold no table: analysed per sheet, summarized as one. */
import { analyzeWorkbook, officialFromSheetName, type CellValue, type Grid } from '../../src/core';

const grid = (values: CellValue[][]): Grid => ({ values, merges: [], origin: { row: 1, column: 1 } });
const HEADER = ['序号', '工作任务', '责任单位', '进展情况'];

test('one sheet per official: the sheet name is each record\'s official, and the summary spans the sheets', () => {
  const result = analyzeWorkbook([
    { name: '胡钛', grid: grid([HEADER, [1, '任务甲', '市财政局', '按进度完成。'], [2, '任务乙', '市财政局', '▲未按进度完成。']]) },
    { name: '说明', grid: grid([['本表由办公室汇总']]) },
    { name: '李明', grid: grid([HEADER, [1, '任务丙', '市商务局', '▲未按进度完成。']]) },
  ]);
  expect(result.sheets.map((s) => [s.name, s.officialFromName, s.skipped?.code ?? null])).toEqual([
    ['胡钛', '胡钛', null],
    ['说明', null, 'no-header'],
    ['李明', '李明', null],
  ]);
  expect(result.sheets[0].analysis?.table.records.map((r) => [r.official, r.officialSource])).toEqual([['胡钛', 'sheet'], ['胡钛', 'sheet']]);
  expect(result.summary.total).toBe(3);
  expect(result.summary.officialSource).toBe('sheet');
  expect(result.summary.byOfficial.map((o) => [o.official, o.total])).toEqual([['胡钛', 2], ['李明', 1]]);
  // Both lagging tasks are on row 3 / row 2 of different sheets: each says which.
  expect(result.summary.lagging.map((t) => [t.sheet, t.row])).toEqual([['胡钛', 3], ['李明', 2]]);
});

test('a sheet name that is not a person never becomes an official; the table\'s own official wins over the name', () => {
  const result = analyzeWorkbook([
    { name: 'Sheet1', grid: grid([HEADER, [1, '任务甲', '市财政局', '按进度完成。']]) },
    { name: '重点任务', grid: grid([HEADER, ['一、王五同志分管工作', null, null, null], [1, '任务乙', '市财政局', '按进度完成。']]) },
  ]);
  expect(result.sheets.map((s) => s.analysis?.table.records[0].official ?? null)).toEqual([null, '王五']);
  expect(result.summary.officialSource).toBe('section');
  expect(result.summary.withoutOfficial).toBe(1);
  expect(result.summary.byOfficial.map((o) => o.official).sort()).toEqual(['未标明分管领导', '王五'].sort());
});

test('sheet names: a titled name counts alone, a bare one only when every sheet is named so', () => {
  expect(officialFromSheetName('胡钛副市长', false)).toBe('胡钛');
  expect(officialFromSheetName('胡钛同志分管工作', false)).toBe('胡钛');
  expect(officialFromSheetName('胡钛', false)).toBeNull();
  expect(officialFromSheetName('胡钛', true)).toBe('胡钛');
  // Tables, periods, units and districts (one sheet per district is common too) are no officials.
  for (const name of ['汇总表', 'Sheet1', '2024年', '重点任务', '市财政局', '新会', '台山', '开平']) expect(officialFromSheetName(name, true)).toBeNull();
});

test('--sheet NAME analyses that sheet only', () => {
  const result = analyzeWorkbook(
    [
      { name: '胡钛', grid: grid([HEADER, [1, '任务甲', '市财政局', '按进度完成。']]) },
      { name: '李明', grid: grid([HEADER, [1, '任务丙', '市商务局', '按进度完成。']]) },
    ],
    { sheet: '李明' },
  );
  expect(result.sheets.map((s) => s.name)).toEqual(['李明']);
  expect(result.summary.total).toBe(1);
  // Still a workbook with one sheet per official: the name gives the official.
  expect(result.sheets[0].officialFromName).toBe('李明');
});

test('the lagging sheet of a workbook summary says each task\'s sheet, deadline and why it is listed', async () => {
  const { summarySheets } = await import('../../src/core/sheets');
  const result = analyzeWorkbook(
    [
      { name: '胡钛', grid: grid([['序号', '工作任务', '完成时限', '责任单位', '进展情况'], [1, '任务甲', '2024年6月底', '市财政局', '按进度完成。']]) },
      { name: '李明', grid: grid([HEADER, [1, '任务丙', '市商务局', '▲未按进度完成。']]) },
    ],
    { today: '2024-07-01' },
  );
  const lagging = summarySheets(result.summary, 'zh-CN')[3];
  const column = (name: string) => lagging.rows.map((row) => row[lagging.columns.indexOf(name)]);
  expect(column('工作表')).toEqual(['胡钛', '李明']);
  expect(column('完成时限')).toEqual(['2024-06-30', '']);
  expect(column('列入原因')).toEqual(['逾期未完成', '进展滞后']);
});
