import type { Rule } from './context';

export const requiredEmpty: Rule = {
  id: 'required.empty',
  severity: 'error',
  tags: ['#cell', '#required'],
  description: { 'zh-CN': '工作任务和责任单位不能为空。', 'en-US': 'The task and the units must be filled in.' },
  check(ctx, emit) {
    const header = ctx.table.header.columns;
    const label = (column: number) => header[column]?.label.split('\n')[0] || header[column]?.field || '';
    for (const record of ctx.table.records) {
      if (ctx.cols.task >= 0 && record.task.trim() === '') emit({ row: record.row, column: ctx.cols.task, record, params: { column: label(ctx.cols.task) }, value: null, suggestion: null });
      const units = record.subItems ? record.subItems.map((s) => ({ row: s.row, empty: s.units.length === 0 })) : [{ row: record.row, empty: record.units.length === 0 }];
      if (ctx.cols.units >= 0) for (const u of units) if (u.empty) emit({ row: u.row, column: ctx.cols.units, record, params: { column: label(ctx.cols.units) }, value: null, suggestion: null });
    }
  },
};
