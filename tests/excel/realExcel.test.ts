/**
 * Issue 9: the add-in against Excel as Microsoft documents it (the in-memory Excel cites each page). Every test here is a
 * case a clerk hits in ordinary use that the adapter got wrong before: a click on a merged title, long progress notes
 * under the Text format, a failed in-place repair, a slow or busy Excel, edits made after reading, threaded comments,
 * foreign sheets with our names, protected workbooks, Office's English messages, percentages.
 */
import type { Finding } from '../../src/core/types';
import { analyze } from '../../src/core';
import { createOfficeHost, HostError } from '../../src/excel';
import { FakeOfficeError, FakeWorkbook, workbookFromGrid } from '../support/fakeExcel';
import { HEADER, handPlan, handSummary, openWorkbook, reportGrid } from './helpers';

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

const LONG_PROGRESS = '按进度完成。' + '已完成项目前期手续办理，正在推进施工招标和资金拨付工作，'.repeat(12); // > 255 characters

function finding(row: number, cell: string): Finding {
  return { rule: 'unit.unknown', severity: 'warning', row, cell, section: null, number: null, messages: { 'zh-CN': '单位不在名录中', 'en-US': 'Unit not in the directory' }, value: null, suggestion: null };
}

describe('a click on a merged cell', () => {
  test('selecting the merged title reads the whole table, not the title alone', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(5)));
    book.select('进展表', 'C1'); // Excel widens this to A1:F1, the merged title
    const source = await createOfficeHost().readSelection();
    expect(source.address).toBe('A1:F7');
    expect(analyze(source.grid).table.records).toHaveLength(5);
  });

  test('a merged section row or a tall merged cell in the middle of the table also reads the whole table', async () => {
    const book = openWorkbook(
      workbookFromGrid(reportGrid(6, { merges: [{ row: 0, column: 0, rowCount: 1, columnCount: 6 }, { row: 3, column: 3, rowCount: 3, columnCount: 1 }] })),
    );
    book.select('进展表', 'D5');
    const source = await createOfficeHost().readSelection();
    expect(source.address).toBe('A1:F8');
  });

  test('a deliberate multi-cell selection is still read as it is', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(6)));
    book.select('进展表', 'A2:F5');
    expect((await createOfficeHost().readSelection()).address).toBe('A2:F5');
  });
});

describe('written text stays visible and typed as the clerk means it', () => {
  const rows = [
    [...HEADER],
    ['1', '任务一', '6月30日', '市发展改革委', '张三', LONG_PROGRESS],
    ['2', '=SUM(A1:A2)', '1-2', '@市财政局', '007', '50%'],
    ['3', "'引号开头", '2024/6/30', 'TRUE', '-', '#N/A'],
  ];

  test('long progress notes are not painted as ##### on Excel for desktop, and 序号 are numbers', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    const { sheet } = await host.applyPlan(source, handPlan(rows), { mode: 'new-sheet', lang: 'zh-CN' });
    const out = book.sheet(sheet);
    expect(out.displayedAt('F2')).toBe(LONG_PROGRESS);
    expect(out.valuesOf('A2:A4')).toEqual([[1], [2], [3]]);
    expect(out.cellAt('B2')?.numberFormat).toBe('General');
  });

  test('text Excel would turn into a date, number, formula, boolean or error is kept as the same text', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    const { sheet } = await host.applyPlan(source, handPlan(rows), { mode: 'new-sheet', lang: 'zh-CN' });
    const out = book.sheet(sheet);
    expect(out.valuesOf('B2:F4').slice(1)).toEqual([rows[2]!.slice(1), rows[3]!.slice(1)]);
    expect(out.valuesOf('C2')).toEqual([['6月30日']]);
    for (const cell of ['B3', 'C3', 'D3', 'E3', 'F3', 'B4', 'C4', 'D4', 'E4', 'F4']) expect([cell, out.formulaAt(cell)]).toEqual([cell, null]);
  });

  test('text over 32,767 characters is cut to what a cell holds, and the result says which cells', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    const huge = '进展'.repeat(20000);
    const result = await host.applyPlan(source, handPlan([[...HEADER], ['1', '任务', '年底', '单位', '人', huge]]), { mode: 'new-sheet', lang: 'zh-CN' });
    const written = book.sheet(result.sheet).valuesOf('F2')[0]![0] as string;
    expect(written.length).toBeLessThanOrEqual(32767);
    expect(huge.startsWith(written.slice(0, -1))).toBe(true);
    expect(result.truncated).toEqual(['F2']);
  });
});

describe('reading what the clerk sees', () => {
  test('a percentage reads as 50%, a date as the date shown, a 序号 as a number', async () => {
    const book = openWorkbook(new FakeWorkbook());
    const sheet = book.addSheet('表1');
    sheet.enter(0, 0, '序号');
    sheet.enter(0, 1, '完成率');
    sheet.enter(0, 2, '节点计划');
    sheet.enter(1, 0, 1);
    sheet.enter(1, 1, '50%');
    sheet.enter(1, 2, '2024年6月30日');
    book.select('表1', 'A1');
    const source = await createOfficeHost().readSelection();
    expect(source.grid.values[1]).toEqual([1, '50%', '2024年6月30日']);
  });
});

describe('a failed in-place repair', () => {
  test('restores the source from the backup, keeps the backup, and says where it is', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const before = book.sheet('进展表').valuesOf('A1:F5');
    book.failWhen = (command) => (command === 'rangeFormat.autofitRows' ? new FakeOfficeError('GeneralException', 'An internal error has occurred.') : null);
    const host = createOfficeHost();
    const source = await host.readSelection();
    const error = await failure(host.applyPlan(source, handPlan([[...HEADER], ['1', '任务', '年底', '单位', '人', '进展']]), { mode: 'in-place', lang: 'zh-CN' }));
    expect(error.code).toBe('apply-restored');
    expect(error.messages['zh-CN']).toContain('进展表（备份）');
    expect(book.sheetNames).toEqual(['进展表', '进展表（备份）']);
    expect(book.sheet('进展表').valuesOf('A1:F5')).toEqual(before);
  });

  test('when the restore itself fails, the message says so and points to the backup', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.failWhen = (command) =>
      command === 'rangeFormat.autofitRows' || command === 'range.copyFrom' ? new FakeOfficeError('GeneralException', 'An internal error has occurred.') : null;
    const host = createOfficeHost();
    const source = await host.readSelection();
    const error = await failure(host.applyPlan(source, handPlan([[...HEADER], ['1', '任务', '年底', '单位', '人', '进展']]), { mode: 'in-place', lang: 'zh-CN' }));
    expect(error.code).toBe('apply-not-restored');
    expect(error.messages['zh-CN']).toContain('进展表（备份）');
    expect(error.messages['zh-CN']).not.toMatch(/internal error/);
    expect(book.sheetNames).toContain('进展表（备份）');
  });

  test('the whole in-place repair is one undo step where ExcelApi 1.20 exists', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.undoSteps = 0;
    await host.applyPlan(source, handPlan([[...HEADER], ['1', '任务', '年底', '单位', '人', '进展']]), { mode: 'in-place', lang: 'zh-CN' });
    expect(book.undoSteps).toBe(1);
  });
});

describe('a busy or changed workbook', () => {
  test('while the user is typing in a cell, the work waits for Enter instead of failing', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.startCellEdit();
    const reading = createOfficeHost().readSelection();
    setTimeout(() => book.finishCellEdit(), 20);
    expect((await reading).address).toBe('A1:F5');
  });

  test('highlighting after the user edited the table refuses rather than marking the wrong cells', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.sheet('进展表').enter(3, 3, '另一个单位');
    const error = await failure(host.highlight(source, [finding(4, 'D4')], 'zh-CN'));
    expect(error.code).toBe('source-changed');
    expect(book.sheet('进展表').cellAt('D4')?.fill ?? null).toBeNull();
  });

  test('going to a finding after rows were inserted above it refuses rather than selecting the wrong row', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    const sheet = book.sheet('进展表');
    sheet.enter(3, 1, '插入的任务'); // the row now holds something else
    const error = await failure(host.selectCell('进展表', 'D4', source));
    expect(error.code).toBe('source-changed');
    await host.selectCell('进展表', 'D5', source); // an untouched row is fine
  });

  test('a cell with a threaded comment is filled but gets no note, and nothing fails', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    book.sheet('进展表').comments.set('D4', '请核实单位');
    const host = createOfficeHost();
    const source = await host.readSelection();
    const result = await host.highlight(source, [finding(4, 'D4'), finding(5, 'D5')], 'zh-CN');
    const sheet = book.sheet('进展表');
    expect(sheet.cellAt('D4')?.fill).not.toBeNull();
    expect(sheet.notes.has('D4')).toBe(false);
    expect(sheet.notes.has('D5')).toBe(true);
    expect(result && result.notesSkipped).toEqual(['D4']);
  });
});

describe('summary sheets', () => {
  test('a sheet of the same name that the add-in did not make is not deleted without asking', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const theirs = book.addSheet('按分管领导汇总');
    theirs.enter(0, 0, '办公室自己的汇总');
    const host = createOfficeHost();
    const first = await host.writeSummary(handSummary(), 'zh-CN');
    expect(first.needsConfirmation).toEqual(['按分管领导汇总']);
    expect(first.sheets).toEqual([]);
    expect(book.sheet('按分管领导汇总').valuesOf('A1')).toEqual([['办公室自己的汇总']]);

    const confirmed = await host.writeSummary(handSummary(), 'zh-CN', { replace: true });
    expect(confirmed.sheets).toContain('按分管领导汇总');
    // Our own sheets are replaced on the next refresh without a question.
    const again = await host.writeSummary(handSummary(), 'zh-CN');
    expect(again.needsConfirmation ?? []).toEqual([]);
  });

  test('old sheets are deleted in one sync and the new ones renamed in the next', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    await host.writeSummary(handSummary(), 'zh-CN');
    book.resetStats();
    await host.writeSummary(handSummary(), 'zh-CN');
    for (const commands of book.stats.commands) {
      expect(commands.includes('worksheet.delete') && commands.includes('worksheet.name')).toBe(false);
    }
  });
});

describe('errors in words', () => {
  test('AccessDenied from a protected workbook structure is not called a protected sheet', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.protectStructure();
    const error = await failure(host.applyPlan(source, handPlan([[...HEADER]]), { mode: 'new-sheet', lang: 'zh-CN' }));
    expect(error.code).toBe('workbook-protected');
    expect(error.messages['zh-CN']).toMatch(/工作簿/);
  });

  test('AccessDenied with no protection anywhere says Excel refused access, not that the sheet is protected', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.failWhen = (command) => (command === 'worksheets.add' ? new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.') : null);
    const error = await failure(host.applyPlan(source, handPlan([[...HEADER]]), { mode: 'new-sheet', lang: 'zh-CN' }));
    expect(error.code).toBe('access-denied');
    expect(error.messages['zh-CN']).not.toMatch(/工作表受保护/);
  });

  test("Office's English message never reaches a zh-CN clerk", async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.failWhen = (command) => (command === 'worksheets.add' ? new FakeOfficeError('SomethingNew', 'The operation failed because of an unexpected condition.') : null);
    const error = await failure(host.applyPlan(source, handPlan([[...HEADER]]), { mode: 'new-sheet', lang: 'zh-CN' }));
    expect(error.messages['zh-CN']).not.toMatch(/[A-Za-z]{4,} [a-z]+/);
    expect(error.messages['zh-CN']).toMatch(/Excel/);
  });
});

describe('cancel', () => {
  test('an aborted read stops between blocks with a cancelled error, and an aborted in-place repair puts the table back', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(300)));
    const host = createOfficeHost({ read: { blockRows: 50 } });
    const controller = new AbortController();
    const reading = host.readSelection((p) => {
      if (p.done >= 100) controller.abort();
    }, { signal: controller.signal });
    expect((await failure(reading)).code).toBe('cancelled');

    const source = await host.readSelection();
    const before = book.sheet('进展表').valuesOf('A1:F302');
    const stop = new AbortController();
    const applying = host.applyPlan(source, handPlan([[...HEADER], ['1', '任务', '年底', '单位', '人', '进展']]), { mode: 'in-place', lang: 'zh-CN', signal: stop.signal }, (p) => {
      if (p.stage === 'write') stop.abort();
    });
    const error = await failure(applying);
    expect(error.code).toBe('cancelled');
    expect(error.messages['zh-CN']).toContain('进展表（备份）');
    expect(book.sheet('进展表').valuesOf('A1:F302')).toEqual(before);
  });
});
