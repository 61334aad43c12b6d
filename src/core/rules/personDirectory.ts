import { isPlaceholder, isRolePerson } from '../text/units';
import { sameSound, soundSimilarity } from '../text/pinyin';
import type { Rule, RuleContext } from './context';

const directoryCache = new WeakMap<RuleContext, Map<string, string>>();

/** unit → the 负责人 the config's directory names for it (UnitEntry.person). */
function personDirectory(ctx: RuleContext): Map<string, string> {
  let map = directoryCache.get(ctx);
  if (!map) {
    map = new Map(ctx.config.units.filter((u) => u.person !== undefined && u.person !== '').map((u) => [u.name, u.person as string]));
    directoryCache.set(ctx, map);
  }
  return map;
}

/** Same length, every character but one the same: a slip of the shape (李文聪 / 李文葱). */
function oneCharOff(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((ch, i) => ch !== y[i]).length === 1;
}

/**
 * The person written for a unit against the office's person directory (unit → 负责人 in the config). Only a name
 * that sounds like the directory's (梁明健 for 梁明建, both liáng míng jiàn) or is one character off is reported:
 * a wholly different name is a new person, which the directory cannot know yet.
 */
export const personDirectoryRule: Rule = {
  id: 'person.directory',
  severity: 'warning',
  tags: ['#person', '#cell'],
  description: {
    'zh-CN': '责任人应与人员名录（单位 → 负责人）一致；同音或形近的写法多为输入法选字错误。',
    'en-US': 'The person matches the directory (unit → person); a homophone or a one-character slip is usually an input-method typo.',
  },
  check(ctx, emit) {
    if (ctx.cols.units < 0 || ctx.cols.persons < 0) return;
    const directory = personDirectory(ctx);
    if (directory.size === 0) return;
    for (let n = 0; n < ctx.entries.length; n++) {
      const entry = ctx.entries[n];
      if (entry.units.length !== entry.persons.length) continue;
      entry.units.forEach((unit, i) => {
        const expected = directory.get(unit);
        const written = entry.persons[i];
        if (expected === undefined || written === expected || isPlaceholder(unit, ctx.dir) || isRolePerson(written)) return;
        const homophone = sameSound(written, expected);
        if (!homophone && !oneCharOff(written, expected) && soundSimilarity(written, expected) < 0.75) return;
        emit({
          row: entry.row,
          column: ctx.cols.persons,
          record: entry.record,
          params: { value: written, suggestion: expected, other: unit, found: homophone ? 'homophone' : 'near' },
          value: written,
          suggestion: expected,
        });
      });
    }
  },
};
