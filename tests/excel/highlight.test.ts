/** Highlighting findings on the source sheet, and clearing them back to what the user had. */
import type { Finding, Severity } from '../../src/core/types';
import { createOfficeHost, HostError, SEVERITY_FILL, HIGHLIGHT_SETTING } from '../../src/excel';
import { workbookFromGrid } from '../support/fakeExcel';
import { reportGrid, openWorkbook } from './helpers';

function finding(severity: Severity, row: number, cell: string | null, zh: string): Finding {
  return {
    rule: `test.${severity}`,
    severity,
    row,
    cell,
    section: null,
    number: null,
    messages: { 'zh-CN': zh, 'en-US': `en: ${zh}` },
    value: null,
    suggestion: severity === 'error' ? '按进度完成' : null,
  };
}

describe('highlight', () => {
  test('fills cells by severity, adds notes, and clearing restores the fills the user had', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    const sheet = book.sheet('进展表');
    sheet.setFill(3, 3, '#00FF00'); // D4 was green before
    const host = createOfficeHost();
    const source = await host.readSelection();
    await host.highlight(
      source,
      [
        finding('error', 3, 'F3', '状态词不在词表中'),
        finding('warning', 4, 'D4', '责任单位不在名录中'),
        finding('info', 5, 'E5', '责任人与单位不一致'),
        finding('warning', 3, 'F3', '进展为空'),
        finding('info', 6, null, '整行为空'),
      ],
      'zh-CN',
    );
    expect(sheet.cellAt('F3')?.fill).toBe(SEVERITY_FILL.error);
    expect(sheet.cellAt('D4')?.fill).toBe(SEVERITY_FILL.warning);
    expect(sheet.cellAt('E5')?.fill).toBe(SEVERITY_FILL.info);
    expect(['A6', 'C6', 'F6'].map((a) => sheet.cellAt(a)?.fill)).toEqual(Array(3).fill(SEVERITY_FILL.info));
    expect(sheet.notes.get('F3')).toBe('【错误】状态词不在词表中\n建议：按进度完成\n【警告】进展为空');
    expect(sheet.notes.get('A6')).toBe('【提示】整行为空');
    expect(sheet.notes.has('B6')).toBe(false);
    expect(book.settings.has(HIGHLIGHT_SETTING)).toBe(true);

    await host.clearHighlights();
    expect(sheet.cellAt('D4')?.fill).toBe('#00FF00');
    expect(['F3', 'E5', 'A6', 'F6'].map((a) => sheet.cellAt(a)?.fill ?? null)).toEqual([null, null, null, null]);
    expect(sheet.notes.size).toBe(0);
    expect(book.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test('highlighting again first clears the previous marks, and the user\'s own notes stay', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    const sheet = book.sheet('进展表');
    sheet.notes.set('B3', '用户自己的批注');
    const host = createOfficeHost();
    const source = await host.readSelection();
    await host.highlight(source, [finding('error', 3, 'B3', '任务为空'), finding('error', 4, 'C4', '计划为空')], 'zh-CN');
    expect(sheet.notes.get('B3')).toBe('用户自己的批注');
    await host.highlight(source, [finding('warning', 5, 'C5', '新问题')], 'en-US');
    expect(sheet.cellAt('C4')?.fill ?? null).toBeNull();
    expect(sheet.cellAt('B3')?.fill ?? null).toBeNull();
    expect(sheet.cellAt('C5')?.fill).toBe(SEVERITY_FILL.warning);
    expect(sheet.notes.get('C5')).toBe('【Warning】en: 新问题');
    await host.clearHighlights();
    expect(sheet.notes.get('B3')).toBe('用户自己的批注');
    expect([...sheet.notes.keys()]).toEqual(['B3']);
  });

  test('without ExcelApi 1.18 the cells are filled and no notes are attempted', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2), { apiVersion: '1.13' }));
    const host = createOfficeHost();
    const source = await host.readSelection();
    await host.highlight(source, [finding('error', 3, 'B3', '任务为空')], 'zh-CN');
    expect(book.sheet('进展表').cellAt('B3')?.fill).toBe(SEVERITY_FILL.error);
    await host.clearHighlights();
    expect(book.sheet('进展表').cellAt('B3')?.fill ?? null).toBeNull();
  });

  test('a protected sheet is reported, not half-highlighted', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    const host = createOfficeHost();
    const source = await host.readSelection();
    book.protect('进展表');
    const error = await host.highlight(source, [finding('error', 3, 'B3', '任务为空')], 'zh-CN').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('protected');
    expect(book.sheet('进展表').cellAt('B3')?.fill ?? null).toBeNull();
    expect(book.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test('clearing with nothing highlighted does nothing', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2)));
    await createOfficeHost().clearHighlights();
    expect(book.sheetNames).toEqual(['进展表']);
  });
});

describe('selectCell', () => {
  test('activates the sheet and selects the cell', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(2), { otherSheets: ['其他'] }));
    book.select('其他', 'A1');
    await createOfficeHost().selectCell('进展表', 'E4');
    expect(book.activeSheet?.name).toBe('进展表');
    expect(book.selection?.rect).toEqual({ row: 3, column: 4, rowCount: 1, columnCount: 1 });
  });

  test('a sheet that is gone gives a HostError', async () => {
    openWorkbook(workbookFromGrid(reportGrid(2)));
    const error = await createOfficeHost().selectCell('不存在', 'A1').catch((e: unknown) => e);
    expect((error as HostError).code).toBe('not-found');
  });
});
