import type { Rule } from './context';

const MARK = /^[\s\u3000]*[▲△]/;

/** ▲ marks a lagging task in these tables: on a task that is not lagging it misleads, and a lagging one without it is easy to miss. */
export const statusMarker: Rule = {
  id: 'status.marker',
  severity: 'info',
  tags: ['#status', '#cell'],
  description: { 'zh-CN': '▲ 只用于滞后事项，滞后事项都应标 ▲。', 'en-US': '▲ marks lagging tasks, and every lagging task carries it.' },
  check(ctx, emit) {
    if (ctx.cols.progress < 0 && ctx.cols.status < 0) return;
    const lagging = new Set(ctx.config.vocabulary.filter((v) => v.lagging).map((v) => v.status));
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      if (entry.statusShared || entry.status === null) continue;
      // The ▲ belongs to the 进展情况 sentence; a table with a status column may put it there or in the column.
      const fromColumn = entry.statusColumn !== ctx.cols.progress;
      // Only a status read from another column looks at the progress line: split it only then (once per record otherwise).
      const progressLine = fromColumn && ctx.cols.progress >= 0 ? ((entry.cells[ctx.cols.progress] ?? '').split('\n').find((l) => l.trim() !== '') ?? '') : '';
      const marked = MARK.test(entry.statusRaw) || (fromColumn && MARK.test(progressLine));
      if (marked === lagging.has(entry.status)) continue;
      const [text, column] = fromColumn && progressLine !== '' && (!marked || MARK.test(progressLine)) ? [progressLine, ctx.cols.progress] : [entry.statusRaw, entry.statusColumn];
      const suggestion = marked ? text.replace(/^[\s\u3000]*[▲△]\s*/, '') : `▲${text.trim()}`;
      emit({ row: entry.row, column, record: entry.record, params: { value: text, other: marked ? 'marked' : 'unmarked' }, value: text, suggestion });
    }
  },
};
