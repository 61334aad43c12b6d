/**
 * The web page's in-memory host, on seed-built workbooks written by exceljs; outputs are read back by our file layer
 * and by SheetJS (a reader we did not write).
 */
import * as XLSX from 'xlsx';
import { analyze } from '../../src/core';
import { changeLogSheetNames, sheetNames } from '../../src/core/sheets';
import { createWorkbook, openWorkbook } from '../../src/files';
import { HostError } from '../../src/host';
import { MemoryHost, memorySettingsStore, type CellMark, type GridView } from '../../src/web/memoryHost';
import { copyOfGrid } from '../../src/web/outputSheets';
import { SHEET, seedWorkbook } from './support';

function recordingView(): GridView & { marks: CellMark[]; scrolls: Array<[string, number, number]> } {
  const view = {
    marks: [] as CellMark[],
    scrolls: [] as Array<[string, number, number]>,
    showMarks: (_sheet: string, marks: CellMark[]) => {
      view.marks = marks;
    },
    scrollTo: (sheet: string, row: number, column: number) => {
      view.scrolls.push([sheet, row, column]);
    },
  };
  return view;
}

/** Cell values of a sheet as SheetJS reads them, row by row (text). */
function sheetJsRows(bytes: Uint8Array, sheet: string): string[][] {
  const book = XLSX.read(bytes, { type: 'array' });
  const worksheet = book.Sheets[sheet];
  if (!worksheet) throw new Error(`SheetJS finds no sheet ${sheet} among ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<string[]>(worksheet, { header: 1, raw: false, defval: '' });
}

function sheetJsNames(bytes: Uint8Array): string[] {
  return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

let input: Uint8Array;

beforeAll(async () => {
  input = await seedWorkbook();
});

describe('opening a file', () => {
  it('lists every sheet, hidden ones marked, and reads the first visible sheet until another is chosen', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx' });
    expect(host.kind).toBe('web');
    expect(host.sheets).toEqual([
      { name: '说明', hidden: false },
      { name: SHEET, hidden: false },
      { name: '隐藏', hidden: true },
    ]);
    expect((await host.readSelection()).sheet).toBe('说明');
    host.chooseSheet(SHEET);
    const source = await host.readSelection();
    expect(source.sheet).toBe(SHEET);
    expect(source.address).toMatch(/^A1:[A-Z]+\d+$/);
    expect(analyze(source.grid).table.records.length).toBeGreaterThan(10);
  });

  it('refuses a sheet that is not there, in both languages', () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx' });
    expect(() => host.chooseSheet('没有')).toThrow(HostError);
    try {
      host.chooseSheet('没有');
    } catch (error) {
      expect((error as HostError).messages['zh-CN']).toContain('没有');
      expect((error as HostError).messages['en-US']).toContain('no sheet');
    }
  });

  it('says in words when the bytes are not a workbook', () => {
    expect(() => new MemoryHost(new TextEncoder().encode('not a workbook'), { fileName: 'x.xlsx' })).toThrow(
      expect.objectContaining({ messages: expect.objectContaining({ 'zh-CN': expect.any(String) }) }),
    );
  });
});

describe('repairing', () => {
  it('adds the repaired sheet and the change log, keeps the source sheet, and the repaired sheet needs no more repair', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET });
    const source = await host.readSelection();
    const analysis = analyze(source.grid);
    expect(analysis.plan.changes.length).toBeGreaterThan(0);
    const { sheet } = await host.applyPlan(source, analysis.plan, { mode: 'new-sheet', lang: 'zh-CN' });
    expect(sheet).toBe(`${SHEET}（整理）`);
    const output = host.repairedWorkbook;
    expect(output).not.toBeNull();
    const bytes = output as Uint8Array;
    expect(sheetJsNames(bytes)).toEqual(['说明', SHEET, '隐藏', sheet, changeLogSheetNames[0]]);
    // The source sheet reads as before; the new sheet is one row per record.
    const reopened = openWorkbook(bytes);
    expect(reopened.readSheet(SHEET).grid.values).toEqual(openWorkbook(input).readSheet(SHEET).grid.values);
    const repaired = analyze(reopened.readSheet(sheet).grid);
    expect(repaired.plan.changes).toEqual([]);
    expect(repaired.table.records.length).toBe(analysis.table.records.length);
    const rows = sheetJsRows(bytes, sheet);
    expect(rows.length).toBe(analysis.plan.rows.length);
    // The host lists the new sheets for the picker.
    expect(host.sheets.map((s) => s.name)).toContain(sheet);
  });

  it('in place: the source sheet holds the repaired table and a backup keeps the original values', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET });
    const source = await host.readSelection();
    const analysis = analyze(source.grid);
    const { sheet } = await host.applyPlan(source, analysis.plan, { mode: 'in-place', lang: 'zh-CN' });
    expect(sheet).toBe(SHEET);
    const bytes = host.repairedWorkbook as Uint8Array;
    const names = sheetJsNames(bytes);
    expect(names).toContain(`${SHEET}（备份）`);
    const reopened = openWorkbook(bytes);
    expect(analyze(reopened.readSheet(SHEET).grid).plan.changes).toEqual([]);
    const backup = reopened.readSheet(`${SHEET}（备份）`).grid;
    const text = (grid: typeof backup) => grid.values.flat().filter((v) => v !== null && v !== '').map(String);
    expect(text(backup)).toEqual(text(source.grid));
  });

  it('refuses to write over a sheet that changed since it was read', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET });
    const source = await host.readSelection();
    const stale = { ...source, fingerprint: 'something else' };
    await expect(host.applyPlan(stale, analyze(source.grid).plan, { mode: 'new-sheet', lang: 'en-US' })).rejects.toMatchObject({
      code: 'source-changed',
    });
    expect(host.repairedWorkbook).toBeNull();
  });
});

describe('marking and going to findings', () => {
  it('shows every finding on its cell in the grid view and clears them', async () => {
    const view = recordingView();
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET, view });
    const source = await host.readSelection();
    const { findings } = analyze(source.grid);
    expect(findings.length).toBeGreaterThan(0);
    await host.highlight(source, findings, 'zh-CN');
    expect(view.marks).toHaveLength(findings.length);
    const withCell = findings.find((f) => f.cell !== null);
    if (withCell?.cell) {
      const mark = view.marks[findings.indexOf(withCell)];
      expect(`${String.fromCharCode(64 + mark.column)}${mark.row}`).toBe(withCell.cell);
      expect(mark.message).toBe(withCell.messages['zh-CN']);
    }
    await host.clearHighlights();
    expect(view.marks).toEqual([]);
  });

  it('scrolls the grid to a cell, and refuses a sheet or address that is not there', async () => {
    const view = recordingView();
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET, view });
    await host.selectCell(SHEET, 'C12');
    expect(view.scrolls).toEqual([[SHEET, 12, 3]]);
    await expect(host.selectCell('没有', 'A1')).rejects.toBeInstanceOf(HostError);
    await expect(host.selectCell(SHEET, '第三行')).rejects.toMatchObject({ code: 'bad-address' });
  });
});

describe('summaries', () => {
  it('adds the four summary sheets once; a second run replaces them rather than adding more', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET });
    const source = await host.readSelection();
    const { summary } = analyze(source.grid);
    const first = await host.writeSummary(summary, 'zh-CN');
    expect(first.sheets).toEqual([sheetNames.byOfficial['zh-CN'], sheetNames.byStatus['zh-CN'], sheetNames.byUnit['zh-CN'], sheetNames.lagging['zh-CN']]);
    await host.writeSummary(summary, 'zh-CN');
    const names = sheetJsNames(host.summaryWorkbook as Uint8Array);
    expect(names.filter((name) => name.startsWith('按分管领导汇总'))).toEqual(['按分管领导汇总']);
    const rows = sheetJsRows(host.summaryWorkbook as Uint8Array, '按分管领导汇总');
    const totals = rows[rows.length - 1];
    expect(totals[0]).toBe('合计');
    expect(totals).toContain(String(summary.total));
  });
});

describe('settings', () => {
  it('keeps settings in the page’s store and loads them back; null removes them', async () => {
    const store = memorySettingsStore();
    const host = new MemoryHost(input, { fileName: '表格.xlsx', settings: store });
    expect(await host.loadSettings()).toBeNull();
    const settings = { units: [{ name: '市发展改革局', aliases: ['市发改局'] }] };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    expect(store.current).toEqual(settings);
    await host.saveSettings(null);
    expect(await host.loadSettings()).toBeNull();
  });

  it('a newer version of the file: later reads see it, a repair from the old snapshot is refused', async () => {
    const host = new MemoryHost(input, { fileName: '表格.xlsx', sheet: SHEET });
    const source = await host.readSelection();
    const edited = source.grid.values.map((row) => [...row]);
    // Row 6 holds the first record's task text (the top-left cell of its merged area).
    edited[5][1] = '有人改过这一格';
    host.reopen(createWorkbook([copyOfGrid(SHEET, { ...source.grid, values: edited })]));
    expect(host.sheet).toBe(SHEET);
    await expect(host.applyPlan(source, analyze(source.grid).plan, { mode: 'new-sheet', lang: 'zh-CN' })).rejects.toMatchObject({ code: 'source-changed' });
    expect((await host.readSelection()).grid.values[5][1]).toBe('有人改过这一格');
  });
});
