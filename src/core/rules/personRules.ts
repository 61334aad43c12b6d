import { isPlaceholder } from '../text/units';
import { isRolePerson } from '../text/units';
import { sameSound } from '../text/pinyin';
import type { Entry, Rule, RuleContext } from './context';

export const personCountMismatch: Rule = {
  id: 'person.count-mismatch',
  severity: 'warning',
  tags: ['#person', '#cell'],
  description: { 'zh-CN': '责任人应与责任单位一一对应。', 'en-US': 'One person per unit, in the same order.' },
  check(ctx, emit) {
    if (ctx.cols.units < 0 || ctx.cols.persons < 0) return;
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
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
  },
};

/** The person a table names most often for a unit, with how often, out of how many mentions of the unit. */
interface Majority {
  person: string;
  count: number;
  total: number;
}

const byUnitCache = new WeakMap<RuleContext, Map<string, Majority>>();

/**
 * Who the table itself names most for each unit, counted over the entries whose lists line up (once per check run):
 * the person rules ask it for every unit of every entry, and a table names few units.
 */
function personsByUnit(ctx: RuleContext): Map<string, Majority> {
  const cached = byUnitCache.get(ctx);
  if (cached) return cached;
  const byUnit = new Map<string, Majority>();
  for (const [unit, counts] of countPersonsByUnit(ctx)) {
    const top = majority(counts);
    if (top) byUnit.set(unit, top);
  }
  byUnitCache.set(ctx, byUnit);
  return byUnit;
}

function countPersonsByUnit(ctx: RuleContext): Map<string, Map<string, number>> {
  const byUnit = new Map<string, Map<string, number>>();
  for (let n = 0; n < ctx.entries.length; n++) {
    const entry = ctx.entries[n];
    const { units, persons } = entry;
    if (units.length !== persons.length) continue;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      const person = persons[i];
      if (isPlaceholder(unit, ctx.dir) || isRolePerson(person)) continue;
      let counts = byUnit.get(unit);
      if (counts === undefined) {
        counts = new Map<string, number>();
        byUnit.set(unit, counts);
      }
      counts.set(person, (counts.get(person) ?? 0) + 1);
    }
  }
  return byUnit;
}

function majority(counts: Map<string, number>): Majority | null {
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

/** A clear majority: at least three mentions and three in four of them. */
function isClear(top: Majority): boolean {
  return top.count >= 3 && top.count / top.total >= 0.75;
}

/** The clear-majority person for a unit. */
function clearMajority(byUnit: Map<string, Majority>, unit: string): string | null {
  const top = byUnit.get(unit);
  return top && isClear(top) ? top.person : null;
}

/**
 * A people list with one name too few (or too many) whose names fit the units once a gap is put in (or a name
 * taken out) at the right place: the list slid by one. Returns the realigned list, or null when no realignment
 * explains at least two more names than the list as written.
 */
export function realignPersons(entry: Entry, byUnit: Map<string, Majority>): string[] | null {
  const { units, persons } = entry;
  if (Math.abs(units.length - persons.length) !== 1 || persons.length === 0) return null;
  const expected = units.map((u) => clearMajority(byUnit, u));
  const score = (list: Array<string | null>) => expected.reduce((n: number, person, i) => n + (list[i] !== null && list[i] === person ? 1 : 0), 0);
  const baseline = score(persons);
  let best: Array<string | null> | null = null;
  let bestScore = baseline + 1;
  for (let k = 0; k <= persons.length; k++) {
    const candidate: Array<string | null> =
      units.length > persons.length ? [...persons.slice(0, k), null, ...persons.slice(k)] : [...persons.slice(0, k), ...persons.slice(k + 1)];
    const value = score(candidate);
    if (value > bestScore) {
      best = candidate;
      bestScore = value;
    }
  }
  return best ? best.map((p) => p ?? '？') : null;
}

export const personShifted: Rule = {
  id: 'person.shifted',
  severity: 'warning',
  tags: ['#person', '#cell'],
  description: {
    'zh-CN': '责任人名单整体错位了一格（少写或多写了一人）。',
    'en-US': 'The people list slid by one place against the units (a name missing or extra).',
  },
  check(ctx, emit) {
    if (ctx.cols.units < 0 || ctx.cols.persons < 0) return;
    const byUnit = personsByUnit(ctx);
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { record } = entry;
      const aligned = realignPersons(entry, byUnit);
      if (!aligned) continue;
      const pair = (list: string[]) => entry.units.map((u, i) => `${u}—${list[i] ?? '？'}`).join('、');
      emit({ row: entry.row, column: ctx.cols.persons, record, params: { value: pair(entry.persons), suggestion: pair(aligned) }, value: entry.persons.join('、'), suggestion: aligned.join('、') });
    }
  },
};

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
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      const { units, persons } = entry;
      if (units.length !== persons.length) continue;
      for (let i = 0; i < units.length; i++) {
        const unit = units[i];
        const person = persons[i];
        const top = byUnit.get(unit);
        if (!top || isRolePerson(person)) continue;
        if (top.person === person || !isClear(top)) continue;
        emit({
          row: entry.row,
          column: ctx.cols.persons,
          record: entry.record,
          // Same sound, other characters: most likely the input method's slip, worth saying.
          params: { value: person, suggestion: top.person, other: unit, count: top.count, ...(sameSound(person, top.person) ? { found: 'homophone' } : {}) },
          value: person,
          suggestion: top.person,
        });
      }
    }
  },
};
