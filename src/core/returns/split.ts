/**
 * planSplit: the round sent out. One sheet per 责任单位 with the tasks it leads, then those it shares; last
 * period's progress beside the cells to fill; the status as a drop-down of the office's vocabulary; every other
 * cell locked, so that the return comes back in a shape the merge reads at once.
 */
import { defaultConfig, type Config } from '../config/schema';
import { columnsByField } from '../table/readTable';
import { toA1 } from '../grid/address';
import type { Analysis } from '../types';
import { answeringUnits, masterTasks } from './tasks';
import { periodOf } from './text';
import type { MasterTask, RoundSheet } from './types';

/** Column labels of a unit's sheet. They are the engine's header names, so the return is read like any table. */
export const SPLIT_LABELS = {
  number: '序号',
  task: '工作任务',
  plan: '节点计划',
  units: '责任单位',
  persons: '责任人',
  role: '承担方式',
  last: '上期进展情况（参考）',
  status: '进展状态',
  progress: '进展情况',
} as const;

export const ROLE_LEAD = '牵头';
export const ROLE_SHARE = '配合';

export interface SplitOptions {
  config?: Config;
  /** The period the units report on (2018年1-10月); default: the period named in the master's title. */
  period?: string | null;
}

export interface UnitSplit {
  unit: string;
  /** A file name made from the unit's name: no path separators or characters Windows refuses, unique in the round. */
  fileName: string;
  /** The same without its extension, for the unit's other files (the Word form beside the workbook). */
  baseName: string;
  leads: MasterTask[];
  shares: MasterTask[];
  sheet: RoundSheet;
}

export interface SplitPlan {
  period: string | null;
  units: UnitSplit[];
  /** Tasks no unit can answer for (no unit named, or only a group such as 各成员单位): sent to nobody. */
  unassigned: MasterTask[];
}

/** Characters a file name cannot hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\p{Cc}]/gu;

/** A file name from a unit's name: unsafe characters replaced, no leading dots, at most 60 characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE_FILE_CHARS, '_').replace(/^[.\s]+|[.\s]+$/g, '').trim();
  const cut = [...cleaned].slice(0, 60).join('');
  return cut === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cut) ? `_${cut}` : cut;
}

export function planSplit(analysis: Analysis, options: SplitOptions = {}): SplitPlan {
  const config = options.config ?? defaultConfig();
  const period = options.period ?? periodOf(analysis.table.title);
  const tasks = masterTasks(analysis, config);
  const byUnit = new Map<string, { leads: MasterTask[]; shares: MasterTask[] }>();
  const unassigned: MasterTask[] = [];
  for (const task of tasks) {
    const units = answeringUnits(task, config);
    if (units.length === 0) unassigned.push(task);
    for (const unit of units) {
      let part = byUnit.get(unit);
      if (!part) byUnit.set(unit, (part = { leads: [], shares: [] }));
      (unit === task.lead ? part.leads : part.shares).push(task);
    }
  }
  const cols = columnsByField(analysis.table.header);
  const layout = { plan: cols.plan >= 0, persons: cols.persons >= 0 };
  const usedNames = new Set<string>();
  const units: UnitSplit[] = [];
  for (const [unit, part] of byUnit) {
    const base = `${safeFileName(unit)}-${safeFileName(period ?? '报送')}`;
    let baseName = base;
    for (let n = 2; usedNames.has(baseName.toLowerCase()); n++) baseName = `${base}-${n}`;
    usedNames.add(baseName.toLowerCase());
    units.push({ unit, fileName: `${baseName}.xlsx`, baseName, ...part, sheet: unitSheet(unit, period, part.leads, part.shares, config, layout) });
  }
  return { period, units, unassigned };
}

function uniqueRef(ref: string, seen: Map<string, number>): string {
  const n = (seen.get(ref) ?? 0) + 1;
  seen.set(ref, n);
  return n === 1 ? ref : `${ref}（${n}）`;
}

function unitSheet(
  unit: string,
  period: string | null,
  leads: MasterTask[],
  shares: MasterTask[],
  config: Config,
  layout: { plan: boolean; persons: boolean },
): RoundSheet {
  const L = SPLIT_LABELS;
  const columns: string[] = [L.number, L.task, ...(layout.plan ? [L.plan] : []), L.units, ...(layout.persons ? [L.persons] : []), L.role, L.last, L.status, L.progress];
  const widths: number[] = [8, 40, ...(layout.plan ? [24] : []), 20, ...(layout.persons ? [12] : []), 8, 50, 16, 60];
  // Numbers must differ from row to row: two rows with the same 序号 read back as one task written over two rows.
  const refs = new Map<string, number>();
  const rows = [...leads.map((t) => [t, ROLE_LEAD] as const), ...shares.map((t) => [t, ROLE_SHARE] as const)].map(([task, role]) => [
    uniqueRef(task.ref === '' ? '—' : task.ref, refs),
    task.task,
    ...(layout.plan ? [task.plan] : []),
    task.units.join('、'),
    ...(layout.persons ? [task.persons.join('、')] : []),
    role,
    task.progress,
    '',
    '',
  ]);
  const title = [
    `${unit}：${period ?? ''}重点工作进展情况报送表（共${rows.length}项，其中牵头${leads.length}项）`,
    '请在“进展状态”列选择状态，在“进展情况”列填写本期进展；其他单元格已锁定，请勿增删行列。',
  ];
  // The header sits under the title lines; data starts on the row after it.
  const firstRow = title.length + 2;
  const lastRow = firstRow + Math.max(rows.length, 1) - 1;
  const statusColumn = columns.length - 1;
  const progressColumn = columns.length;
  const statusRange = `${toA1(firstRow, statusColumn)}:${toA1(lastRow, statusColumn)}`;
  const progressRange = `${toA1(firstRow, progressColumn)}:${toA1(lastRow, progressColumn)}`;
  return {
    name: '进展情况报送',
    title,
    columns,
    rows,
    widths,
    wrap: true,
    freeze: { rows: title.length + 1, columns: 2 },
    dataValidations: [{ range: statusRange, list: config.vocabulary.map((v) => v.status) }],
    protection: { unlocked: [statusRange, progressRange] },
  };
}
