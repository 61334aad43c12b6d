import { allFixtures } from '../fixtures/render';
import { cellText } from '../../src/core/grid/gridView';
import { repairedGrid, run } from './helpers';

describe.each(allFixtures().map((f) => [f.name, f] as const))('%s: the repair plan', (_name, fixture) => {
  const analysis = run(fixture.grid);
  const { plan, table } = analysis;

  test('one output row per record (one per sub-item for tasks with sub-items), plus title, header and section rows', () => {
    const recordRows = table.records.reduce((n, r) => n + (r.subItems?.length || 1), 0);
    expect(plan.rows.filter((r) => r.kind === 'record')).toHaveLength(recordRows);
    expect(plan.rows.filter((r) => r.kind === 'section')).toHaveLength(table.sections.length);
    expect(plan.rows.filter((r) => r.kind === 'header')).toHaveLength(1);
    expect(plan.rows.every((r) => r.values.length === plan.columns.length)).toBe(true);
  });

  test('nothing is lost: every line of text on the sheet is in the repaired table or in a logged removed row', () => {
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const outputTexts = [...plan.rows.flatMap((r) => r.values), ...plan.removed.flatMap((r) => r.values)];
    const outputLines = new Set(outputTexts.flatMap((t) => t.split('\n')).map(squeeze));
    const blob = squeeze(outputTexts.join('|'));
    const lost = fixture.grid.values
      .flat()
      .flatMap((v) => cellText(v).split('\n'))
      .map(squeeze)
      .filter((line) => line !== '' && !outputLines.has(line) && !blob.includes(line));
    expect(lost).toEqual([]);
  });

  test('every sheet row is accounted for: kept in an output row or removed with a reason', () => {
    const mapped = new Set(plan.rowMap.map((m) => m.row));
    for (let r = 0; r < fixture.grid.values.length; r++) expect(mapped.has(fixture.grid.origin.row + r)).toBe(true);
    for (const removed of plan.removed) expect(['blank', 'repeated-header', 'page-number']).toContain(removed.reason);
  });

  test('repair is idempotent: the repaired table reads back to the same records and needs no change', () => {
    const again = run(repairedGrid(analysis));
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.rows.map((r) => r.values)).toEqual(plan.rows.map((r) => r.values));
    expect(again.table.records.map((r) => [r.number, r.task, r.units, r.persons, r.status])).toEqual(
      table.records.map((r) => [r.number, r.task, r.units, r.persons, r.status]),
    );
  });

  test('the change log says what was collapsed and removed', () => {
    const collapsed = plan.changes.filter((c) => c.op === 'collapse-rows');
    expect(collapsed.length).toBe(plan.rows.filter((r) => r.kind === 'record' && r.sourceRows.length > 1).length);
    if (!_name.includes('pdf')) expect(collapsed.length).toBeGreaterThan(0);
    expect(plan.changes.filter((c) => c.op === 'remove-row')).toHaveLength(plan.removed.length);
    for (const c of plan.changes) expect(c.messages['zh-CN']).not.toBe('');
  });
});

