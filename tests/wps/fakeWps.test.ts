/** The in-memory WPS behaves as the documented object model does (each case names the page it follows). */
import { XL_COLOR_INDEX_NONE } from '../../src/wps/api';
import { WpsBook, WpsError, createFakeApplication } from '../support/fakeWps';

function setUp() {
  const book = new WpsBook();
  const sheet = book.addSheet('表1');
  book.addSheet('表2');
  const app = createFakeApplication(book);
  return { book, sheet, app, ws: app.ActiveWorkbook!.Worksheets.Item('表1') };
}

test('Range.Value2: one cell a scalar, several cells rows of columns, empty cells undefined', () => {
  const { ws } = setUp();
  ws.Range('A1:B2').Value2 = [
    ['序号', 1],
    [null, 2.5],
  ];
  expect(ws.Range('B1').Value2).toBe(1);
  expect(ws.Range('A1:B2').Value2).toEqual([
    ['序号', 1],
    [undefined, 2.5],
  ]);
});

test('Range.Value2: text is typed in — "=…" a formula, "007" a number, a date a serial — unless "@" or an apostrophe', () => {
  const { ws, sheet } = setUp();
  ws.Range('A1:D1').Value2 = [['=SUM(B1)', '007', '2024/6/30', "'=留作文字"]];
  expect(sheet.cellAt('A1')?.formula).toBe('=SUM(B1)');
  expect(ws.Range('B1:C1').Value2).toEqual([[7, 45473]]);
  expect(ws.Range('C1').NumberFormat).toBe('yyyy/m/d');
  expect(ws.Range('D1').Value2).toBe('=留作文字');
  expect(sheet.cellAt('D1')?.prefix).toBe(true);
  ws.Range('A2:B2').NumberFormat = '@';
  ws.Range('A2:B2').Value2 = [['=SUM(B1)', '007']];
  expect(ws.Range('A2:B2').Value2).toEqual([['=SUM(B1)', '007']]);
});

test('merged cells: the value stays in the upper-left cell; MergeArea of any cell is the whole area; MergeCells True/False/null', () => {
  const { ws } = setUp();
  ws.Range('A1:C1').Value2 = [['标题', '丢掉', '也丢掉']];
  ws.Range('A1:C1').Merge();
  expect(ws.Range('A1:C1').Value2).toEqual([['标题', undefined, undefined]]);
  expect(ws.Range('B1').MergeArea.Address()).toBe('$A$1:$C$1');
  expect(ws.Range('B2').MergeArea.Address()).toBe('$B$2');
  expect(ws.Range('A1:C1').MergeCells).toBe(true);
  expect(ws.Range('A2:C2').MergeCells).toBe(false);
  expect(ws.Range('A1:C2').MergeCells).toBeNull();
  expect(() => ws.Range('A1:B1').MergeArea).toThrow(WpsError);
});

test('selecting a merged cell selects its whole area (Range.MergeCells remarks)', () => {
  const { book, app, ws } = setUp();
  ws.Range('A1:F1').Merge();
  book.select('表1', 'C1');
  expect((app.Selection as { Address(): string }).Address()).toBe('$A$1:$F$1');
});

test('AddComment on a cell that already has a comment fails; Comment is null without one', () => {
  const { ws } = setUp();
  expect(ws.Range('B2').Comment).toBeNull();
  ws.Range('B2').AddComment('第一条');
  expect(ws.Range('B2').Comment?.Text()).toBe('第一条');
  expect(() => ws.Range('B2').AddComment('第二条')).toThrow(WpsError);
  expect(() => ws.Range('B2:B3').AddComment('两格')).toThrow(WpsError);
});

test('Interior: no fill reads white and xlColorIndexNone; Color is BGR', () => {
  const { ws } = setUp();
  expect(ws.Range('A1').Interior.Color).toBe(0xffffff);
  expect(ws.Range('A1').Interior.ColorIndex).toBe(XL_COLOR_INDEX_NONE);
  ws.Range('A1').Interior.Color = 255; // RGB(255, 0, 0)
  expect(ws.Range('A1').Interior.ColorIndex).not.toBe(XL_COLOR_INDEX_NONE);
  expect(ws.Range('A1:A2').Interior.Color).toBeNull();
});

test('Select works on the active sheet only; Worksheets.Add and Worksheet.Copy activate the new sheet', () => {
  const { app } = setUp();
  const second = app.ActiveWorkbook!.Worksheets.Item('表2');
  expect(() => second.Range('A1').Select()).toThrow(WpsError);
  second.Activate();
  second.Range('B3').Select();
  const added = app.ActiveWorkbook!.Worksheets.Add(null, second);
  expect(app.ActiveSheet!.Name).toBe(added.Name);
  expect(added.Index).toBe(3);
  second.Copy(undefined, second);
  expect(app.ActiveSheet!.Name).toBe('表2 (2)');
  expect(() => (added.Name = '表2 (2)')).toThrow(WpsError);
});

test('a protected sheet refuses writes; UsedRange of an empty sheet is A1', () => {
  const { book, ws, app } = setUp();
  book.protect('表1');
  expect(ws.ProtectContents).toBe(true);
  expect(() => (ws.Range('A1').Value2 = 'x')).toThrow(/protected/);
  expect(app.ActiveWorkbook!.Worksheets.Item('表2').UsedRange.Address()).toBe('$A$1');
});
