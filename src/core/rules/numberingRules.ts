import type { TaskRecord } from '../types';
import { formatNumber, parseNumber, type NumberStyle } from '../text/numbering';
import type { Rule, RuleContext } from './context';

type Groups = TaskRecord[][];

function groupBy(records: TaskRecord[], key: (r: TaskRecord) => number | null): Groups {
  const groups = new Map<number | null, TaskRecord[]>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const k = key(r);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...groups.values()];
}

/** Every group's first number is 1: numbering restarts in each group. */
function restartsIn(groups: Groups): boolean {
  return groups.every((g) => {
    for (let i = 0; i < g.length; i++) {
      const r = g[i];
      const n = parseNumber(r.number);
      if (n !== null) return n.value === 1;
    }
    return true;
  });
}

const groupsCache = new WeakMap<RuleContext, Groups>();

/**
 * The runs a table numbers its records in: restarting in each (innermost) section, in each top-level section, or
 * running through the whole table — whichever the table's own first numbers show. Tables without sections are one run.
 */
function numberingRuns(ctx: RuleContext): Groups {
  const cached = groupsCache.get(ctx);
  if (cached) return cached;
  const { records, sections } = ctx.table;
  const top = (r: TaskRecord) => {
    let s = r.section !== null ? sections[r.section - 1] : undefined;
    while (s && s.parent !== null) s = sections[s.parent - 1];
    return s?.index ?? null;
  };
  const leaf = groupBy(records, (r) => r.section);
  const outer = groupBy(records, top);
  const runs = restartsIn(leaf) ? leaf : restartsIn(outer) ? outer : [records];
  groupsCache.set(ctx, runs);
  return runs;
}

/** The style most of the table's numbers are written in. */
function tableStyle(records: TaskRecord[]): NumberStyle {
  const counts = new Map<NumberStyle, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const n = parseNumber(r.number);
    if (n) counts.set(n.style, (counts.get(n.style) ?? 0) + 1);
  }
  let best: NumberStyle = 'plain';
  let bestCount = 0;
  for (const [style, count] of counts) if (count > bestCount) [best, bestCount] = [style, count];
  return best;
}

export const numberingGap: Rule = {
  id: 'numbering.gap',
  severity: 'warning',
  tags: ['#numbering', '#row'],
  description: {
    'zh-CN': '序号应从 1 起连续编排（每部分重新编号或全表连续编号，1、1.、（1）、①、一、等写法均可）。',
    'en-US': 'Numbers run from 1 without gaps, per section or through the table, in whatever style (1, 1., （1）, ①, 一、).',
  },
  check(ctx, emit) {
    if (ctx.cols.number < 0) return;
    const style = tableStyle(ctx.table.records);
    for (const group of numberingRuns(ctx)) {
      let previous = 0;
      for (let i = 0; i < group.length; i++) {
        const record = group[i];
        const n = parseNumber(record.number)?.value ?? null;
        if (n === null) continue;
        if (n > previous + 1) {
          const missing = n - previous - 1 === 1 ? formatNumber(previous + 1, style) : `${formatNumber(previous + 1, style)}–${formatNumber(n - 1, style)}`;
          emit({ row: record.row, column: ctx.cols.number, record, params: { value: missing, found: record.number.trim() }, value: record.number, suggestion: formatNumber(previous + 1, style) });
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
    for (const group of numberingRuns(ctx)) {
      const seen = new Set<string>();
      for (let i = 0; i < group.length; i++) {
        const record = group[i];
        const written = record.number.trim();
        if (written === '') continue;
        // "1" and "1." are the same number written twice.
        const key = String(parseNumber(written)?.value ?? written);
        if (seen.has(key)) emit({ row: record.row, column: ctx.cols.number, record, params: { value: written }, value: written, suggestion: null });
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
    for (let i = 0; i < ctx.table.records.length; i++) {
      const record = ctx.table.records[i];
      if (record.number.trim() === '') emit({ row: record.row, column: ctx.cols.number, record, params: {}, value: null, suggestion: null });
    }
  },
};
