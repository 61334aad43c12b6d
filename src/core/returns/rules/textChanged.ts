import { diffMarkup, diffText } from '../text';
import type { RoundRule } from './context';

/** returns.text-changed: the unit edited the task text; the master keeps its own text, the edit is shown as a diff. */
export const textChanged: RoundRule = {
  id: 'returns.text-changed',
  severity: 'warning',
  description: { 'zh-CN': '报送中的任务内容应与总表一致。', 'en-US': 'A returned task keeps the master\'s task text.' },
  check(ctx, emit) {
    for (const match of ctx.matches) {
      if (match.master.key.normalized === match.returned.key.normalized) continue;
      const diff = diffText(match.master.task, match.returned.task);
      emit({
        file: match.file,
        row: match.returned.row,
        cell: match.returned.taskCell,
        task: match.master,
        number: match.returned.number,
        params: { number: match.master.number, diff: diffMarkup(diff) },
        value: match.returned.task,
        suggestion: match.master.task,
        diff,
      });
    }
  },
};
