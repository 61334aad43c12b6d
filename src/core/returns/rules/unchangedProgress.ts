import type { RoundRule } from './context';

/** returns.unchanged-progress: the returned progress is last period's text again (copied forward, not updated). */
export const unchangedProgress: RoundRule = {
  id: 'returns.unchanged-progress',
  severity: 'warning',
  description: { 'zh-CN': '本期进展不应与上期完全相同。', 'en-US': 'This period\'s progress should not repeat last period\'s word for word.' },
  check(ctx, emit) {
    for (const match of ctx.matches) {
      const now = ctx.progressBody(match.returned.progress);
      if (now === '' || now !== ctx.progressBody(match.master.progress)) continue;
      emit({
        file: match.file,
        row: match.returned.row,
        cell: match.returned.taskCell,
        task: match.master,
        number: match.returned.number,
        params: { unit: match.unit ?? match.file },
        value: match.returned.progress,
        suggestion: null,
      });
    }
  },
};
