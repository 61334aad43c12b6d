import type { Rule } from './context';

/** ▲ marks a lagging task in these tables: on a task that is not lagging it misleads, and a lagging one without it is easy to miss. */
export const statusMarker: Rule = {
  id: 'status.marker',
  severity: 'info',
  tags: ['#status', '#cell'],
  description: { 'zh-CN': '▲ 只用于滞后事项，滞后事项都应标 ▲。', 'en-US': '▲ marks lagging tasks, and every lagging task carries it.' },
  check(ctx, emit) {
    if (ctx.cols.progress < 0 && ctx.cols.status < 0) return;
    const lagging = new Set(ctx.config.vocabulary.filter((v) => v.lagging).map((v) => v.status));
    for (const entry of ctx.entries) {
      if (entry.statusShared || entry.status === null) continue;
      const marked = /^[\s\u3000]*[▲△]/.test(entry.statusRaw);
      if (marked === lagging.has(entry.status)) continue;
      const suggestion = marked ? entry.statusRaw.replace(/^[\s\u3000]*[▲△]\s*/, '') : `▲${entry.statusRaw.trim()}`;
      emit({ row: entry.row, column: entry.statusColumn, record: entry.record, params: { value: entry.statusRaw, other: marked ? 'marked' : 'unmarked' }, value: entry.statusRaw, suggestion });
    }
  },
};
