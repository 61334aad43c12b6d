import type { Rule } from './context';

/** What one Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32767;

/** A cell joined back from many rows may outgrow what Excel can store: say so before anything is written. */
export const cellTooLong: Rule = {
  id: 'cell.too-long',
  severity: 'warning',
  tags: ['#cell'],
  description: {
    'zh-CN': '合并后的单元格不能超过 Excel 的 32767 个字符。',
    'en-US': 'A joined cell must fit in Excel’s 32,767 characters.',
  },
  check(ctx, emit) {
    for (const entry of ctx.entries) {
      // for…in, not Object.entries: no pair arrays for every cell of every record (same ascending column order).
      for (const column in entry.cells) {
        const text = entry.cells[column];
        if (text.length <= EXCEL_CELL_LIMIT) continue;
        emit({ row: entry.row, column: Number(column), record: entry.record, params: { count: text.length }, value: null, suggestion: null });
      }
    }
  },
};
