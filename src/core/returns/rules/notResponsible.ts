import { isResponsible } from '../tasks';
import type { RoundRule } from './context';

/** returns.not-responsible: a unit reported on a task it has no part in (a forwarded sheet, a mixed-up row). */
export const notResponsible: RoundRule = {
  id: 'returns.not-responsible',
  severity: 'warning',
  description: { 'zh-CN': '单位只应报送自己负责的任务。', 'en-US': 'A unit reports only on tasks it is responsible for.' },
  check(ctx, emit) {
    for (const match of ctx.matches) {
      if (match.unit === null || isResponsible(match.master, match.unit, ctx.config)) continue;
      emit({
        file: match.file,
        row: match.returned.row,
        cell: match.returned.taskCell,
        task: match.master,
        number: match.returned.number,
        params: { unit: match.unit, number: match.master.number },
        value: match.unit,
        suggestion: match.master.units.join('、'),
      });
    }
  },
};
