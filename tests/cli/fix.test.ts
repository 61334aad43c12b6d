import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze, planToValues } from '../../src/core';
import { openWorkbook } from '../../src/files';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { runCli } from './support/runCli';
import { miniTable, readWorkbookFile, sheetRows, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;
let mini: string;

beforeAll(async () => {
  dir = await tempDir();
  mini = await writeWorkbookFile(path.join(dir, 'mini.xlsx'), [
    { name: '表1', grid: miniTable() },
    { name: '说明', cells: { A1: '填表说明', B2: 12.5 } },
  ]);
});

/** The repaired sheet's values as the engine's planToValues gives them ('' for an empty cell). */
function textRows(rows: unknown[][]): string[][] {
  return rows.map((row) => Array.from(row, (value) => (value === null || value === undefined ? '' : String(value))));
}

describe('fix', () => {
  it('keeps the original sheets as they were and adds the repaired sheet and the change log', async () => {
    const out = path.join(dir, 'mini-out.xlsx');
    const result = await runCli(['fix', mini, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/表1（整理）/);

    const before = await readWorkbookFile(mini);
    const after = await readWorkbookFile(out);
    expect(after.worksheets.map((ws) => ws.name)).toEqual(['表1', '说明', '表1（整理）', '整理记录']);
    for (const name of ['表1', '说明']) {
      expect(sheetRows(after.getWorksheet(name)!)).toEqual(sheetRows(before.getWorksheet(name)!));
      expect(after.getWorksheet(name)!.model.merges.sort()).toEqual(before.getWorksheet(name)!.model.merges.sort());
    }
  });

  it('writes planToValues: one row per record, no merges, wrapped text with line breaks, bold header', async () => {
    const out = path.join(dir, 'mini-values.xlsx');
    await runCli(['fix', mini, '-o', out]);
    const workbook = await readWorkbookFile(out);
    const repaired = workbook.getWorksheet('表1（整理）')!;
    const analysis = analyze({ ...miniTable(), sheet: '表1' });
    const expected = planToValues(analysis.plan);
    const rows = textRows(sheetRows(repaired));
    expect(rows.map((row) => row.slice(0, expected[0].length).concat(Array(Math.max(0, expected[0].length - row.length)).fill('')))).toEqual(
      expected.map((row) => row.slice(0, expected[0].length)),
    );
    expect(repaired.model.merges).toEqual([]);
    const first = repaired.getRow(4);
    expect(first.getCell(3).value).toBe('市委政法委\n市公安局');
    expect(first.getCell(3).alignment?.wrapText).toBe(true);
    const headerRow = analysis.plan.rows.findIndex((row) => row.kind === 'header') + 1;
    expect(repaired.getRow(headerRow).getCell(1).font?.bold).toBe(true);
    for (let c = 1; c <= expected[0].length; c += 1) expect(repaired.getColumn(c).width).toBeGreaterThan(0);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const out = path.join(dir, 'mini-formula.xlsx');
    await runCli(['fix', mini, '-o', out]);
    const repaired = (await readWorkbookFile(out)).getWorksheet('表1（整理）')!;
    const cell = repaired.getRow(6).getCell(2);
    expect(cell.value).toBe('=SUM(A1:A3)');
    expect(cell.formula).toBeUndefined();
  });

  it('logs every change with where, before, after and why', async () => {
    const out = path.join(dir, 'mini-log.xlsx');
    await runCli(['fix', mini, '-o', out, '--lang', 'en']);
    const workbook = await readWorkbookFile(out);
    expect(workbook.getWorksheet('表1 (clean)')).toBeDefined();
    const log = sheetRows(workbook.getWorksheet('Change log')!);
    expect(log[0].slice(0, 6)).toEqual(['Source rows', 'Output row', 'Column', 'Before', 'After', 'Why']);
    const analysis = analyze({ ...miniTable(), sheet: '表1' });
    expect(log).toHaveLength(1 + analysis.plan.changes.length + analysis.plan.removed.length);
    // A collapsed record is one line naming its rows and how many; its text is in the repaired sheet, not repeated here.
    const collapse = log.find((row) => row[0] === '4-5');
    expect(collapse?.slice(3, 7)).toEqual([null, null, '2 rows collapsed into one; paragraphs joined with line breaks', 'collapse-rows']);
  });

  it('refuses to overwrite the input file', async () => {
    const result = await runCli(['fix', mini, '-o', mini]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/不能是输入文件本身/);
    const alias = path.join(dir, '.', 'mini.xlsx');
    expect((await runCli(['fix', alias, '-o', mini])).code).toBe(2);
  });

  it('leaves no partial output behind when the output folder does not exist', async () => {
    const result = await runCli(['fix', mini, '-o', path.join(dir, 'no-such-dir', 'out.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/无法写入.*文件夹.*不存在.*请先创建/);
    expect(result.stderr).not.toMatch(/ENOENT/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says the output is a folder, not a bare EISDIR, and says how to fix a missing folder in English too', async () => {
    const folder = await tempDir();
    await fs.mkdir(path.join(folder, 'taken.xlsx'));
    const result = await runCli(['fix', mini, '-o', path.join(folder, 'taken.xlsx'), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*taken\.xlsx/);
    expect(result.stderr).not.toMatch(/E[A-Z]{3,}/);
    const missing = await runCli(['fix', mini, '-o', path.join(folder, 'missing', 'out.xlsx'), '--lang', 'en']);
    expect(missing.stderr).toMatch(/does not exist; create it or choose another place/);
    expect(await fs.readdir(folder)).toEqual(['taken.xlsx']);
  });

  it('changes nothing when run on its own output', async () => {
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    await runCli(['fix', mini, '-o', once]);
    const result = await runCli(['fix', once, '--sheet', '表1（整理）', '-o', twice]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/无需整理/);
    const workbook = await readWorkbookFile(twice);
    const first = sheetRows(workbook.getWorksheet('表1（整理）')!);
    const second = sheetRows(workbook.getWorksheet('表1（整理）2')!);
    expect(second).toEqual(first);
    expect(sheetRows(workbook.getWorksheet('整理记录2')!)).toHaveLength(1);
  });

  it('repairs the seed 001 Word paste, and repairing the result again changes nothing', async () => {
    const grid = renderWordPaste(loadSeed('001')).grid;
    const source = await writeWorkbookFile(path.join(dir, 'seed001.xlsx'), [{ name: '附件1', grid }]);
    const once = path.join(dir, 'seed001-once.xlsx');
    expect((await runCli(['fix', source, '-o', once])).code).toBe(0);
    const workbook = await readWorkbookFile(once);
    const original = workbook.getWorksheet('附件1')!;
    expect(original.model.merges).toHaveLength(grid.merges.length);
    const repaired = openWorkbook(new Uint8Array(await fs.readFile(once))).readSheet('附件1（整理）').grid;
    expect(repaired.merges).toEqual([]);
    const again = analyze(repaired);
    expect(again.plan.changes).toEqual([]);
    expect(planToValues(again.plan)).toEqual(planToValues(analyze({ ...grid, sheet: '附件1' }).plan));
  });

  it('writes nothing when the input is unusable', async () => {
    const out = path.join(dir, 'never.xlsx');
    const result = await runCli(['fix', mini, '--sheet', '不存在', '-o', out]);
    expect(result.code).toBe(2);
    await expect(fs.access(out)).rejects.toThrow();
  });
});
