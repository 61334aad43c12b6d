import type { Rule } from './context';

/**
 * A table with a status column of its own (完成情况 / 进度 / 状态) often also opens 进展情况 with a status sentence.
 * When the two name different vocabulary words, one of them was not updated: the summary counts the column's.
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
    for (const record of ctx.table.records) {
      if (record.statusSource !== 'column' || record.status === null || record.progressStatus === null) continue;
      if (record.status === record.progressStatus) continue;
      emit({
        row: record.row,
        column: ctx.cols.status,
        record,
        params: { value: record.statusRaw, found: record.progressStatus, expected: record.status },
        value: record.statusRaw,
        suggestion: record.progressStatus,
      });
    }
  },
};
