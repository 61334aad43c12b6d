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

  test('worksheets.add puts the sheet last without activating it; charts.add makes one series per column, named by its first cell', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    book.addSheet('表2');
    await run(book, async (context) => {
      context.workbook.worksheets.getItem('表2').activate();
      const added = context.workbook.worksheets.add('对比');
      added.getRange('A1:C3').values = [['领导', '新增滞后', '已恢复'], ['胡钛', 1, 0], ['张元醒', 0, 2]];
      const chart = added.charts.add('ColumnClustered', added.getRange('B1:C3'), 'Columns');
      chart.title.text = '变化';
      await context.sync();
    });
    expect(book.sheets.map((s) => s.name)).toEqual(['表1', '表2', '对比']);
    expect(book.activeSheet?.name).toBe('表2');
    const [chart] = book.sheet('对比').charts;
    expect(chart!.title).toBe('变化');
    expect(chart!.series.map((s) => s.name)).toEqual(['新增滞后', '已恢复']);
    expect(chart!.series.map((s) => s.values?.column)).toEqual([1, 2]);
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

  test.each([
    ['whole', '表1!A1:A4'],
    ['starting-in', null],
    ['clipped', '表1!A2:A4'],
  ] as const)('merged areas partly inside a range are reported per the %s reading, and not above 512', async (mode, partial) => {
    const book = new FakeWorkbook({ mergedAreas: mode });
    const sheet = book.addSheet('表1');
    sheet.merge({ row: 0, column: 0, rowCount: 4, columnCount: 1 }, false);
    for (let r = 0; r <= MERGED_AREAS_LIMIT; r += 1) sheet.merge({ row: 10 + r, column: 1, rowCount: 1, columnCount: 2 }, false);
    await run(book, async (context) => {
      const ws = context.workbook.worksheets.getItem('表1');
      const below = ws.getRange('A2:A4').getMergedAreasOrNullObject().load('address');
      const whole = ws.getRange('A1:A4').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(below.isNullObject ? null : below.address).toBe(partial);
      expect(whole.address).toBe('表1!A1:A4');
      ws.getRange('A1:C600').getMergedAreasOrNullObject().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });

  test('selecting a cell of a merged area selects the whole area, as a click in Excel does', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('表1');
    sheet.merge({ row: 0, column: 0, rowCount: 1, columnCount: 6 }, false);
    book.select('表1', 'C1');
    const address = await run(book, async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe('表1!A1:F1');
  });

  test('text is what the number format shows; values are the stored values; typing turns 50%, 6/30 and 6月30日 into numbers', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('表1');
    await run(book, async (context) => {
      const ws = context.workbook.worksheets.getItem('表1');
      ws.getRange('A1:E1').values = [['50%', '6/30', '6月30日', 7, '2024/6/30']];
      await context.sync();
      const range = ws.getRange('A1:E1').load('values,text,numberFormat');
      await context.sync();
      expect(range.values).toEqual([[0.5, 46203, 46203, 7, 45473]]);
      expect(range.text).toEqual([['50%', '30-Jun', '6月30日', '7', '2024/6/30']]);
      expect(range.numberFormat[0]![0]).toBe('0%');
    });
    expect(sheet.value(0, 0)).toBe(0.5);
  });

  test('a Text-formatted cell over 255 characters shows ##### on desktop and the text on the web', async () => {
    for (const platform of ['desktop', 'web'] as const) {
      const book = new FakeWorkbook({ platform });
      const sheet = book.addSheet('表1');
      sheet.setNumberFormat(0, 0, '@');
      sheet.enter(0, 0, '进展'.repeat(128));
      sheet.enter(0, 1, '进展'.repeat(128)); // General: shown
      expect(sheet.displayedAt('A1')).toMatch(platform === 'desktop' ? /^#+$/ : /^进展/);
      expect(sheet.displayedAt('B1')).toMatch(/^进展/);
    }
  });

  test('a cell holds at most 32,767 characters: a longer value is refused', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    await run(book, async (context) => {
      context.workbook.worksheets.getItem('表1').getRange('A1').values = [['字'.repeat(32768)]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  test('a protected workbook structure refuses new sheets with AccessDenied, like a protected sheet refuses writes', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    book.protectStructure();
    await run(book, async (context) => {
      context.workbook.worksheets.add('新表');
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      const protection = context.workbook.protection.load('protected');
      const sheet = context.workbook.worksheets.getItem('表1').protection.load('protected');
      await context.sync();
      expect([protection.protected, sheet.protected]).toEqual([true, false]);
    });
  });

  test('each sync that changes something is one undo step, unless the run merges them (ExcelApi 1.20)', async () => {
    for (const [version, merge, steps] of [['1.20', true, 1], ['1.20', false, 2], ['1.19', true, 2]] as const) {
      const book = new FakeWorkbook({ apiVersion: version });
      book.addSheet('表1');
      await createFakeExcel(book).run({ mergeUndoGroup: merge }, async (context) => {
        const ws = context.workbook.worksheets.getItem('表1');
        ws.getRange('A1').values = [['a']];
        await context.sync();
        ws.getRange('A1').load('values');
        await context.sync(); // a read: no undo record
        ws.getRange('A2').values = [['b']];
        await context.sync();
      });
      expect([version, merge, book.undoSteps]).toEqual([version, merge, steps]);
    }
  });

  test('while the user edits a cell a batch fails, unless it asked to wait (delayForCellEdit)', async () => {
    const book = new FakeWorkbook();
    book.addSheet('表1');
    book.startCellEdit();
    await expect(run(book, async (context) => {
      context.workbook.worksheets.getItem('表1').getRange('A1').values = [['x']];
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = createFakeExcel(book).run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('表1').getRange('A1').values = [['y']];
      await context.sync();
    });
    await Promise.resolve();
    expect(book.sheet('表1').value(0, 0)).toBe('');
    book.finishCellEdit();
    await waiting;
    expect(book.sheet('表1').value(0, 0)).toBe('y');
  });

  test('a cell with a threaded comment cannot also take a note', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('表1');
    sheet.comments.set('B2', '请核实');
    await run(book, async (context) => {
      context.workbook.notes.add('表1!B2', '【错误】…');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const comments = context.workbook.worksheets.getItem('表1').comments.load();
      await context.sync();
      const location = comments.items[0]!.getLocation().load('address');
      await context.sync();
      expect(location.address).toBe('表1!B2');
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
