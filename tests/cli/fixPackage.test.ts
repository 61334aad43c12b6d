/** `fix` writes its output by copying the input package: what exceljs would drop survives, byte for byte. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyze, planToValues } from '../../src/core';
import { entryContent, readZip, writeZip } from './support/zip';
import type { ZipEntry } from './support/zip';
import { runCli } from './support/runCli';
import { gridFromLines, miniTable, putGrid, readWorkbookFile, sheetRows, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

/** Every entry of a zip file, uncompressed, by name. */
async function zipContents(file: string): Promise<Map<string, Buffer>> {
  const entries = readZip(await fs.readFile(file));
  return new Map(await Promise.all(entries.map(async (entry) => [entry.name, await entryContent(entry)] as const)));
}

/**
 * An .xlsx with what an exceljs round trip loses: an XML comment and an unknown extension element in the table's sheet,
 * and a part exceljs does not know (a chart), so the test fails if the output is rewritten through exceljs.
 */
async function workbookWithForeignParts(file: string): Promise<string> {
  await writeWorkbookFile(file, [
    { name: '表1', grid: miniTable() },
    { name: '说明', cells: { A1: '填表说明', B2: 12.5 } },
  ]);
  const entries: ZipEntry[] = await Promise.all(
    readZip(await fs.readFile(file)).map(async (entry): Promise<ZipEntry> => {
      if (entry.name !== 'xl/worksheets/sheet1.xml') return entry;
      const xml = (await entryContent(entry)).toString('utf8').replace('</worksheet>', '<!-- kept by fix --></worksheet>');
      return { kind: 'new', name: entry.name, content: Buffer.from(xml, 'utf8') };
    }),
  );
  entries.push({ kind: 'new', name: 'xl/charts/chart1.xml', content: Buffer.from('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>') });
  await fs.writeFile(file, await writeZip(entries));
  return file;
}

const REWRITTEN = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);

describe('fix keeps the input package', () => {
  it('copies every part of the input unchanged except the workbook, its relationships, content types, styles and the new shared strings', async () => {
    const input = await workbookWithForeignParts(path.join(dir, 'foreign.xlsx'));
    const output = path.join(dir, 'foreign-out.xlsx');
    expect((await runCli(['fix', input, '-o', output])).code).toBe(0);

    const before = await zipContents(input);
    const after = await zipContents(output);
    for (const [name, content] of before) {
      // Folder entries (exceljs writes them) are not package parts; the output leaves them out.
      if (name.endsWith('/')) continue;
      expect(after.has(name)).toBe(true);
      if (!REWRITTEN.has(name)) expect(after.get(name)!.equals(content)).toBe(true);
    }
    expect(after.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toContain('<!-- kept by fix -->');
    // The shared strings keep every entry they had, as written, in their place; the new texts come after them.
    const sstBefore = before.get('xl/sharedStrings.xml')!.toString('utf8');
    const entries = sstBefore.slice(sstBefore.indexOf('<si>'), sstBefore.lastIndexOf('</sst>'));
    expect(entries.length).toBeGreaterThan(0);
    expect(after.get('xl/sharedStrings.xml')!.toString('utf8')).toContain(entries);
    expect(after.has('xl/charts/chart1.xml')).toBe(true);
    // The two new sheets are the only new parts.
    expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
  });

  it('keeps docProps/app.xml as it was and the original cells’ formats', async () => {
    const input = path.join(dir, 'styled.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    putGrid(sheet, miniTable());
    sheet.getCell('A1').font = { bold: true, italic: true, size: 16 };
    sheet.getCell('E4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    sheet.getCell('B2').numFmt = '0.000';
    await workbook.xlsx.writeFile(input);
    const output = path.join(dir, 'styled-out.xlsx');
    expect((await runCli(['fix', input, '-o', output])).code).toBe(0);

    const original = (await readWorkbookFile(input)).getWorksheet('表1')!;
    const copy = (await readWorkbookFile(output)).getWorksheet('表1')!;
    for (const address of ['A1', 'E4', 'B2', 'C3']) expect(copy.getCell(address).style).toEqual(original.getCell(address).style);
    const app = (await zipContents(output)).get('docProps/app.xml')!.toString('utf8');
    // docProps/app.xml is a cache of titles Excel rewrites on every save; it is kept as it was, not edited.
    expect(app).toBe((await zipContents(input)).get('docProps/app.xml')!.toString('utf8'));
  });
});

describe('fix writes a plain .xlsx', () => {
  it('turns a macro-enabled workbook into a plain one (Excel refuses an .xlsx declared macro-enabled), leaving the macros out', async () => {
    const input = path.join(dir, 'macros.xlsm');
    await writeWorkbookFile(input, [{ name: '表1', grid: miniTable() }]);
    const entries: ZipEntry[] = await Promise.all(
      readZip(await fs.readFile(input)).map(async (entry): Promise<ZipEntry> => {
        const text = (await entryContent(entry)).toString('utf8');
        if (entry.name === '[Content_Types].xml') {
          const xml = text
            .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
            .replace('</Types>', '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
          return { kind: 'new', name: entry.name, content: Buffer.from(xml, 'utf8') };
        }
        if (entry.name === 'xl/_rels/workbook.xml.rels') {
          const xml = text.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
          return { kind: 'new', name: entry.name, content: Buffer.from(xml, 'utf8') };
        }
        return entry;
      }),
    );
    entries.push({ kind: 'new', name: 'xl/vbaProject.bin', content: Buffer.from('macros') });
    await fs.writeFile(input, await writeZip(entries));
    expect((await zipContents(input)).get('[Content_Types].xml')!.toString('utf8')).toContain('macroEnabled');

    const output = path.join(dir, 'macros-out.xlsx');
    const result = await runCli(['fix', input, '-o', output]);
    expect(result.code).toBe(0);
    // Never silently: the clerk is told the macros are left out and how to keep them.
    expect(result.stderr).toMatch(/宏.*\.xlsm/);
    const after = await zipContents(output);
    const types = after.get('[Content_Types].xml')!.toString('utf8');
    expect(types).not.toMatch(/macroEnabled|vbaProject/);
    expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(after.has('xl/vbaProject.bin')).toBe(false);
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('vbaProject');
    expect((await readWorkbookFile(output)).worksheets.map((ws) => ws.name)).toEqual(['表1', '表1（整理）', '整理记录']);

    // Named .xlsm, the output keeps the macros and stays macro-enabled.
    const kept = path.join(dir, 'macros-out.xlsm');
    const keptResult = await runCli(['fix', input, '-o', kept]);
    expect(keptResult.code).toBe(0);
    expect(keptResult.stderr).toBe('');
    const keptParts = await zipContents(kept);
    expect(keptParts.get('xl/vbaProject.bin')!.toString('utf8')).toBe('macros');
    expect(keptParts.get('[Content_Types].xml')!.toString('utf8')).toContain('macroEnabled');
  });
});

describe('fix writes sheets exceljs and Excel read back', () => {
  it('reads back the new sheets as text: line breaks, markup characters and formula-looking text kept, wrapped, header bold', async () => {
    const grid = gridFromLines([
      '序号|工作任务|责任单位|责任人|进展情况',
      '1|A & B <c> "d"|市委政法委|赖惠镇|按进度完成。',
      '2|+1-2|市民政局|谢鸿猷|正在推进。',
      '3|@mention|市发改局|王长青|按进度完成。',
    ]);
    grid.values[1][4] = '按进度完成。\n已完成年度目标。';
    const input = await writeWorkbookFile(path.join(dir, 'text.xlsx'), [{ name: 'Sheet1', grid }]);
    const output = path.join(dir, 'text-out.xlsx');
    expect((await runCli(['fix', input, '-o', output, '--lang', 'en'])).code).toBe(0);

    const workbook = await readWorkbookFile(output);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Sheet1', 'Sheet1 (clean)', 'Change log']);
    const repaired = workbook.getWorksheet('Sheet1 (clean)')!;
    const expected = planToValues(analyze({ ...grid, sheet: 'Sheet1' }).plan);
    const rows = sheetRows(repaired).map((row) => expected[0].map((_, c) => (row[c] === null || row[c] === undefined ? '' : row[c])));
    expect(rows).toEqual(expected);
    const row2 = repaired.getRow(2);
    expect(row2.getCell(2).value).toBe('A & B <c> "d"');
    expect(row2.getCell(5).value).toBe('按进度完成。\n已完成年度目标。');
    expect(row2.getCell(5).alignment?.wrapText).toBe(true);
    for (const c of [2, 3]) {
      const cell = repaired.getRow(c + 1).getCell(2);
      expect(typeof cell.value).toBe('string');
      expect(cell.formula).toBeUndefined();
    }
    expect(repaired.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(repaired.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const log = workbook.getWorksheet('Change log')!;
    expect(log.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('adds numbered sheets to a workbook of several sheets that already has sheets named like the new ones', async () => {
    const input = await writeWorkbookFile(path.join(dir, 'several.xlsx'), [
      { name: '封面', cells: { A1: '2018年报表' } },
      { name: '表1', grid: miniTable() },
      { name: '表1（整理）', cells: { A1: '上次整理的结果' } },
      { name: '整理记录', cells: { A1: '上次的记录' } },
      { name: '附注', cells: { B3: 7 } },
    ]);
    const output = path.join(dir, 'several-out.xlsx');
    const result = await runCli(['fix', input, '--sheet', '表1', '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/表1（整理）2/);

    const before = await readWorkbookFile(input);
    const after = await readWorkbookFile(output);
    expect(after.worksheets.map((ws) => ws.name)).toEqual(['封面', '表1', '表1（整理）', '整理记录', '附注', '表1（整理）2', '整理记录2']);
    for (const ws of before.worksheets) expect(sheetRows(after.getWorksheet(ws.name)!)).toEqual(sheetRows(ws));
    const workbookXml = (await zipContents(output)).get('xl/workbook.xml')!.toString('utf8');
    const sheetIds = [...workbookXml.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(sheetIds).size).toBe(7);
    const repaired = sheetRows(after.getWorksheet('表1（整理）2')!);
    expect(repaired[3][2]).toBe('市委政法委\n市公安局');
  });
});

describe('fix keeps dates dates', () => {
  it('writes a date cell of the input as a date in the repaired sheet, shown the same way', async () => {
    const grid = gridFromLines(
      [
        '序号|工作任务|节点计划|责任单位|责任人|进展情况',
        '1|推进综治视联网建设。|PLAN|市委政法委|赖惠镇|按进度完成。',
        '2|完善城乡社区治理。|2024年底|市民政局|谢鸿猷|正在推进。',
      ],
      [],
    );
    grid.values[1][2] = null;
    const input = path.join(dir, 'dates.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    putGrid(sheet, grid);
    sheet.getCell('C2').value = new Date(Date.UTC(2024, 5, 30));
    sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    await workbook.xlsx.writeFile(input);
    const output = path.join(dir, 'dates-out.xlsx');
    expect((await runCli(['fix', input, '-o', output])).code).toBe(0);
    const repaired = (await readWorkbookFile(output)).getWorksheet('表1（整理）')!;
    let found: ExcelJS.Cell | undefined;
    repaired.eachRow((row) => row.eachCell((cell) => {
      if (cell.value instanceof Date) found = cell;
    }));
    expect(found?.value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(found?.numFmt).toBe('yyyy"年"m"月"d"日"');
  });
});
