import { parseRangeA1 } from '../grid/address';
import type { Rule } from './context';

export const countMismatch: Rule = {
  id: 'count.mismatch',
  severity: 'error',
  tags: ['#count', '#section'],
  description: { 'zh-CN': '“共N项”应与实际项数一致。', 'en-US': 'Each 共N项 matches the number of records found.' },
  check(ctx, emit) {
    const { table } = ctx;
    for (const section of table.sections) {
      if (section.declared === null || section.declared === section.found) continue;
      emit({
        row: section.row,
        column: 0,
        section: section.index,
        params: { expected: section.declared, found: section.found, other: section.title },
        value: section.title,
        suggestion: null,
      });
    }
    if (table.declaredTotal !== null && table.declaredTotal !== table.records.length) {
      emit({
        row: table.declaredTotalRow ?? parseRangeA1(table.range)?.top ?? 1,
        column: table.declaredTotalRow !== null ? 0 : -1,
        section: null,
        params: { expected: table.declaredTotal, found: table.records.length, other: table.title ?? '' },
        value: table.title,
        suggestion: null,
      });
    }
  },
};
