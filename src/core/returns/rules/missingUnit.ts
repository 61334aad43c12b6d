import type { RoundRule } from './context';

/**
 * returns.missing-unit: a task whose lead unit sent nothing (or sent a return without it) keeps last period's
 * progress; and one finding listing every unit that did not answer at all.
 */
export const missingUnit: RoundRule = {
  id: 'returns.missing-unit',
  severity: 'error',
  description: { 'zh-CN': '牵头单位应报送其牵头的每项任务；列出本期没有报送的单位。', 'en-US': 'The lead unit returns every task it leads; units that sent nothing are listed.' },
  check(ctx, emit) {
    for (const task of ctx.tasks) {
      const lead = task.lead;
      if (lead === null) continue;
      const matches = ctx.byTask.get(task) ?? [];
      if (matches.some((m) => m.unit === lead)) continue;
      const sent = ctx.senders.has(lead);
      emit({ file: null, row: task.row, cell: ctx.progressCell(task), task, params: { unit: lead, kind: sent ? 'not-covered' : 'no-return' }, value: lead, suggestion: null });
    }
    const silent = ctx.units.filter((u) => !ctx.senders.has(u));
    if (silent.length > 0) {
      emit({ file: null, row: ctx.headerRow, cell: null, number: null, params: { kind: 'silent', units: silent, count: silent.length }, value: silent.join('、'), suggestion: null });
    }
  },
};
