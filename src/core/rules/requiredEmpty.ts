import type { TaskRecord } from '../types';
import type { Rule } from './context';

export const requiredEmpty: Rule = {
  id: 'required.empty',
  severity: 'error',
  tags: ['#cell', '#required'],
  description: { 'zh-CN': '工作任务和责任单位不能为空。', 'en-US': 'The task and the units must be filled in.' },
  check(ctx, emit) {
    const header = ctx.table.header.columns;
    const label = (column: number) => header[column]?.label.split('\n')[0] || header[column]?.field || '';
    const emptyUnits = (row: number, record: TaskRecord) => emit({ row, column: ctx.cols.units, record, params: { column: label(ctx.cols.units) }, value: null, suggestion: null });
    for (let n = 0; n < ctx.table.records.length; n++) {
      const record = ctx.table.records[n];
      if (ctx.cols.task >= 0 && record.task.trim() === '') emit({ row: record.row, column: ctx.cols.task, record, params: { column: label(ctx.cols.task) }, value: null, suggestion: null });
      if (ctx.cols.units < 0) continue;
      // Each sub-item has units of its own; a record without sub-items has one list.
      if (record.subItems) {
        for (const s of record.subItems) if (s.units.length === 0) emptyUnits(s.row, record);
      } else if (record.units.length === 0) emptyUnits(record.row, record);
    }
  },
};
