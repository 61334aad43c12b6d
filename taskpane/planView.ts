import type { Change, RemovalReason, RemovedRow, RepairPlan } from '../src/core/types';

/** What the repair preview lists: the plan's change log split the way a clerk reads it. */
export interface RepairPreview {
  /** Records rebuilt from several sheet rows (change log `collapse-rows`). */
  collapsed: Change[];
  /** Sheet rows that went into those records. */
  collapsedSourceRows: number;
  removed: RemovedRow[];
  removedByReason: Record<RemovalReason, number>;
  /** Cell-level edits: joined continuations, canonical unit names, trimmed persons, split merges … */
  cellChanges: Change[];
  outputRows: number;
  /** Nothing to repair: the plan writes the table back as it is. */
  unchanged: boolean;
}

const ROW_LEVEL_OPS: ReadonlySet<Change['op']> = new Set(['collapse-rows', 'remove-row']);

export function previewPlan(plan: RepairPlan): RepairPreview {
  const collapsed = plan.changes.filter((change) => change.op === 'collapse-rows');
  const removedByReason: Record<RemovalReason, number> = { blank: 0, 'repeated-header': 0, 'page-number': 0 };
  for (const row of plan.removed) removedByReason[row.reason] += 1;
  const cellChanges = plan.changes.filter((change) => !ROW_LEVEL_OPS.has(change.op));
  return {
    collapsed,
    collapsedSourceRows: collapsed.reduce((sum, change) => sum + change.sourceRows.length, 0),
    removed: plan.removed,
    removedByReason,
    cellChanges,
    outputRows: plan.rows.length,
    unchanged: plan.changes.length === 0 && plan.removed.length === 0 && plan.mergesRemoved === 0,
  };
}

/** Sheet rows as a clerk writes them: runs of consecutive rows joined with a dash ("3–5, 9"). */
export function formatRows(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = sorted[0];
  for (const row of sorted.slice(1).concat(Number.NaN)) {
    if (row === previous + 1) {
      previous = row;
      continue;
    }
    if (start !== undefined) parts.push(start === previous ? String(start) : `${start}–${previous}`);
    start = row;
    previous = row;
  }
  return parts.join(', ');
}
