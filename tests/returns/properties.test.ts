import fc from 'fast-check';
import { defaultConfig } from '../../src/core';
import { masterTasks, matchReturns, type MergePlan, type ReturnInput } from '../../src/core/returns';
import { asReturn, fillReturn, masterLayoutReturn, seedMaster, seedSplit, sheetGrid, type Filled } from './round';

/** Merged progress by master sheet row. */
function progressByRow(plan: MergePlan): Map<number, string> {
  const { analysis } = seedMaster();
  const column = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  // Keyed by each task's (or sub-item's) first row: the rows below it map to the same merged row.
  const entryRows = new Set(masterTasks(analysis, defaultConfig()).map((t) => t.row));
  const out = new Map<number, string>();
  for (const { row, outputRow } of analysis.plan.rowMap) if (outputRow !== null && entryRows.has(row)) out.set(row, plan.rows[outputRow - 1][column]);
  return out;
}

const unitReturn = fc.record({
  unit: fc.nat(),
  renumber: fc.boolean(),
  shuffle: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1000 }),
  masterLayout: fc.boolean(),
  /** Which of the unit's tasks it answers: a bit mask over its rows (all bits set: all of them). */
  mask: fc.integer({ min: 1, max: 0xffff }),
  /** One row whose task text the unit retypes (a word inserted), or none. */
  edit: fc.option(fc.nat(), { nil: undefined }),
});

describe('merging generated returns (fast-check)', () => {
  test('every returned progress text lands on its own task and nothing is lost or placed twice', () => {
    const units = seedSplit().units;
    fc.assert(
      fc.property(fc.uniqueArray(unitReturn, { minLength: 1, maxLength: 8, selector: (r) => r.unit % units.length }), (picks) => {
        const filled: Filled[] = [];
        const returns: ReturnInput[] = [];
        for (const pick of picks) {
          const part = units[pick.unit % units.length];
          const answers = (_: unknown, i: number) => ((pick.mask >> i % 16) & 1) === 1;
          const editTask = pick.edit === undefined ? undefined : pick.edit % part.sheet.rows.length;
          const r = fillReturn(part, { renumber: pick.renumber, shuffle: pick.shuffle, seed: pick.seed, answers, editTask });
          filled.push(...r.filled);
          returns.push(asReturn(part.fileName, pick.masterLayout ? masterLayoutReturn(part, r.filled) : sheetGrid(r.sheet)));
        }
        const plan = matchReturns(seedMaster().analysis, returns, { config: defaultConfig() });
        const merged = progressByRow(plan);
        for (const f of filled) {
          // On its own task …
          expect(merged.get(f.row)).toContain(f.progress);
          // … and on no other.
          const elsewhere = [...merged].filter(([row, text]) => row !== f.row && text.includes(f.progress));
          expect(elsewhere).toEqual([]);
        }
        // Nothing returned is left out: every answer was placed, none reported as unmatched.
        expect(plan.findings.filter((x) => x.rule === 'returns.unmatched')).toEqual([]);
        expect(plan.matches).toHaveLength(filled.length);
      }),
      { numRuns: 25 },
    );
  });

  test('the same round merged twice gives the same plan (no dependence on anything but the inputs)', () => {
    const units = seedSplit().units.slice(0, 6);
    const returns = units.map((part, i) => asReturn(part.fileName, sheetGrid(fillReturn(part, { shuffle: i % 2 === 0, renumber: i % 3 === 0 }).sheet)));
    const a = matchReturns(seedMaster().analysis, returns);
    const b = matchReturns(seedMaster().analysis, [...returns]);
    expect(b.cells).toEqual(a.cells);
    expect(b.findings).toEqual(a.findings);
  });
});
