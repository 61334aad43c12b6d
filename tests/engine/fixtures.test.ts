import { allFixtures } from '../fixtures/render';
import { compactName } from '../../src/core/text/lists';
import { fieldText, run } from './helpers';

/** Units as the engine lists them: wrapped names rejoined (the fixture says which), aliases mapped. */
const withoutBlankLines = (text: string) => text.split('\n').filter((l) => l.trim() !== '').join('\n');
/** Lines that name one person (2–4 characters), not a role such as 有关部门负责人. */
const isPersonName = (line: string) => /^[\u4e00-\u9fff]{2,4}$/.test(line) && !/(部门|单位|小组|负责人)$/.test(line);
const splitLines = (text: string) => text.split('\n').map((s) => s.trim()).filter((s) => s !== '');

describe.each(allFixtures().map((f) => [f.name, f] as const))('%s: records put back together', (_name, fixture) => {
  const analysis = run(fixture.grid);
  const records = analysis.table.records;

  test('one record per task, in order, with the right numbers and sections', () => {
    expect(records.map((r) => [r.section, r.number])).toEqual(fixture.expected.map((e) => [e.section, e.number]));
  });

  test('every cell text is joined back exactly', () => {
    fixture.expected.forEach((e, i) => {
      const r = records[i];
      expect(r.task).toBe(e.task);
      if (e.subItems) {
        expect(r.subItems?.map((s) => s.text)).toEqual(e.subItems.map((s) => s.text));
        // A progress cell shared by several sub-items (merged in Word) is read once, by the first of them.
        const shared = e.subItems.map((s, k) => k > 0 && withoutBlankLines(s.progress) === withoutBlankLines(e.subItems?.[k - 1].progress ?? ''));
        expect(r.subItems?.map((s) => s.statusShared)).toEqual(shared.map((x, k) => x || (k > 0 && e.subItems?.[k].progress === '')));
        expect(r.subItems?.map((s) => withoutBlankLines(s.progress))).toEqual(e.subItems.map((s, k) => (shared[k] ? '' : withoutBlankLines(s.progress))));
      } else {
        // Blank paragraphs may move at a block boundary; every line of text stays, in order.
        expect(withoutBlankLines(fieldText(analysis, r, 'progress'))).toBe(withoutBlankLines(e.progress));
        expect(fieldText(analysis, r, 'plan')).toBe(e.plan);
        if (!e.joinedUnits) expect(fieldText(analysis, r, 'units')).toBe(e.units);
        expect(fieldText(analysis, r, 'persons')).toBe(e.persons);
      }
    });
  });

  test('wrapped unit names are rejoined and people are listed without padding', () => {
    fixture.expected.forEach((e, i) => {
      const r = records[i];
      const items = e.subItems ? e.subItems.map((s, k) => [s, r.subItems?.[k]] as const) : [[e, r] as const];
      for (const [exp, got] of items) {
        if (!got) continue;
        for (const joined of exp.joinedUnits ?? []) expect(got.units).toContain(joined.unit);
        const persons = splitLines(exp.persons).map(compactName);
        for (const p of persons.filter(isPersonName)) expect(got.persons).toContain(p);
      }
    });
  });
});
