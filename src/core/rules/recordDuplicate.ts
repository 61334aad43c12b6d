import type { Rule } from './context';

const WHITESPACE = /[\s\u3000]/;

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

export const recordDuplicate: Rule = {
  id: 'record.duplicate',
  severity: 'warning',
  tags: ['#row'],
  description: { 'zh-CN': '同一任务不应出现两次。', 'en-US': 'A task appears once.' },
  check(ctx, emit) {
    const seen = new Map<string, number>();
    for (const record of ctx.table.records) {
      // Most tasks hold no whitespace to fold: test before building a new string for every record.
      const key = WHITESPACE.test(record.task) ? record.task.replace(/[\s\u3000]+/g, '') : record.task;
      if (key.length < 4) continue;
      const first = seen.get(key);
      if (first !== undefined) emit({ row: record.row, column: ctx.cols.task, record, params: { other: String(first) }, value: firstLine(record.task), suggestion: null });
      else seen.set(key, record.row);
    }
  },
};
