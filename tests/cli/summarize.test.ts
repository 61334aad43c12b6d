import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core';
import { summarySheets } from '../../src/core/sheets';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { readZip } from './support/zip';
import { runCli } from './support/runCli';
import { putGrid, readWorkbookFile, sheetRows, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;
let source: string;

beforeAll(async () => {
  dir = await tempDir();
  source = await writeWorkbookFile(path.join(dir, 'seed001.xlsx'), [{ name: '附件1', grid: renderWordPaste(loadSeed('001')).grid }]);
});

describe('summarize', () => {
  it('adds the four summary sheets with the summary’s numbers, keeping the source sheet', async () => {
    const out = path.join(dir, 'summary.xlsx');
    const result = await runCli(['summarize', source, '-o', out]);
    expect(result.code).toBe(0);
    const workbook = await readWorkbookFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['附件1', '按分管领导汇总', '按进展状态汇总', '按责任单位汇总', '滞后事项清单']);

    const grid = renderWordPaste(loadSeed('001')).grid;
    const specs = summarySheets(analyze({ ...grid, sheet: '附件1' }).summary, 'zh-CN');
    for (const spec of specs) {
      const rows = sheetRows(workbook.getWorksheet(spec.name)!);
      expect(rows[0]).toEqual(spec.columns);
      expect(rows.slice(1)).toEqual(spec.rows.map((row) => row.map((value) => (value === '' ? null : value))));
    }
  });

  it('formats shares as percentages, bolds the header, filters the body and keeps the totals row out of the filter', async () => {
    const out = path.join(dir, 'summary-format.xlsx');
    await runCli(['summarize', source, '-o', out]);
    const sheet = (await readWorkbookFile(out)).getWorksheet('按分管领导汇总')!;
    const header = sheet.getRow(1);
    const shareColumn = (header.values as unknown[]).indexOf('按进度占比');
    expect(sheet.getRow(2).getCell(shareColumn).numFmt).toMatch(/%/);
    expect(header.getCell(1).font?.bold).toBe(true);
    const last = sheet.getRow(sheet.rowCount);
    expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + header.cellCount)}${sheet.rowCount - 1}`);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(1).font?.bold).toBe(true);
  });

  it('replaces the summary sheets of an earlier run, in either language, instead of adding more', async () => {
    const first = path.join(dir, 'summary-zh.xlsx');
    const second = path.join(dir, 'summary-en.xlsx');
    await runCli(['summarize', source, '-o', first]);
    const result = await runCli(['summarize', first, '-o', second, '--sheet', '附件1', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/replacing 4 earlier summary sheets/);
    const workbook = await readWorkbookFile(second);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['附件1', 'By official', 'By status', 'By unit', 'Lagging tasks']);
  });

  it('replaces earlier summary sheets written as Excel tables, tables included, and keeps the source sheet byte for byte', async () => {
    const earlier = new ExcelJS.Workbook();
    putGrid(earlier.addWorksheet('附件1'), renderWordPaste(loadSeed('001')).grid);
    const stale = earlier.addWorksheet('按进展状态汇总');
    stale.addTable({ name: 'ReportTables_Old', ref: 'A1', columns: [{ name: '状态' }, { name: '数量' }], rows: [['旧', 1]] });
    earlier.addWorksheet('备注').getCell('A1').value = '保留';
    const input = path.join(dir, 'earlier-tables.xlsx');
    await earlier.xlsx.writeFile(input);
    const out = path.join(dir, 'earlier-tables-out.xlsx');
    const result = await runCli(['summarize', input, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/替换了原有的 1 张汇总表/);

    const workbook = await readWorkbookFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['附件1', '按进展状态汇总', '备注', '按分管领导汇总', '按责任单位汇总', '滞后事项清单']);
    expect(workbook.getWorksheet('按进展状态汇总')!.getTables()).toEqual([]);
    const byStatus = summarySheets(analyze({ ...renderWordPaste(loadSeed('001')).grid, sheet: '附件1' }).summary, 'zh-CN')[1];
    expect(sheetRows(workbook.getWorksheet('按进展状态汇总')!)[0]).toEqual(byStatus.columns);
    const parts = readZip(await fs.readFile(out));
    expect(parts.filter((entry) => /^xl\/tables\/.+\.xml$/.test(entry.name))).toEqual([]);
    const sourcePart = (entries: typeof parts) => entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!.data;
    expect(sourcePart(parts).equals(sourcePart(readZip(await fs.readFile(input))))).toBe(true);
  });
});
