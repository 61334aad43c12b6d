/**
 * The comparison with last period written through office-js: sheets added after the others, the counts per official
 * as a table with a native column chart beside it (series = the changes, categories = the officials), the first
 * comparison sheet activated, and a workbook setting that remembers which sheets are the add-in's.
 */
import { analyze } from '../../src/core';
import { compareSheets, compareTables } from '../../src/core/returns';
import { createOfficeHost } from '../../src/excel';
import { reportSheetsSetting } from '../../src/excel/summarySheets';
import { FakeOfficeError, workbookFromGrid } from '../support/fakeExcel';
import { lastPeriodOf } from '../support/lastPeriod';
import { openWorkbook, reportGrid } from './helpers';
import { seedGrid } from '../host-contract/contract';

const current = analyze(seedGrid());
const specs = compareSheets(compareTables(lastPeriodOf(current).analysis, current), 'zh-CN');
const [tasks, byOfficial] = specs;

test('the comparison goes after the other sheets, the counts per official carry a column chart beside the table', async () => {
  const book = openWorkbook(workbookFromGrid(reportGrid(2)));
  const { sheets } = await createOfficeHost().writeReportSheets(specs, { group: 'compare' });
  expect(book.sheetNames).toEqual(['进展表', tasks!.name, byOfficial!.name]);
  expect(book.activeSheet?.name).toBe(tasks!.name);
  const sheet = book.sheet(byOfficial!.name);
  expect(sheet.charts).toHaveLength(1);
  const [chart] = sheet.charts;
  expect(chart!.type).toBe('ColumnClustered');
  expect(chart!.title).toBe(byOfficial!.chart!.title);
  expect(chart!.series.map((s) => s.name)).toEqual(byOfficial!.chart!.seriesColumns.map((c) => byOfficial!.columns[c]));
  // Categories are the officials' rows only: the totals row under the table is not charted.
  const officials = byOfficial!.rows.length - 1;
  expect(chart!.series.every((s) => s.xValues?.rowCount === officials && s.xValues.column === 0)).toBe(true);
  // Beside the table, not over it.
  expect(chart!.position).toMatch(new RegExp(`^${String.fromCharCode(65 + byOfficial!.columns.length + 1)}1`));
  expect(book.sheet(tasks!.name).charts).toHaveLength(0);
  expect(book.tablesOn(tasks!.name)).toHaveLength(1);
  const stored = JSON.parse(String(book.settings.get(reportSheetsSetting('compare')))) as string[];
  expect(stored).toHaveLength(sheets.length);
});

test('a failure half way leaves the earlier comparison in place and no temporary sheet behind', async () => {
  const book = openWorkbook(workbookFromGrid(reportGrid(2)));
  const host = createOfficeHost();
  await host.writeReportSheets(specs, { group: 'compare' });
  const before = book.sheet(tasks!.name).valuesOf('A1:G3');
  book.failWhen = (command) => (command === 'charts.add' ? new FakeOfficeError('GeneralException', 'chart failed') : null);
  await expect(host.writeReportSheets(specs, { group: 'compare' })).rejects.toMatchObject({ name: 'HostError' });
  book.failWhen = null;
  expect(book.sheetNames).toEqual(['进展表', tasks!.name, byOfficial!.name]);
  expect(book.sheet(tasks!.name).valuesOf('A1:G3')).toEqual(before);
});
