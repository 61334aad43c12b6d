import type { Rule } from './context';

/**
 * A table with a status column of its own (完成情况 / 进度 / 状态) often also opens 进展情况 with a status sentence.
 * When the two name different vocabulary words, one of them was not updated: the summary counts the sentence's (the status
 * column `fix` adds is written from it, so an updated sentence beside a stale column is the common case).
 */
export const statusConflict: Rule = {
  id: 'status.conflict',
  severity: 'warning',
  tags: ['#status', '#cell'],
  description: {
    'zh-CN': '状态列与进展情况第一句写的进展状态应一致。',
    'en-US': 'The status column and the status sentence that opens 进展情况 agree.',
  },
  check(ctx, emit) {
    if (ctx.cols.status < 0 || ctx.cols.progress < 0) return;
    for (let n = 0; n < ctx.table.records.length; n++) {
      const record = ctx.table.records[n];
      for (const entry of record.subItems && record.subItems.length > 0 ? record.subItems : [record]) {
        const column = entry.columnStatus ?? null;
        const sentence = entry.progressStatus ?? null;
        if (column === null || sentence === null || column === sentence) continue;
        emit({
          row: entry.row,
          column: ctx.cols.status,
          record,
          params: { value: entry.cells[ctx.cols.status] ?? column, found: sentence, expected: column },
          value: entry.cells[ctx.cols.status] ?? column,
          suggestion: sentence,
        });
      }
    }
  },
};
