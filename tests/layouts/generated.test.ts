/**
 * Every layout × every paste artifact, on generated records: each record comes back with its official, section
 * path, units, assisting units, people, status and deadline; carried columns come through; no false finding.
 */
import fc from 'fast-check';
import { analyze, analyzeWorkbook, defaultConfig, type Finding, type TaskRecord } from '../../src/core';
import { cellText } from '../../src/core/grid/gridView';
import { ARTIFACTS, LAYOUTS, TODAY, dataArb, gapRun, numberingArb, renderLayout, written, type ExpectedLayoutRecord } from './generator';

const config = defaultConfig();
/** Rules that must stay silent on a clean generated table (unit.alias is info only and never fires: names are canonical). */
const SILENT = /^(numbering|count|status|unit|person|record|required|table|cell)\./;

function actual(r: TaskRecord, sheet: string, carried: (r: TaskRecord) => Record<string, string>): ExpectedLayoutRecord {
  return {
    number: r.number,
    task: r.task,
    official: r.official,
    officialSource: r.officialSource,
    sectionPath: r.sectionPath,
    units: r.units,
    coUnits: r.coUnits,
    persons: r.persons,
    status: r.status ?? '',
    deadline: r.deadline?.date ?? null,
    carried: carried(r),
    sheet,
  };
}

const cases = LAYOUTS.flatMap((layout) => ARTIFACTS.map((artifact) => [layout, artifact] as const));

describe.each(cases)('%s × %s', (layout, artifact) => {
  test('every record and every field comes back, with no false finding', () => {
    fc.assert(
      fc.property(dataArb, numberingArb, (data, style) => {
        const { sheets, expected } = renderLayout(layout, data, style, artifact);
        const result = analyzeWorkbook(sheets, { config, today: TODAY });
        const records: ExpectedLayoutRecord[] = [];
        const findings: Finding[] = [];
        for (const sheet of result.sheets) {
          expect(sheet.skipped).toBeNull();
          const analysis = sheet.analysis!;
          const { header } = analysis.table;
          const carried = (r: TaskRecord) => {
            const out: Record<string, string> = {};
            for (const c of header.columns) if (c.label === '备注' || /^\d+月$/.test(c.label)) out[c.label] = r.cells[c.column] ?? '';
            return out;
          };
          records.push(...analysis.table.records.map((r) => actual(r, sheet.name, carried)));
          findings.push(...analysis.findings);
          // The repaired sheet keeps every carried column, in order, with its header.
          const plan = analysis.plan;
          for (const label of Object.keys(expected[0]?.carried ?? {})) expect(plan.columns).toContain(label);
          // Nothing lost: every line of text on the sheet is in the repaired table or the removed rows.
          const blob = [...plan.rows.flatMap((r) => r.values), ...plan.removed.flatMap((r) => r.values)].join('|');
          for (const value of sheets.find((s) => s.name === sheet.name)!.grid.values.flat()) {
            for (const line of cellText(value).split('\n')) if (line.trim() !== '') expect(blob.includes(line.trim())).toBe(true);
          }
          // Repair is idempotent: the repaired sheet reads back to the same rows with nothing left to change, and its
          // records keep their officials and section paths (the official now from the column fix added).
          const again = analyze({ values: plan.rows.map((r) => r.values), merges: [], origin: { row: 1, column: 1 } }, { config, today: TODAY, sheetOfficial: sheet.officialFromName });
          expect(again.plan.changes).toEqual([]);
          expect(again.plan.rows.map((r) => r.values)).toEqual(plan.rows.map((r) => r.values));
          expect(again.table.records.map((r) => [r.official, r.sectionPath, r.status, r.deadline])).toEqual(analysis.table.records.map((r) => [r.official, r.sectionPath, r.status, r.deadline]));
        }
        expect(records).toEqual(expected);
        expect(findings.filter((f) => f.severity === 'error' || SILENT.test(f.rule)).map((f) => `${f.rule} ${f.cell} ${f.messages['zh-CN']}`)).toEqual([]);

        // The summary by official: the generated officials with their counts, or one bucket saying none is named.
        const counts = new Map<string, number>();
        for (const e of expected) counts.set(e.official ?? '未标明分管领导', (counts.get(e.official ?? '未标明分管领导') ?? 0) + 1);
        expect(new Map(result.summary.byOfficial.map((o) => [o.official, o.total]))).toEqual(counts);
        expect(result.summary.officialSource).toBe(expected[0].officialSource ?? 'none');
        // Lagging: a lagging status, or a deadline passed before TODAY without 已完成.
        const lagging = expected.filter((e) => e.status === '未按进度完成' || (e.deadline !== null && e.deadline < TODAY && e.status !== '已完成'));
        expect(result.summary.lagging.map((t) => [t.sheet, t.number])).toEqual(lagging.map((e) => [e.sheet, e.number]));
      }),
      { numRuns: 12 },
    );
  });
});

describe.each(cases)('%s × %s, a number skipped', (layout, artifact) => {
  test('exactly one numbering.gap, at the record after the gap, named in the table\'s own numbering style', () => {
    fc.assert(
      fc.property(dataArb, numberingArb, (data, style) => {
        const { sheets, expected } = renderLayout(layout, data, style, artifact, { gap: true });
        const result = analyzeWorkbook(sheets, { config, today: TODAY });
        const gaps = result.sheets.flatMap((s) => s.analysis?.findings.filter((f) => f.rule === 'numbering.gap').map((f) => [s.name, f.number, f.suggestion]) ?? []);
        const at = gapRun(layout, data);
        const shown = layout === 'section-rows' ? 'plain' : style;
        // The expected records carry the skipped numbers: the gap sits before the first number that is not its predecessor + 1.
        const second = at === null ? null : expected.find((e, i) => i > 0 && e.number === written(3, shown) && expected[i - 1].number === written(1, shown));
        expect(gaps).toEqual(second ? [[second.sheet, second.number, written(2, shown)]] : []);
        expect(result.sheets.flatMap((s) => s.analysis?.findings.filter((f) => f.severity === 'error') ?? [])).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
