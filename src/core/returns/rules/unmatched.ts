import { similarity } from '../text';
import type { MasterTask } from '../types';
import type { RoundRule } from './context';

/** returns.unmatched: a returned task that matches no master task; its progress would otherwise be lost unseen. */
export const unmatched: RoundRule = {
  id: 'returns.unmatched',
  severity: 'error',
  description: { 'zh-CN': '报送的每项任务都应能在总表中找到。', 'en-US': 'Every returned task must match a task of the master.' },
  check(ctx, emit) {
    for (const { table, task } of ctx.unmatched) {
      let closest: MasterTask | null = null;
      let best = 0.25;
      for (const m of ctx.tasks) {
        const s = similarity(task.key, m.key);
        if (s > best) {
          best = s;
          closest = m;
        }
      }
      emit({
        file: table.file,
        row: task.row,
        cell: task.taskCell,
        number: task.number,
        params: { task: task.task, number: closest?.number, other: closest?.task },
        value: task.task,
        suggestion: closest ? closest.task : null,
      });
    }
  },
};
