import fc from 'fast-check';
import { changeLogSheet, formatRows } from '../../src/core/sheets';
import type { RepairPlan } from '../../src/core/types';

function handMadePlan(): RepairPlan {
  return {
    sheet: 'Sheet1',
    sourceRange: 'A1:E20',
    rowMap: [],
    columns: ['序号', '工作任务', '责任单位', '责任人', '进展情况'],
    rows: [],
    removed: [
      { row: 9, reason: 'blank', values: ['', '', '', '', ''] },
      { row: 15, reason: 'repeated-header', values: ['序号', '工作任务', '责任单位', '责任人', '进展情况'] },
      { row: 18, reason: 'page-number', values: ['', '- 3 -', '', '', ''] },
    ],
    changes: [
      {
        op: 'collapse-rows',
        sourceRows: [5, 6, 7],
        outputRow: 4,
        column: '责任单位',
        before: '市委政法委 | 市公安局',
        after: '市委政法委\n市公安局',
        messages: { 'zh-CN': '合并为一行', 'en-US': 'Collapsed into one row' },
      },
      {
        op: 'remove-row',
        sourceRows: [18],
        outputRow: null,
        column: null,
        before: '- 3 -',
        after: '',
        messages: { 'zh-CN': '删除页码', 'en-US': 'Removed a page number' },
      },
      {
        op: 'canonical-unit',
        sourceRows: [11],
        outputRow: 8,
        column: '责任单位',
        before: '市发改局',
        after: '市发展改革局',
        messages: { 'zh-CN': '统一单位名称', 'en-US': 'Canonical unit name' },
      },
    ],
    mergesRemoved: 2,
  };
}

describe('changeLogSheet', () => {
  it('has one row per change, then one per removed row the changes do not already log', () => {
    const sheet = changeLogSheet(handMadePlan(), 'zh-CN');
    expect(sheet.name).toBe('整理记录');
    // 3 changes + removed rows 9 and 15 (row 18 is already logged by its remove-row change).
    expect(sheet.rows).toHaveLength(5);
    const sourceRows = sheet.rows.map((row) => row[0]);
    expect(sourceRows).toEqual(['5-7', '18', '11', '9', '15']);
  });

  it('says where, before, after and why in the chosen language', () => {
    const zh = changeLogSheet(handMadePlan(), 'zh-CN');
    const en = changeLogSheet(handMadePlan(), 'en-US');
    expect(zh.columns.slice(0, 6)).toEqual(['原表行', '整理后行', '列', '整理前', '整理后', '原因']);
    expect(en.columns.slice(0, 6)).toEqual(['Source rows', 'Output row', 'Column', 'Before', 'After', 'Why']);
    expect(zh.rows[0].slice(0, 6)).toEqual(['5-7', 4, '责任单位', '市委政法委 | 市公安局', '市委政法委\n市公安局', '合并为一行']);
    expect(en.rows[2][5]).toBe('Canonical unit name');
    expect(zh.rows[1][1]).toBe('已删除');
    expect(en.rows[1][1]).toBe('removed');
  });

  it('describes a removed row by its non-empty values and the reason', () => {
    const en = changeLogSheet(handMadePlan(), 'en-US');
    const header = en.rows.find((row) => row[0] === '15');
    expect(header?.[3]).toBe('序号 | 工作任务 | 责任单位 | 责任人 | 进展情况');
    expect(String(header?.[5])).toMatch(/repeated header/);
    const blank = changeLogSheet(handMadePlan(), 'zh-CN').rows.find((row) => row[0] === '9');
    expect(blank?.[5]).toBe('删除空行');
  });

  it('logs a record collapsed from several rows in one line: the rows, the output row and how many rows, no text repeated', () => {
    const plan = handMadePlan();
    plan.changes = [
      {
        op: 'collapse-rows',
        sourceRows: [12, 13, 14, 15],
        outputRow: 7,
        column: null,
        before: '12–15',
        after: '7',
        messages: { 'zh-CN': '第12–15行（4行）合并为一行，各单元格的段落以换行连接', 'en-US': 'rows 12–15 (4) collapsed into one row; paragraphs joined with line breaks' },
      },
    ];
    plan.removed = [];
    expect(changeLogSheet(plan, 'zh-CN').rows).toEqual([['12-15', 7, '', '', '', '4行合并为一行，各单元格的段落以换行连接', 'collapse-rows']]);
    expect(changeLogSheet(plan, 'en-US').rows[0][5]).toBe('4 rows collapsed into one; paragraphs joined with line breaks');
    // Before/after that say more than the rows (a text, a hand-made plan's words) are kept as the change has them.
    plan.changes[0] = { ...plan.changes[0], before: '两行', after: '一行', messages: { 'zh-CN': '合并跨页拆开的记录', 'en-US': 'Joined' } };
    expect(changeLogSheet(plan, 'zh-CN').rows[0].slice(3, 6)).toEqual(['两行', '一行', '合并跨页拆开的记录']);
  });

  it('logs neighbouring removed rows with the same reason as one line, and keeps apart what differs', () => {
    const plan = handMadePlan();
    const blank = (row: number) => ({
      op: 'remove-row' as const,
      sourceRows: [row],
      outputRow: null,
      column: null,
      before: '',
      after: '',
      messages: { 'zh-CN': '空白行', 'en-US': 'blank row' },
    });
    plan.changes = [blank(16), blank(17), blank(18), { ...blank(19), before: '- 3 -', messages: { 'zh-CN': '页码行', 'en-US': 'page number' } }, blank(20), blank(25)];
    plan.removed = [];
    const rows = changeLogSheet(plan, 'zh-CN').rows;
    expect(rows.map((row) => [row[0], row[1], row[3], row[5]])).toEqual([
      ['16-18', '已删除', '', '空白行'],
      ['19', '已删除', '- 3 -', '页码行'],
      ['20', '已删除', '', '空白行'],
      ['25', '已删除', '', '空白行'],
    ]);
  });

  it('keeps every cell within Excel’s 32,767-character limit', () => {
    const plan = handMadePlan();
    plan.changes[0].before = '长'.repeat(40000);
    const sheet = changeLogSheet(plan, 'zh-CN');
    expect(String(sheet.rows[0][3]).length).toBeLessThanOrEqual(32767);
  });

  it('is just a header for a plan without changes', () => {
    const plan = { ...handMadePlan(), changes: [], removed: [] };
    expect(changeLogSheet(plan, 'zh-CN').rows).toEqual([]);
  });
});

describe('formatRows', () => {
  it('shortens runs of consecutive rows', () => {
    expect(formatRows([3, 4, 5, 9])).toBe('3-5, 9');
    expect(formatRows([7])).toBe('7');
    expect(formatRows([10, 8, 9, 9])).toBe('8-10');
    expect(formatRows([])).toBe('');
  });

  it('names exactly the rows given, in ascending runs, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), (rows) => {
        const named = formatRows(rows)
          .split(', ')
          .filter((part) => part !== '')
          .flatMap((part) => {
            const [first, last = first] = part.split('-').map(Number);
            expect(last).toBeGreaterThanOrEqual(first);
            return Array.from({ length: last - first + 1 }, (_, i) => first + i);
          });
        expect(named).toEqual([...new Set(rows)].sort((a, b) => a - b));
      }),
    );
  });
});
