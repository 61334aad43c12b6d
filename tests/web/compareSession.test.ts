/**
 * The web page's 与上期对比 as its worker runs it: this period's file opened, last period's file (built from the seed by
 * code, some statuses changed) compared with it, the comparison sheets written into the workbook the page downloads —
 * read back with the file layer, the chart found in the package.
 */
import { analyze } from '../../src/core';
import { compareSheets, compareTables } from '../../src/core/returns';
import { createWorkbook, openWorkbook } from '../../src/files';
import { Session } from '../../src/web/session';
import { copyOfGrid } from '../../src/web/outputSheets';
import { seedGrid } from '../host-contract/contract';
import { lastPeriodOf, lastPeriodWorkbook } from '../support/lastPeriod';
import { packageCharts } from '../support/packageCharts';

const SHEET = '重点工作';
const noProgress = () => undefined;
const grid = seedGrid();
const current = analyze(grid);
const last = lastPeriodOf(current);

async function opened(): Promise<Session> {
  const session = new Session({ showMarks: () => undefined, scrollTo: () => undefined });
  await session.handle({ type: 'open', bytes: createWorkbook([copyOfGrid(SHEET, grid)]), fileName: '重点工作1-9月.xlsx', settings: null }, noProgress);
  await session.handle({ type: 'load', sheet: SHEET }, noProgress);
  return session;
}

test('last period is read in the worker and compared with the table read last', async () => {
  const session = await opened();
  const comparison = await session.handle({ type: 'compare', bytes: lastPeriodWorkbook(current), fileName: '重点工作1-8月.xlsx' }, noProgress);
  expect(comparison.counts['newly-lagging']).toBe(last.expected.newlyLagging);
  expect(comparison.counts['still-lagging']).toBe(last.expected.stillLagging);
  expect(comparison.counts.recovered).toBe(last.expected.recovered);
  expect(comparison.counts.completed).toBe(last.expected.completed);
});

test('the comparison sheets go into the downloadable workbook, beside every sheet it had, with the chart', async () => {
  const session = await opened();
  await session.handle({ type: 'compare', bytes: lastPeriodWorkbook(current), fileName: '重点工作1-8月.xlsx' }, noProgress);
  const written = await session.handle({ type: 'compareWrite', lang: 'zh-CN' }, noProgress);
  const names = compareSheets(compareTables(last.analysis, current), 'zh-CN').map((spec) => spec.name);
  expect(written.sheets).toEqual(names);
  expect(written.download?.fileName).toBe('重点工作1-9月（与上期对比）.xlsx');
  const book = openWorkbook(written.download!.bytes);
  expect(book.sheets.map((s) => s.name)).toEqual([SHEET, ...names]);
  expect(written.allSheets.map((s) => s.name)).toEqual([SHEET, ...names]);
  const byOfficial = book.readSheet(names[1]!).grid.values;
  const totals = byOfficial[byOfficial.length - 1]!;
  expect(totals.slice(0, 5)).toEqual(['合计', last.expected.newlyLagging, last.expected.stillLagging, last.expected.recovered, last.expected.completed]);
  expect(packageCharts(written.download!.bytes, names[1]!)).toHaveLength(1);
  // The table itself is still there, as it was.
  expect(analyze(book.readSheet(SHEET).grid).table.records).toHaveLength(current.table.records.length);

  // Written again (a second download): replaced, not added twice, and nobody is asked.
  const again = await session.handle({ type: 'compareWrite', lang: 'zh-CN' }, noProgress);
  expect(again.needsConfirmation).toBeUndefined();
  expect(openWorkbook(again.download!.bytes).sheets.map((s) => s.name)).toEqual([SHEET, ...names]);
});

test('a file that already has a sheet of the comparison\'s name is asked about first', async () => {
  const session = new Session({ showMarks: () => undefined, scrollTo: () => undefined });
  const names = compareSheets(compareTables(last.analysis, current), 'zh-CN').map((spec) => spec.name);
  const input = createWorkbook([copyOfGrid(SHEET, grid), { name: names[0]!, columns: ['办公室自己的对比'], rows: [], widths: [20] }]);
  await session.handle({ type: 'open', bytes: input, fileName: '重点工作.xlsx', settings: null }, noProgress);
  await session.handle({ type: 'load', sheet: SHEET }, noProgress);
  await session.handle({ type: 'compare', bytes: lastPeriodWorkbook(current), fileName: '上期.xlsx' }, noProgress);
  const asked = await session.handle({ type: 'compareWrite', lang: 'zh-CN' }, noProgress);
  expect(asked.needsConfirmation).toEqual([names[0]]);
  expect(asked.download).toBeUndefined();
  const replaced = await session.handle({ type: 'compareWrite', lang: 'zh-CN', replace: true }, noProgress);
  expect(openWorkbook(replaced.download!.bytes).readSheet(names[0]!).grid.values[0]![0]).toBe('序号');
});

test('a table read again makes the comparison stale: writing it is refused in words', async () => {
  const session = await opened();
  await session.handle({ type: 'compare', bytes: lastPeriodWorkbook(current), fileName: '上期.xlsx' }, noProgress);
  await session.handle({ type: 'load', sheet: SHEET }, noProgress);
  await expect(session.handle({ type: 'compareWrite', lang: 'zh-CN' }, noProgress)).rejects.toMatchObject({ code: 'compare-stale' });
});

test('a last-period file that is not a table is refused in one line naming it', async () => {
  const session = await opened();
  await expect(session.handle({ type: 'compare', bytes: new TextEncoder().encode('不是表格'), fileName: '上期.xlsx' }, noProgress)).rejects.toMatchObject({
    code: 'last-period-unreadable',
    messages: { 'zh-CN': expect.stringContaining('无法读取上期的表格 上期.xlsx') },
  });
});
