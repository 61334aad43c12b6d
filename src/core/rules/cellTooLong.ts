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
    // A record's cells are keyed by the header's grid columns (0 … width-1, see readTable): walked by index, in the same
    // ascending order as for…in, without enumerating keys for every cell of every record.
    const width = ctx.table.header.columns.reduce((w, c) => Math.max(w, c.column + 1), 0);
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      for (let column = 0; column < width; column++) {
        const text = entry.cells[column];
        if (text === undefined || text.length <= EXCEL_CELL_LIMIT) continue;
        emit({ row: entry.row, column, record: entry.record, params: { count: text.length }, value: null, suggestion: null });
      }
    }
  },
};
