import type { RoundRule } from './context';

/**
 * returns.conflict: two returns give the same task different statuses (two units, or one unit twice). Both texts
 * are kept in the merged cell, the lead unit's first; the status is the lead unit's until a clerk decides.
 */
export const conflict: RoundRule = {
  id: 'returns.conflict',
  severity: 'error',
  description: { 'zh-CN': '同一任务的多份报送不应互相矛盾。', 'en-US': 'Returns on the same task must not contradict each other.' },
  check(ctx, emit) {
    for (const [task, matches] of ctx.byTask) {
      const withStatus = matches.filter((m) => m.returned.status !== null);
      if (withStatus.length < 2) continue;
      const first = withStatus[0];
      const other = withStatus.find((m) => m.returned.status !== first.returned.status);
      if (!other) continue;
      emit({
        file: null,
        row: task.row,
        cell: ctx.progressCell(task),
        task,
        params: { unit: first.unit ?? first.file, status: first.returned.status ?? '', other: other.unit ?? other.file, otherStatus: other.returned.status ?? '' },
        value: withStatus.map((m) => `${m.unit ?? m.file}：${m.returned.status ?? ''}`).join('；'),
        suggestion: null,
      });
    }
  },
};
