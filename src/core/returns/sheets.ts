/** What a round writes, as sheet specs: the merged master, its change log, who answered, the findings, the comparison. */
import { MAX_CELL_TEXT } from '../sheets';
import { officialLabel } from '../summary/officialLabel';
import { truncateUtf16 } from '../sheets/sheetName';
import type { Lang } from '../types';
import { STATUS_CHANGES, type Comparison } from './compare';
import { changeLabels, roundLabels, roundSheetNames, severityLabels } from './labels';
import type { MergePlan, RoundFinding, RoundSheet } from './types';

const cell = (text: string) => truncateUtf16(text, MAX_CELL_TEXT);

/** The merged master as its own sheet: title and header rows as the repaired table has them, values filled in. */
export function mergedSheet(plan: MergePlan, lang: Lang): RoundSheet {
  const headerIndex = plan.rows.findIndex((r, i) => i >= 0 && r.join('\u0000') === plan.columns.join('\u0000'));
  const title = headerIndex > 0 ? plan.rows.slice(0, headerIndex).map((r) => r.filter((v) => v !== '').join(' ')) : [];
  const body = plan.rows.slice(headerIndex >= 0 ? headerIndex + 1 : 0);
  return {
    name: roundSheetNames.merged[lang],
    ...(title.length > 0 ? { title } : {}),
    columns: plan.columns,
    rows: body.map((r) => r.map(cell)),
    widths: plan.columns.map((c, i) => (i === 0 ? 8 : /进展|progress/i.test(c) ? 60 : /任务|task/i.test(c) ? 40 : 16)),
    wrap: true,
  };
}

function sourceText(sources: MergePlan['cells'][number]['sources']): string {
  return sources.map((s) => `${s.file} / ${s.unit ?? '—'} / ${s.row}`).join('\n');
}

/** Every cell the merge filled: where, before, after, from which file and row. */
export function mergeLogSheet(plan: MergePlan, lang: Lang): RoundSheet {
  const L = roundLabels;
  return {
    name: roundSheetNames.mergeLog[lang],
    columns: [L.outputRow[lang], L.masterRow[lang], L.number[lang], L.column[lang], L.before[lang], L.after[lang], L.source[lang]],
    rows: plan.cells.map((c) => [c.outputRow, c.masterRow, c.number, c.columnLabel, cell(c.before), cell(c.after), sourceText(c.sources)]),
    widths: [10, 10, 8, 12, 50, 50, 40],
    wrap: true,
  };
}

/** Per unit: what it leads and shares, whether it answered, what is missing. */
export function answersSheet(plan: MergePlan, lang: Lang): RoundSheet {
  const L = roundLabels;
  return {
    name: roundSheetNames.answers[lang],
    columns: [L.unit[lang], L.answered[lang], L.files[lang], L.leads[lang], L.shares[lang], L.returned[lang], L.missingLeads[lang]],
    rows: plan.units.map((u) => [u.unit, u.files.length > 0 ? L.yes[lang] : L.no[lang], u.files.join('\n'), u.leads, u.shares, u.returned, u.missingLeads]),
    widths: [24, 10, 40, 10, 10, 12, 14],
  };
}

export function findingsSheet(findings: RoundFinding[], lang: Lang): RoundSheet {
  const L = roundLabels;
  return {
    name: roundSheetNames.findings[lang],
    columns: [L.severity[lang], L.rule[lang], L.file[lang], L.cell[lang], L.number[lang], L.message[lang]],
    rows: findings.map((f) => [severityLabels[f.severity][lang], f.rule, f.file ?? L.master[lang], f.cell ?? String(f.row), f.number ?? '', cell(f.messages[lang])]),
    widths: [8, 26, 30, 10, 8, 80],
    wrap: true,
  };
}

/** The merge's output sheets, in the order they are added to the master's workbook. */
export function mergeSheets(plan: MergePlan, lang: Lang): RoundSheet[] {
  return [mergedSheet(plan, lang), mergeLogSheet(plan, lang), answersSheet(plan, lang), findingsSheet(plan.findings, lang)];
}

/** The comparison: one row per task (the changes a manager asks about first), then the counts per official with a chart. */
export function compareSheets(comparison: Comparison, lang: Lang): RoundSheet[] {
  const L = roundLabels;
  const order = new Map(STATUS_CHANGES.map((c, i) => [c, i] as const));
  const tasks = comparison.tasks.slice().sort((a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0) || (a.row ?? a.lastRow ?? 0) - (b.row ?? b.lastRow ?? 0));
  const shown = STATUS_CHANGES.filter((c) => c !== 'steady' && c !== 'dropped');
  const rows = comparison.byOfficial.map((o) => [officialLabel(o.official, lang), ...shown.map((c) => o.counts[c]), o.total]);
  rows.push([L.total[lang], ...shown.map((c) => comparison.counts[c]), comparison.byOfficial.reduce((n, o) => n + o.total, 0)]);
  return [
    {
      name: roundSheetNames.compared[lang],
      columns: [L.number[lang], L.task[lang], L.official[lang], L.before_status[lang], L.now_status[lang], L.change[lang], L.periods[lang]],
      rows: tasks.map((t) => [t.number, cell(t.task), t.official ?? '', t.before ?? '', t.now ?? '', changeLabels[t.change][lang], t.periods ?? '']),
      widths: [8, 50, 14, 16, 16, 14, 12],
      wrap: true,
    },
    {
      name: roundSheetNames.changesByOfficial[lang],
      columns: [L.official[lang], ...shown.map((c) => changeLabels[c][lang]), L.tasks[lang]],
      rows,
      widths: [14, ...shown.map(() => 12), 10],
      totalsRow: true,
      chart: { title: L.chart[lang], categoryColumn: 0, seriesColumns: [1, 2, 3, 4] },
    },
  ];
}
