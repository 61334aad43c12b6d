import type { Lang } from '../types';
import type { Rule } from './context';
import { message, type MessageParams } from './messages';

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
    // A task repeated many times gives many findings naming the same first row: their words are built once per row
    // and shared (nothing changes a finding's messages after the check).
    const said = new Map<number, { params: MessageParams; messages: Record<Lang, string> }>();
    for (let n = 0; n < ctx.table.records.length; n++) {
      const record = ctx.table.records[n];
      // Most tasks hold no whitespace to fold: test before building a new string for every record.
      const key = WHITESPACE.test(record.task) ? record.task.replace(/[\s\u3000]+/g, '') : record.task;
      if (key.length < 4) continue;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, record.row);
        continue;
      }
      let words = said.get(first);
      if (words === undefined) {
        const params = { other: String(first) };
        words = { params, messages: message('record.duplicate', params) };
        said.set(first, words);
      }
      emit({ row: record.row, column: ctx.cols.task, record, params: words.params, messages: words.messages, value: firstLine(record.task), suggestion: null });
    }
  },
};
