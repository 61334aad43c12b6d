import path from 'node:path';
import { analyze } from '../../src/core';
import { summarySheets } from '../../src/core/sheets';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { runCli } from './support/runCli';
import { readWorkbookFile, sheetRows, tempDir, writeWorkbookFile } from './support/xlsx';

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

  it('formats shares as percentages, bolds the header and writes the rows as an Excel table', async () => {
    const out = path.join(dir, 'summary-format.xlsx');
    await runCli(['summarize', source, '-o', out]);
    const sheet = (await readWorkbookFile(out)).getWorksheet('按分管领导汇总')!;
    const header = sheet.getRow(1);
    const shareColumn = (header.values as unknown[]).indexOf('按进度占比');
    expect(sheet.getRow(2).getCell(shareColumn).numFmt).toMatch(/%/);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getTables()).toHaveLength(1);
    const last = sheet.getRow(sheet.rowCount);
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
});
