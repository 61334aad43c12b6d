/** Applying a repair plan: new sheet or in place, text kept as text, edits and failures never half-written. */
import { createOfficeHost, HostError } from '../../src/excel';
import { FakeOfficeError, FakeWorkbook, workbookFromGrid } from '../support/fakeExcel';
import { sheetNames } from '../../src/core/sheets';
import { HEADER, handPlan, reportGrid, openWorkbook } from './helpers';

const LOG = sheetNames.changeLog['zh-CN'];

/** What the sheet holds after writing `repaired`: 序号 of records are numbers (they sort and count as numbers). */
const numbered = (rows: string[][]): Array<Array<string | number>> => rows.map((row, r) => (r === 0 ? row : [Number(row[0]), ...row.slice(1)]));

const repaired = [
  [...HEADER, '状态'],
  ['1', '任务一', '2024/6/30', '市发展改革委', '张三', '按进度完成。\n第二段', '按进度完成'],
  ['2', '=SUM(A1:A2)', '-', '@市财政局', '+86 010', '007', '滞后'],
];

async function readAndApply(book: FakeWorkbook, mode: 'new-sheet' | 'in-place', edit?: () => void) {
  const host = createOfficeHost();
  const source = await host.readSelection();
  edit?.();
  return { source, result: await host.applyPlan(source, handPlan(repaired), { mode, lang: 'zh-CN' }) };
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('applyPlan', () => {
  test('new-sheet writes the repaired table and a change log next to an untouched source', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const before = book.sheet('进展表').valuesOf('A1:F4');
    const { result } = await readAndApply(book, 'new-sheet');
    expect(result.sheet).toBe('进展表（整理）');
    expect(book.sheetNames).toEqual(['进展表', '进展表（整理）', LOG]);
    expect(book.sheet('进展表').valuesOf('A1:F4')).toEqual(before);
    expect(book.sheet('进展表').merges).toHaveLength(1);
    const out = book.sheet('进展表（整理）');
    expect(out.valuesOf('A1:G3')).toEqual(numbered(repaired));
    expect(out.cellAt('F2')?.wrap).toBe(true);
    expect(out.cellAt('A1')?.bold).toBe(true);
    expect(out.columnWidths.get(5)).toBeGreaterThan(out.columnWidths.get(0)!);
    expect(book.activeSheet?.name).toBe('进展表（整理）');
    const log = book.sheet(LOG);
    expect(log.valuesOf('D2:F2')).toEqual([['两行', '一行', '合并跨页拆开的记录']]);
    expect(book.tablesOn(LOG)).toHaveLength(1);
  });

  test('formula-looking strings, dates and leading zeros are stored as the text of the plan', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    await readAndApply(book, 'new-sheet');
    const out = book.sheet('进展表（整理）');
    for (const address of ['B3', 'C3', 'D3', 'E3', 'F3', 'C2']) expect(out.formulaAt(address)).toBeNull();
    expect(out.valuesOf('B3:F3')).toEqual([['=SUM(A1:A2)', '-', '@市财政局', '+86 010', '007']]);
    expect(out.valuesOf('C2')).toEqual([['2024/6/30']]);
  });

  test('applying twice gives a second, differently named sheet', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    await readAndApply(book, 'new-sheet');
    book.select('进展表', 'A2');
    const { result } = await readAndApply(book, 'new-sheet');
    expect(result.sheet).toBe('进展表（整理）2');
    expect(book.sheetNames).toContain(`${LOG}2`); // as the repaired sheet counts: 整理记录2 beside 进展表（整理）2
  });

  test('in-place backs the source sheet up, then replaces the source range', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const original = book.sheet('进展表').valuesOf('A1:F5');
    const { result } = await readAndApply(book, 'in-place');
    expect(result.sheet).toBe('进展表');
    expect(book.sheetNames).toEqual(['进展表', '进展表（备份）', LOG]);
    expect(book.sheet('进展表（备份）').valuesOf('A1:F5')).toEqual(original);
    expect(book.sheet('进展表（备份）').merges).toHaveLength(1);
    const sheet = book.sheet('进展表');
    expect(sheet.valuesOf('A1:G3')).toEqual(numbered(repaired));
    expect(sheet.valuesOf('A4:F5')).toEqual([Array(6).fill(''), Array(6).fill('')]);
    expect(sheet.merges).toEqual([]);
  });

  test('in-place refuses to overwrite cells right of the source', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.sheet('进展表').enter(1, 6, '别人的数据'); // G2: where the repaired table's 状态 column would go
    book.select('进展表', 'A1:F5');
    const error = await failure(readAndApply(book, 'in-place'));
    expect(error.code).toBe('target-not-empty');
    expect(book.sheetNames).toEqual(['进展表']);
  });

  test('edits made after reading stop the write, in both modes, with nothing written', async () => {
    for (const mode of ['new-sheet', 'in-place'] as const) {
      const book = openWorkbook(workbookFromGrid(reportGrid(3)));
      const error = await failure(readAndApply(book, mode, () => book.sheet('进展表').enter(3, 5, '用户刚改的进展')));
      expect(error.code).toBe('source-changed');
      expect(error.messages['zh-CN']).toMatch(/修改/);
      expect(error.messages['en-US']).toMatch(/edited/);
      expect(book.sheetNames).toEqual(['进展表']);
      expect(book.sheet('进展表').valuesOf('F4')).toEqual([['用户刚改的进展']]);
    }
  });

  test('a protected source sheet gives a clear error and no backup or log sheet', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.protect('进展表');
    const before = book.sheet('进展表').valuesOf('A1:F5');
    const error = await failure(readAndApply(book, 'in-place'));
    expect(error.code).toBe('protected');
    expect(error.messages['zh-CN']).toMatch(/保护/);
    expect(book.sheetNames).toEqual(['进展表']);
    expect(book.sheet('进展表').valuesOf('A1:F5')).toEqual(before);
  });

  test('when a later step fails, the new sheet is removed again', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.failWhen = (command) => (command === 'tables.add' ? new FakeOfficeError('AccessDenied', 'denied') : null);
    const error = await failure(readAndApply(book, 'new-sheet'));
    expect(error.code).toBe('access-denied'); // nothing is protected: not called a protected sheet
    expect(book.sheetNames).toEqual(['进展表']);
  });

  test('when an in-place write fails part way, the source is restored from the backup', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    const before = book.sheet('进展表').valuesOf('A1:F5');
    let valueWrites = 0;
    book.failWhen = (command) => {
      if (command === 'range.values') valueWrites += 1;
      return command === 'range.values' && valueWrites === 1 ? new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'too big') : null;
    };
    const error = await failure(readAndApply(book, 'in-place'));
    expect(error.code).toBe('apply-restored');
    expect(error.messages['zh-CN']).toMatch(/进展表（备份）.*一次发送给 Excel 的数据太多/);
    expect(book.sheetNames).toEqual(['进展表', '进展表（备份）']);
    expect(book.sheet('进展表').valuesOf('A1:F5')).toEqual(before);
    expect(book.sheet('进展表').merges).toEqual([{ row: 0, column: 0, rowCount: 1, columnCount: 6 }]);
  });

  test('cell-edit mode is reported in words', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(1)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.failWhen = () => new FakeOfficeError('InvalidOperationInCellEditMode', 'busy');
    const error = await failure(host.applyPlan(source, handPlan(repaired), { mode: 'new-sheet', lang: 'en-US' }));
    expect(error.code).toBe('cell-edit');
    expect(error.messages['en-US']).toMatch(/Enter or Esc/);
  });

  test('every sync of one apply is merged into one undo step where the host supports it', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    await readAndApply(book, 'new-sheet');
    expect(book.stats.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    const old = openWorkbook(workbookFromGrid(reportGrid(2), { apiVersion: '1.13' }));
    await readAndApply(old, 'new-sheet');
    expect(old.stats.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
    expect(old.sheetNames).toContain('进展表（整理）');
  });
});
