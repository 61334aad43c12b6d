import { isPlaceholder } from '../text/units';
import { isRolePerson } from '../text/units';
import { entries, type Entry, type Rule, type RuleContext } from './context';

export const personCountMismatch: Rule = {
  id: 'person.count-mismatch',
  severity: 'warning',
  tags: ['#person', '#cell'],
  description: { 'zh-CN': '责任人应与责任单位一一对应。', 'en-US': 'One person per unit, in the same order.' },
  check(ctx, emit) {
    if (ctx.cols.units < 0 || ctx.cols.persons < 0) return;
    for (const record of ctx.table.records) {
      for (const entry of entries(record)) {
        if (entry.persons.length === 0 || entry.units.length === entry.persons.length) continue;
        emit({
          row: entry.row,
          column: ctx.cols.persons,
          record,
          params: { expected: entry.units.length, found: entry.persons.length },
          value: entry.persons.join('、'),
          suggestion: null,
        });
      }
    }
  },
};

/** Who the table itself names for each unit, counted over the entries whose lists line up. */
function personsByUnit(ctx: RuleContext): Map<string, Map<string, number>> {
  const byUnit = new Map<string, Map<string, number>>();
  for (const record of ctx.table.records) {
    for (const entry of entries(record)) {
      if (entry.units.length !== entry.persons.length) continue;
      entry.units.forEach((unit, i) => {
        const person = entry.persons[i];
        if (isPlaceholder(unit, ctx.dir) || isRolePerson(person)) return;
        const counts = byUnit.get(unit) ?? new Map<string, number>();
        counts.set(person, (counts.get(person) ?? 0) + 1);
        byUnit.set(unit, counts);
      });
    }
  }
  return byUnit;
}

function majority(counts: Map<string, number>): { person: string; count: number; total: number } | null {
  let best: string | null = null;
  let bestCount = 0;
  let total = 0;
  for (const [person, n] of counts) {
    total += n;
    if (n > bestCount) {
      best = person;
      bestCount = n;
    }
  }
  return best === null ? null : { person: best, count: bestCount, total };
}

export const personInconsistent: Rule = {
  id: 'person.inconsistent',
  severity: 'warning',
  tags: ['#person', '#cell'],
  description: {
    'zh-CN': '同一单位的责任人应与本表其他各处一致（以明显多数为准）。',
    'en-US': 'The person for a unit matches what the rest of the table says, by a clear majority.',
  },
  check(ctx, emit) {
    if (ctx.cols.units < 0 || ctx.cols.persons < 0) return;
    const byUnit = personsByUnit(ctx);
    const check = (entry: Entry) => {
      if (entry.units.length !== entry.persons.length) return;
      entry.units.forEach((unit, i) => {
        const person = entry.persons[i];
        const counts = byUnit.get(unit);
        if (!counts || isRolePerson(person)) return;
        const top = majority(counts);
        // A clear majority: at least three mentions and three in four of them.
        if (!top || top.person === person || top.count < 3 || top.count / top.total < 0.75) return;
        emit({
          row: entry.row,
          column: ctx.cols.persons,
          record: entry.record,
          params: { value: person, suggestion: top.person, other: unit, count: top.count },
          value: person,
          suggestion: top.person,
        });
      });
    };
    for (const record of ctx.table.records) entries(record).forEach(check);
  },
};
