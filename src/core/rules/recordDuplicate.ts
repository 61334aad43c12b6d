import type { Rule } from './context';

export const recordDuplicate: Rule = {
  id: 'record.duplicate',
  severity: 'warning',
  tags: ['#row'],
  description: { 'zh-CN': '同一任务不应出现两次。', 'en-US': 'A task appears once.' },
  check(ctx, emit) {
    const seen = new Map<string, number>();
    for (const record of ctx.table.records) {
      const key = record.task.replace(/[\s\u3000]+/g, '');
      if (key.length < 4) continue;
      const first = seen.get(key);
      if (first !== undefined) emit({ row: record.row, column: ctx.cols.task, record, params: { other: String(first) }, value: record.task.split('\n')[0], suggestion: null });
      else seen.set(key, record.row);
    }
  },
};
