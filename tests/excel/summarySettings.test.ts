/** Summary sheets as Excel tables with a chart, replaced on refresh; the config stored in the workbook. */
import { summarySheets } from '../../src/core/sheets';
import { CONFIG_SETTING, createOfficeHost } from '../../src/excel';
import { FakeOfficeError, workbookFromGrid } from '../support/fakeExcel';
import { handSummary, reportGrid, openWorkbook } from './helpers';

describe('writeSummary', () => {
  test('writes each summary sheet as a table, with percent formats, a bold totals row and a chart', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const specs = summarySheets(handSummary(), 'zh-CN');
    const result = await createOfficeHost().writeSummary(handSummary(), 'zh-CN');
    expect(result.sheets).toEqual(specs.map((spec) => spec.name));
    expect(book.sheetNames).toEqual(['进展表', ...result.sheets]);
    const [byOfficial] = specs;
    const sheet = book.sheet(byOfficial!.name);
    expect(sheet.valuesOf('A1:A4').map((row) => row[0])).toEqual([byOfficial!.columns[0], '胡钛', '李明', byOfficial!.rows[2]![0]]);
    const shareColumn = byOfficial!.percentColumns![0]!;
    expect(sheet.cell(1, shareColumn)?.value).toBe(0.75);
    expect(sheet.cell(1, shareColumn)?.numberFormat).toMatch(/%/);
    const tables = book.tablesOn(byOfficial!.name);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rect.rowCount).toBe(3); // header + two officials; the totals row stays outside
    expect(sheet.cell(3, 0)?.bold).toBe(true);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]!.series.map((s) => s.name)).toEqual(handSummary().statuses);
    expect(sheet.charts[0]!.series.every((s) => s.xValues?.rowCount === 2)).toBe(true);
    expect(book.activeSheet?.name).toBe(byOfficial!.name);
  });

  test('refreshing replaces the sheets of the same names', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const host = createOfficeHost();
    await host.writeSummary(handSummary(), 'zh-CN');
    const updated = handSummary();
    updated.byOfficial[0]!.official = '王五';
    const result = await host.writeSummary(updated, 'zh-CN');
    expect(book.sheetNames).toEqual(['进展表', ...result.sheets]);
    expect(book.sheet(result.sheets[0]!).valuesOf('A2')).toEqual([['王五']]);
    expect(book.tables).toHaveLength(result.sheets.length);
  });

  test('a failure while writing leaves the previous summary as it was', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const host = createOfficeHost();
    const first = await host.writeSummary(handSummary(), 'zh-CN');
    const before = book.sheet(first.sheets[0]!).valuesOf('A1:B3');
    book.failWhen = (command) => (command === 'charts.add' ? new FakeOfficeError('GeneralException', 'chart failed') : null);
    const updated = handSummary();
    updated.byOfficial[0]!.official = '王五';
    await expect(host.writeSummary(updated, 'zh-CN')).rejects.toMatchObject({ code: 'excel-error' });
    expect(book.sheetNames).toEqual(['进展表', ...first.sheets]);
    expect(book.sheet(first.sheets[0]!).valuesOf('A1:B3')).toEqual(before);
  });
});

describe('settings', () => {
  test('round-trip through the workbook, so another user opening the file gets the same lists', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(1)));
    const host = createOfficeHost();
    expect(await host.loadSettings()).toBeNull();
    const config = { vocabulary: [{ status: '按进度完成', synonyms: ['正常推进'] }], units: [{ name: '市发展改革委', aliases: ['市发改委'] }] };
    await host.saveSettings(config);
    expect(book.settings.has(CONFIG_SETTING)).toBe(true);
    expect(await createOfficeHost().loadSettings()).toEqual(config);
    await host.saveSettings(null);
    expect(await host.loadSettings()).toBeNull();
  });

  test('a damaged setting reads as none', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(1)));
    book.settings.set(CONFIG_SETTING, '{not json');
    expect(await createOfficeHost().loadSettings()).toBeNull();
  });
});
