import type { TaskRecord } from '../types';
import type { Rule } from './context';

/** Records grouped by section, in table order (one group when the table has no sections). */
function bySection(records: TaskRecord[]): TaskRecord[][] {
  const groups = new Map<number | null, TaskRecord[]>();
  for (const r of records) {
    const list = groups.get(r.section) ?? [];
    list.push(r);
    groups.set(r.section, list);
  }
  return [...groups.values()];
}

function asInteger(number: string): number | null {
  const t = number.trim().replace(/[.．、]$/, '');
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export const numberingGap: Rule = {
  id: 'numbering.gap',
  severity: 'warning',
  tags: ['#numbering', '#row'],
  description: { 'zh-CN': '每部分的序号应从 1 起连续编排。', 'en-US': 'Numbers run from 1 without gaps in each section.' },
  check(ctx, emit) {
    if (ctx.cols.number < 0) return;
    for (const group of bySection(ctx.table.records)) {
      let previous = 0;
      for (const record of group) {
        const n = asInteger(record.number);
        if (n === null) continue;
        if (n > previous + 1) {
          const missing = n - previous - 1 === 1 ? String(previous + 1) : `${previous + 1}–${n - 1}`;
          emit({ row: record.row, column: ctx.cols.number, record, params: { value: missing, found: n }, value: record.number, suggestion: String(previous + 1) });
        }
        if (n > previous) previous = n;
      }
    }
  },
};

export const numberingDuplicate: Rule = {
  id: 'numbering.duplicate',
  severity: 'error',
  tags: ['#numbering', '#row'],
  description: { 'zh-CN': '同一部分内序号不应重复。', 'en-US': 'A number appears once per section.' },
  check(ctx, emit) {
    if (ctx.cols.number < 0) return;
    for (const group of bySection(ctx.table.records)) {
      const seen = new Set<string>();
      for (const record of group) {
        const key = record.number.trim();
        if (key === '') continue;
        if (seen.has(key)) emit({ row: record.row, column: ctx.cols.number, record, params: { value: key }, value: key, suggestion: null });
        seen.add(key);
      }
    }
  },
};

export const numberingMissing: Rule = {
  id: 'numbering.missing',
  severity: 'error',
  tags: ['#numbering', '#row'],
  description: { 'zh-CN': '每一项都应有序号。', 'en-US': 'Every record has a number.' },
  check(ctx, emit) {
    if (ctx.cols.number < 0) return;
    for (const record of ctx.table.records) {
      if (record.number.trim() === '') emit({ row: record.row, column: ctx.cols.number, record, params: {}, value: null, suggestion: null });
    }
  },
};
