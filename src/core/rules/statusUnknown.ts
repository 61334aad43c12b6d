import { editDistance } from './similarity';
import type { Rule } from './context';

export const statusUnknown: Rule = {
  id: 'status.unknown',
  severity: 'error',
  tags: ['#status', '#cell'],
  description: { 'zh-CN': '进展状态应取自词表（按进度完成、已完成……）。', 'en-US': 'The status must come from the vocabulary (按进度完成, 已完成 …).' },
  check(ctx, emit) {
    if (ctx.cols.progress < 0 && ctx.cols.status < 0) return;
    const words = [...ctx.statuses.keys()];
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      if (entry.statusShared || entry.statusRaw === '' || entry.status !== null) continue;
      const word = entry.statusRaw.replace(/^[▲△\s]+/, '').replace(/[。.，,；;\s]+$/, '');
      let best: string | null = null;
      let bestDistance = Infinity;
      for (const w of words) {
        const d = editDistance(word.slice(0, w.length + 2), w);
        if (d < bestDistance) {
          bestDistance = d;
          best = ctx.statuses.get(w) ?? w;
        }
      }
      // A suggestion only when it is plausibly a slip of the same word, not a sentence.
      const suggestion = best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 2)) ? best : null;
      emit({ row: entry.row, column: entry.statusColumn, record, params: { value: entry.statusRaw, suggestion: suggestion ?? undefined }, value: entry.statusRaw, suggestion });
    }
  },
};
