/** What the WPS host does beyond the shared contract: few calls, merged selections, rollback, marks kept apart from the user's. */
import type { CellValue, Grid } from '../../src/core/types';
import { analyze } from '../../src/core';
import { summarySheets } from '../../src/core/sheets';
import { HostError } from '../../src/host';
import { STORE_SHEET, createWpsHost, detectWpsApplication } from '../../src/wps';
import { XL_SHEET_VERY_HIDDEN } from '../../src/wps/api';
import { WpsBook, WpsError, createFakeApplication, installFakeWps, wpsBookFromGrid } from '../support/fakeWps';
import { SHEET, gridAddress, seedGrid } from '../host-contract/contract';

const HEADER = ['序号', '工作任务', '节点计划', '责任单位', '责任人', '进展情况'];

function tidyGrid(records: number): Grid {
  const values: CellValue[][] = [HEADER];
  for (let i = 1; i <= records; i += 1) values.push([i, `任务${i}`, '6月底前', `单位${i % 5}`, `张${i}`, '按进度完成']);
  return { values, merges: [], origin: { row: 1, column: 1 }, sheet: SHEET };
}

function open(grid: Grid, select = gridAddress(grid)) {
  const book = wpsBookFromGrid(grid, { sheet: SHEET });
  book.select(SHEET, select);
  return { book, host: createWpsHost(createFakeApplication(book)) };
}

test('a tidy 5,000-row table is read in a handful of calls: Value2 once per 2,000 rows, one MergeCells, no cell walk', async () => {
  const { book, host } = open(tidyGrid(4999));
  const source = await host.readSelection();
  expect(source.grid.values).toHaveLength(5000);
  expect(book.calls.get('Range.Value2.get')).toBe(3);
  expect(book.callsTo('Range.MergeCells')).toBe(1);
  expect(book.callsTo('Range.MergeArea')).toBe(0);
  expect(book.totalCalls).toBeLessThan(20);
});

test('the seed table with its merged cells: values in one Value2 call, merged areas asked far fewer times than there are cells', async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const source = await host.readSelection();
  const cells = grid.values.length * grid.values[0]!.length;
  expect(source.grid.merges.length).toBe(grid.merges.length);
  expect(book.calls.get('Range.Value2.get')).toBe(1);
  // Each merged area needs at least its MergeArea and Address; the search around them stays small.
  expect(book.callsTo('Range.MergeArea')).toBeLessThan(grid.merges.length * 1.5);
  expect(book.totalCalls).toBeLessThan(cells);
});

test('progress is reported block by block while reading', async () => {
  const { host } = open(tidyGrid(4999));
  const seen: number[] = [];
  await host.readSelection((p) => seen.push(p.done));
  expect(seen).toEqual([0, 2000, 4000, 5000]);
});

test('a click on a merged title cell reads the whole table, as one selected cell does', async () => {
  const grid = seedGrid();
  const title = grid.merges.find((m) => m.rowCount === 1 && m.columnCount > 2)!;
  expect(title).toBeDefined();
  const { host } = open(grid, `B${grid.origin.row + title.row}`);
  const source = await host.readSelection();
  expect(source.address).toBe(gridAddress(grid));
});

test('dates held as serial numbers read as the date a clerk sees', async () => {
  const book = new WpsBook();
  book.addSheet(SHEET);
  const app = createFakeApplication(book);
  const ws = app.ActiveWorkbook!.Worksheets.Item(SHEET);
  ws.Range('A1:B2').Value2 = [
    ['节点计划', '序号'],
    ['2024/6/30', 1],
  ];
  book.select(SHEET, 'A1:B2');
  const source = await createWpsHost(app).readSelection();
  expect(source.grid.values).toEqual([
    ['节点计划', '序号'],
    ['2024/6/30', 1],
  ]);
});

test('a failure part way through a new-sheet repair deletes what was created, silently', async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const source = await host.readSelection();
  const before = [...book.sheetNames];
  let adds = 0;
  book.failWhen = (call) => (call === 'Worksheets.Add' && ++adds === 2 ? new WpsError(1004, 'boom at Object.<anonymous> (x.js:1:1)') : null);
  const error = await host.applyPlan(source, analyze(source.grid).plan, { mode: 'new-sheet', lang: 'zh-CN' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).messages['zh-CN']).not.toMatch(/boom|Object|x\.js/);
  expect(book.sheetNames).toEqual(before);
  expect(book.promptedDeletes).toBe(0);
});

test('a failure part way through an in-place repair restores the source from its backup and removes the backup', async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const source = await host.readSelection();
  const before = [...book.sheetNames];
  book.failWhen = (call) => (call === 'Rows.AutoFit' ? new WpsError(1004, 'Application-defined or object-defined error') : null);
  await expect(host.applyPlan(source, analyze(source.grid).plan, { mode: 'in-place', lang: 'zh-CN' })).rejects.toBeInstanceOf(HostError);
  book.failWhen = null;
  expect(book.sheetNames).toEqual(before);
  expect(book.sheet(SHEET).valuesOf(gridAddress(grid)).map((row) => row.map((v) => (v === '' ? null : v)))).toEqual(grid.values);
  expect(book.sheet(SHEET).merges).toHaveLength(grid.merges.length);
});

test("highlight leaves the user's own fill and comment alone and puts the fill back on clear", async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const source = await host.readSelection();
  const findings = analyze(source.grid).findings.filter((f) => f.cell);
  const target = findings[0]!.cell!;
  const ws = createFakeApplication(book).ActiveWorkbook!.Worksheets.Item(SHEET);
  ws.Range(target).Interior.Color = 0x00ff00;
  ws.Range(target).AddComment('我自己的批注');
  await host.highlight(source, findings, 'zh-CN');
  expect(book.sheet(SHEET).cellAt(target)?.comment).toBe('我自己的批注');
  expect(book.sheet(SHEET).cellAt(target)?.color).not.toBe(0x00ff00);
  await host.clearHighlights();
  expect(book.sheet(SHEET).cellAt(target)?.color).toBe(0x00ff00);
  expect(book.sheet(SHEET).cellAt(target)?.comment).toBe('我自己的批注');
});

test('settings live in the workbook on a very hidden sheet, so a colleague opening the file gets them; the user stays where they were', async () => {
  const { book, host } = open(tidyGrid(3), 'B2');
  await host.saveSettings({ units: [{ name: '市财政局' }] });
  expect(book.sheet(STORE_SHEET).visible).toBe(XL_SHEET_VERY_HIDDEN);
  expect(book.visibleSheetNames).not.toContain(STORE_SHEET);
  expect(book.active?.name).toBe(SHEET);
  expect(book.selection?.rect).toEqual({ row: 1, column: 1, rowCount: 1, columnCount: 1 });
  const colleague = createWpsHost(createFakeApplication(book));
  await expect(colleague.loadSettings()).resolves.toEqual({ units: [{ name: '市财政局' }] });
});

test('an unknown WPS failure becomes one plain sentence in both languages', async () => {
  const { book, host } = open(tidyGrid(3));
  book.failWhen = (call) => (call === 'Application.Selection' ? new TypeError("Cannot read properties of undefined (reading 'Value2')") : null);
  const error = (await host.readSelection().catch((e: unknown) => e)) as HostError;
  expect(error).toBeInstanceOf(HostError);
  expect(error.code).toBe('wps-error');
  expect(error.messages['zh-CN']).toMatch(/^WPS 表格/);
  expect(error.messages['en-US']).not.toMatch(/undefined|Value2/);
});

test('the pane recognizes WPS by its Application and wps globals, not by an Excel-like object alone', () => {
  const scope: Record<string, unknown> = {};
  expect(detectWpsApplication(scope)).toBeNull();
  const book = wpsBookFromGrid(tidyGrid(1), { sheet: SHEET });
  const uninstall = installFakeWps(scope, book);
  expect(detectWpsApplication(scope)).toBe(scope.Application);
  delete scope.wps;
  expect(detectWpsApplication(scope)).toBe(scope.Application); // named WPS 表格
  scope.Application = { ActiveSheet: null, ActiveWorkbook: null, Selection: null, Name: 'Microsoft Excel' };
  expect(detectWpsApplication(scope)).toBeNull();
  uninstall();
});

test('取消 while a big table is being read stops between blocks with the cancelled message', async () => {
  const { host } = open(tidyGrid(4999));
  const controller = new AbortController();
  const error = (await host
    .readSelection((p) => {
      if (p.done >= 2000) controller.abort();
    }, { signal: controller.signal })
    .catch((e: unknown) => e)) as HostError;
  expect(error).toBeInstanceOf(HostError);
  expect(error.code).toBe('cancelled');
  expect(error.messages['zh-CN']).toBe('已取消。');
});

test('summary sheets: counts as numbers, shares as numbers shown 0.0%, header and totals bold, no chart', async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const summary = analyze(grid).summary;
  const { sheets } = await host.writeSummary(summary, 'zh-CN');
  const byOfficial = book.sheet(sheets[0]!);
  const share = summarySheets(summary, 'zh-CN')[0]!.percentColumns![0]!;
  const cell = byOfficial.cell(1, share)!;
  expect(typeof cell.value).toBe('number');
  expect(cell.numberFormat).toBe('0.0%');
  expect(byOfficial.cell(0, 0)?.bold).toBe(true);
  expect(byOfficial.cell(summary.byOfficial.length + 1, 0)?.bold).toBe(true);
  expect(byOfficial.frozenRows).toBe(1);
  expect(host.capabilities.chart).toBe(false);
  expect(host.limitations?.map((l) => l.feature)).toEqual(['chart']);
});

test('the repaired sheet keeps its header in view (frozen), and the clerk lands on its first cell', async () => {
  const grid = seedGrid();
  const { book, host } = open(grid);
  const source = await host.readSelection();
  const plan = analyze(source.grid).plan;
  const { sheet } = await host.applyPlan(source, plan, { mode: 'new-sheet', lang: 'zh-CN' });
  expect(book.sheet(sheet).frozenRows).toBe(plan.rows.findIndex((row) => row.kind === 'header') + 1);
  expect(book.active?.name).toBe(sheet);
  expect(book.selection?.rect).toEqual({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
});
