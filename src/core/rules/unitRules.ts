import { classifyUnit, parseUnits } from '../text/units';
import { closest } from './similarity';
import type { Rule, RuleContext } from './context';

/** The columns that list units: 责任单位 / 牵头单位, and 配合单位 / 协办单位 when the table has one. */
function unitColumns(ctx: RuleContext): number[] {
  return [ctx.cols.units, ctx.cols.coUnits].filter((c) => c >= 0);
}

export const unitUnknown: Rule = {
  id: 'unit.unknown',
  severity: 'warning',
  tags: ['#unit', '#cell'],
  description: { 'zh-CN': '责任单位应在单位名录中。', 'en-US': 'Each unit must be in the unit directory.' },
  check(ctx, emit) {
    if (ctx.dir.names.length === 0) return;
    const cache = new Map<string, string[]>();
    for (const column of unitColumns(ctx))
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      // Indexed, not for…of: this loop runs once per check, mostly before the optimiser has compiled it, and an iterator
      // per cell of every record was what the unit rules allocated most.
      const parts = parseUnits(entry.cells[column] ?? '', ctx.dir);
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        if (classifyUnit(part.text, ctx.dir) !== 'unknown') continue;
        let near = cache.get(part.text);
        if (!near) {
          near = closest(part.text, [...ctx.dir.names, ...ctx.dir.aliases.keys()]).map((n) => ctx.dir.aliases.get(n) ?? n);
          near = [...new Set(near)];
          cache.set(part.text, near);
        }
        emit({ row: entry.row, column, record, params: { value: part.text, suggestion: near.join('、') || undefined }, value: part.text, suggestion: near[0] ?? null });
      }
    }
  },
};

export const unitAlias: Rule = {
  id: 'unit.alias',
  severity: 'info',
  tags: ['#unit', '#cell'],
  description: { 'zh-CN': '简称或别名应改为名录中的规范名称。', 'en-US': 'Short or alternative names map to the directory name.' },
  check(ctx, emit) {
    for (const column of unitColumns(ctx))
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      const parts = parseUnits(entry.cells[column] ?? '', ctx.dir);
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        if (part.canonical !== undefined) emit({ row: entry.row, column, record, params: { value: part.text, suggestion: part.canonical }, value: part.text, suggestion: part.canonical });
      }
    }
  },
};

export const unitDuplicate: Rule = {
  id: 'unit.duplicate',
  severity: 'warning',
  tags: ['#unit', '#cell'],
  description: { 'zh-CN': '同一项的责任单位不应重复。', 'en-US': 'A unit is listed once per record.' },
  check(ctx, emit) {
    if (ctx.cols.units < 0) return;
    // Lists are a few names long: looking back along them costs less than a Set for every entry of the table.
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      const { units } = entry;
      for (let i = 1; i < units.length; i++) {
        const unit = units[i];
        if (units.lastIndexOf(unit, i - 1) >= 0) emit({ row: entry.row, column: ctx.cols.units, record, params: { value: unit }, value: unit, suggestion: null });
      }
      // A unit named both to lead and to assist, or twice among the assisting units.
      if (ctx.cols.coUnits >= 0 && entry.row === record.row) {
        const co = record.coUnits;
        for (let i = 0; i < co.length; i++) {
          const unit = co[i];
          if (units.includes(unit) || (i > 0 && co.lastIndexOf(unit, i - 1) >= 0)) emit({ row: entry.row, column: ctx.cols.coUnits, record, params: { value: unit }, value: unit, suggestion: null });
        }
      }
    }
  },
};

const LEAD_RE = /[（(]\s*牵头单位\s*[:：]\s*([^）)]+?)\s*[)）]/;

export const unitLeadNotFirst: Rule = {
  id: 'unit.lead-not-first',
  severity: 'warning',
  tags: ['#unit', '#cell'],
  description: { 'zh-CN': '任务中注明的牵头单位应列在责任单位第一位。', 'en-US': 'The lead unit named in the task comes first in the unit list.' },
  check(ctx, emit) {
    if (ctx.cols.units < 0) return;
    // The same few lead units are named task after task (most of a table's tasks may name one): each written list is
    // split once per check.
    const leadLists = new Map<string, string[]>();
    const records = ctx.table.records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const first = record.units[0];
      // The regular expression only where the words are: most tasks name no lead unit.
      const match = first !== undefined && record.task.includes('牵头单位') ? LEAD_RE.exec(record.task) : null;
      if (!match) continue;
      let leads = leadLists.get(match[1]);
      if (leads === undefined) {
        leads = match[1].split(/[、，,]/).map((s) => s.trim()).filter((s) => s !== '');
        leadLists.set(match[1], leads);
      }
      const lead = ctx.dir.aliases.get(leads[0]) ?? leads[0];
      if (first === lead || leads.includes(first)) continue;
      emit({ row: record.row, column: ctx.cols.units, record, params: { expected: lead, found: first }, value: first, suggestion: lead });
    }
  },
};
