/**
 * What the 合并报送 step shows before anything is written, as plain data: who answered and who did not, per task what
 * will change (old → new status and progress, from which units, and the conflicts), and the round's findings grouped
 * by rule in words. Built from the full MergePlan where it is made (the page's worker, the add-in's pane), so the page
 * receives a few kilobytes instead of the merged table, and both front ends show the same thing.
 */
import { columnsByField } from '../core/table/readTable';
import { periodOf, roundRuleCatalog, type MergePlan, type MergedCell, type TaskMatch, type UnitAnswer } from '../core/returns';
import type { Analysis, Lang, Severity } from '../core/types';

/** Tasks listed in the preview; the rest are counted (the merge log in the workbook has every cell). */
export const CHANGES_SHOWN = 50;
/** Findings shown per rule, as the 校验 step shows them (CheckPanel's GROUP_LIMIT). */
export const FINDINGS_SHOWN_PER_RULE = 10;
/** Progress texts are long: the preview shows their start. */
const TEXT_SHOWN = 160;

export interface ValueChange {
  before: string;
  after: string;
}

/** One master task the merge fills: where it is, who answered it, what changes. */
export interface TaskChange {
  /** The task's sheet row in the master. */
  row: number;
  /** section.number (or the number) as the units saw it. */
  ref: string;
  /** The task text's first line, cut. */
  task: string;
  /** Who the new text comes from, the lead unit first (a file name when the sender is not known). */
  units: string[];
  status: ValueChange | null;
  progress: ValueChange | null;
  /** Returns that give the task different statuses: each sender and its status, the one kept first. */
  conflict: Array<{ unit: string; status: string }> | null;
}

export interface FindingLine {
  file: string | null;
  cell: string | null;
  row: number;
  number: string | null;
  messages: Record<Lang, string>;
}

export interface FindingGroup {
  rule: string;
  severity: Severity;
  /** What the rule checks, in both languages: the group's heading (the id is never shown). */
  description: Record<Lang, string>;
  count: number;
  shown: FindingLine[];
}

export interface MergeOverview {
  period: string | null;
  returns: Array<{ file: string; unit: string | null; tasks: number; matched: number }>;
  units: UnitAnswer[];
  /** Cells the merge fills (progress, status, the title's period). */
  cellCount: number;
  /** Tasks that get a new value. */
  taskCount: number;
  /** The first CHANGES_SHOWN of them, in table order. */
  changes: TaskChange[];
  /** The title's period, last period's → this one (the returns' titles say which). */
  title: ValueChange | null;
  findingCount: number;
  findings: FindingGroup[];
}

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);
/** A progress text for the preview: blank lines between its paragraphs dropped (a Word paste has many), then cut. */
const shown = (text: string) => cut(text.replace(/\n[\s\u3000]*(?=\n)/g, '').trim(), TEXT_SHOWN);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function findingGroups(plan: MergePlan): FindingGroup[] {
  const catalog = roundRuleCatalog();
  const order = new Map(catalog.map((rule, i) => [rule.id, i] as const));
  const groups = new Map<string, FindingGroup>();
  for (const finding of plan.findings) {
    let group = groups.get(finding.rule);
    if (!group) {
      const description = catalog.find((rule) => rule.id === finding.rule)?.description;
      group = { rule: finding.rule, severity: finding.severity, description: description ? { ...description } : { 'zh-CN': '其他问题', 'en-US': 'Other findings' }, count: 0, shown: [] };
      groups.set(finding.rule, group);
    }
    group.count += 1;
    if (group.shown.length < FINDINGS_SHOWN_PER_RULE) group.shown.push({ file: finding.file, cell: finding.cell, row: finding.row, number: finding.number, messages: { ...finding.messages } });
  }
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (order.get(a.rule) ?? 99) - (order.get(b.rule) ?? 99));
}

function taskChange(cells: MergedCell[], progressColumn: number, matches: TaskMatch[], conflicting: boolean): TaskChange {
  const [first] = cells;
  const progressCell = cells.find((c) => c.column === progressColumn) ?? null;
  const statusCell = cells.find((c) => c.column !== progressColumn) ?? null;
  // The sources are in the order the merge keeps texts: the lead unit first.
  const rank = new Map(first.sources.map((s, i) => [`${s.file}\u0000${s.row}`, i] as const));
  const ordered = matches.slice().sort((a, b) => (rank.get(`${a.file}\u0000${a.returned.row}`) ?? 99) - (rank.get(`${b.file}\u0000${b.returned.row}`) ?? 99));
  const before = ordered[0]?.master.status ?? '';
  const after = ordered.find((m) => m.returned.status !== null)?.returned.status ?? '';
  const status = statusCell ? { before: statusCell.before, after: statusCell.after } : after !== '' && after !== before ? { before, after } : null;
  const withStatus = ordered.filter((m) => m.returned.status !== null);
  return {
    row: first.masterRow,
    ref: first.ref || first.number,
    task: cut(first.task.split('\n')[0].trim(), 60),
    units: [...new Set(first.sources.map((s) => s.unit ?? s.file))],
    status,
    progress: progressCell ? { before: shown(progressCell.before), after: shown(progressCell.after) } : null,
    conflict: conflicting ? withStatus.map((m) => ({ unit: m.unit ?? m.file, status: m.returned.status ?? '' })) : null,
  };
}

/** The master's progress column; without the master, the merged table's column named so (as mergedSheet sizes it). */
function progressColumnOf(plan: MergePlan, master: Analysis | undefined): number {
  if (master) return columnsByField(master.table.header).progress;
  return plan.columns.findIndex((c) => /进展|progress/i.test(c));
}

export function mergeOverview(plan: MergePlan, master?: Analysis): MergeOverview {
  const progressColumn = progressColumnOf(plan, master);
  const byRow = new Map<number, MergedCell[]>();
  let title: ValueChange | null = null;
  for (const cell of plan.cells) {
    // The title's period is the only cell without a source.
    if (cell.sources.length === 0) {
      // Shown as "标题中的期别：1-9月 → 1-10月": the periods, not both whole titles (the whole title when none is found).
      title ??= { before: periodOf(cell.before) ?? cell.before, after: periodOf(cell.after) ?? cell.after };
      continue;
    }
    const list = byRow.get(cell.masterRow);
    if (list) list.push(cell);
    else byRow.set(cell.masterRow, [cell]);
  }
  const conflicts = new Set(plan.findings.filter((f) => f.rule === 'returns.conflict' && f.file === null).map((f) => f.row));
  const rows = [...byRow.keys()];
  const changes = rows.slice(0, CHANGES_SHOWN).map((row) =>
    taskChange(
      byRow.get(row) ?? [],
      progressColumn,
      plan.matches.filter((m) => m.master.row === row),
      conflicts.has(row),
    ),
  );
  return {
    period: plan.period,
    returns: plan.returns.map(({ file, unit, tasks, matched }) => ({ file, unit, tasks, matched })),
    units: plan.units.map((u) => ({ ...u, files: u.files.slice() })),
    cellCount: plan.cells.length,
    taskCount: rows.length,
    changes,
    title,
    findingCount: plan.findings.length,
    findings: findingGroups(plan),
  };
}
