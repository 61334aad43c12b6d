/** The in-memory Excel behaves like Excel where the adapter depends on it. */
import { FakeWorkbook, MERGED_AREAS_LIMIT, createFakeExcel, FakeRequestContext } from '../support/fakeExcel';

function run<T>(book: FakeWorkbook, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
  return createFakeExcel(book).run(batch);
}

describe('fake Excel', () => {
  test('properties cannot be read before load and sync, and writes land only at sync', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1').enter(0, 0, 'x');
    await run(book, async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['x']]);
      range.values = [['y']];
      expect(book.sheet('表1').value(0, 0)).toBe('x');
      await context.sync();
      expect(book.sheet('表1').value(0, 0)).toBe('y');
    });
  });

  test('a batch that ends with unsynced commands is reported', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.getItem('表1').getRange('A1').values = [['lost']];
      }),
    ).rejects.toThrow(/never synced/);
  });

  test('strings starting with = + - @ become formulas unless the cell is text-formatted or starts with an apostrophe', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('表1');
    await run(book, async (context) => {
      const ws = context.workbook.worksheets.getItem('表1');
      ws.getRange('A1:D1').values = [['=SUM(1,2)', '+86 123', '-已完成', '@张三']];
      const text = ws.getRange('A2:D2');
      text.numberFormat = [['@', '@', '@', '@']];
      text.values = [['=SUM(1,2)', '+86 123', '-已完成', '@张三']];
      ws.getRange('A3').values = [["'=1+1"]];
      ws.getRange('A4:B4').values = [['123', '2024/6/30']];
      await context.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => sheet.formulaAt(a))).toEqual(['=SUM(1,2)', '=+86 123', '=-已完成', '=@张三']);
    expect(sheet.valuesOf('A2:D2')).toEqual([['=SUM(1,2)', '+86 123', '-已完成', '@张三']]);
    expect(['A2', 'B2', 'C2', 'D2'].map((a) => sheet.formulaAt(a))).toEqual([null, null, null, null]);
    expect(sheet.valuesOf('A3')).toEqual([['=1+1']]);
    expect(sheet.formulaAt('A3')).toBeNull();
    expect(sheet.valuesOf('A4:B4')).toEqual([[123, 45473]]);
  });

  test('sheet names follow Excel rules: 31 characters, no : \\ / ? * [ ], unique regardless of case', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Data');
    for (const bad of ['a'.repeat(32), 'a/b', 'a[1]', 'what?', "'quoted'", '']) {
      await expect(
        run(book, async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.add('DATA');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(book.sheetNames).toEqual(['Data']);
  });

  test('a protected sheet rejects writes with AccessDenied and keeps its cells', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1').enter(0, 0, '原值');
    book.protect('表1');
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.getItem('表1').getRange('A1').values = [['新值']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(book.sheet('表1').value(0, 0)).toBe('原值');
  });

  test('merged areas are listed only where they start inside the range, and not above 512', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('表1');
    sheet.merge({ row: 0, column: 0, rowCount: 4, columnCount: 1 }, false);
    for (let r = 0; r <= MERGED_AREAS_LIMIT; r += 1) sheet.merge({ row: 10 + r, column: 1, rowCount: 1, columnCount: 2 }, false);
    await run(book, async (context) => {
      const ws = context.workbook.worksheets.getItem('表1');
      const below = ws.getRange('A2:A4').getMergedAreasOrNullObject().load('address');
      const whole = ws.getRange('A1:A4').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(below.isNullObject).toBe(true);
      expect(whole.address).toBe('表1!A1:A4');
      ws.getRange('A1:C600').getMergedAreasOrNullObject().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });

  test('each sync records the JSON size of what it sent', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    await run(book, async (context) => {
      context.workbook.worksheets.getItem('表1').getRange('A1:B1').values = [['短', '长'.repeat(1000)]];
      await context.sync();
      await context.sync();
    });
    expect(book.stats.syncs).toBe(2);
    expect(book.stats.requestBytes[0]).toBeGreaterThan(3000);
    expect(book.stats.requestBytes[1]).toBe(0);
  });
});
