import type { Rule } from './context';

export const statusMissing: Rule = {
  id: 'status.missing',
  severity: 'error',
  tags: ['#status', '#cell'],
  description: { 'zh-CN': '进展情况第一行应写明进展状态。', 'en-US': 'The first line of 进展情况 must state the status.' },
  check(ctx, emit) {
    if (ctx.cols.progress < 0 && ctx.cols.status < 0) return;
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      if (entry.statusRaw === '' && !entry.statusShared) emit({ row: entry.row, column: entry.statusColumn, record, params: {}, value: null, suggestion: null });
    }
  },
};
