/**
 * compareTables: this period against the last, task by task (matched by text and number as in a merge, never by
 * row): newly lagging, still lagging (for how many periods), recovered, completed this period; counts per official.
 */
import { defaultConfig, type Config } from '../config/schema';
import { compactLabel } from '../text/lists';
import { NO_OFFICIAL } from '../summary/summarize';
import { readStatus, statusIndex } from '../text/status';
import type { Analysis, Lang } from '../types';
import { matchTasks } from './match';
import { periodOf, taskKey } from './text';
import type { MasterTask, ReturnedTask } from './types';

export type StatusChange = 'newly-lagging' | 'still-lagging' | 'recovered' | 'completed' | 'steady' | 'new' | 'dropped';

/** Report order: what a manager asks about first. */
export const STATUS_CHANGES: readonly StatusChange[] = ['newly-lagging', 'still-lagging', 'recovered', 'completed', 'new', 'dropped', 'steady'];

export interface ComparedTask {
  number: string;
  task: string;
  official: string | null;
  section: number | null;
  /** Sheet row in this period's table (null: the task is gone). */
  row: number | null;
  /** Sheet row in last period's table (null: a new task). */
  lastRow: number | null;
  before: string | null;
  now: string | null;
  change: StatusChange;
  /** For still-lagging tasks: how many periods in a row, counting this one (at least 2). */
  periods: number | null;
}

export interface OfficialChanges {
  /** The official's name, or the summary's NO_OFFICIAL for the tasks without one (shown through officialLabel). */
  official: string;
  counts: Record<StatusChange, number>;
  total: number;
}

export interface Comparison {
  lastPeriod: string | null;
  period: string | null;
  tasks: ComparedTask[];
  byOfficial: OfficialChanges[];
  counts: Record<StatusChange, number>;
}

export interface CompareOptions {
  config?: Config;
}

/** The status of each record: read from its progress text, else from a 状态 column (a merged or repaired table has one). */
function recordTasks(analysis: Analysis, config: Config): MasterTask[] {
  const statusColumn = analysis.table.header.columns.find((c) => c.field === 'status')?.column ?? -1;
  const statuses = statusIndex(config);
  const fromColumn = (cells: Record<number, string>) => (statusColumn >= 0 ? readStatus(cells[statusColumn] ?? '', statuses).status : null);
  return analysis.table.records.map((record) => ({
    id: String(record.row),
    record,
    sub: null,
    row: record.row,
    section: record.section,
    official: record.official,
    number: record.number,
    ref: record.section === null ? record.number : `${record.section}.${record.number}`,
    task: record.task,
    plan: record.plan,
    units: record.units,
    persons: record.persons,
    lead: record.units[0] ?? null,
    progress: record.progress,
    status: record.status ?? fromColumn(record.cells),
    key: taskKey(record.task),
  }));
}

/** The column of a table that carries how many periods a task has lagged (连续滞后期数), -1 when none. */
function historyColumn(analysis: Analysis): number {
  return analysis.table.header.columns.find((c) => /滞后.*期|期数/.test(compactLabel(c.label)))?.column ?? -1;
}

export function emptyCounts(): Record<StatusChange, number> {
  return { 'newly-lagging': 0, 'still-lagging': 0, recovered: 0, completed: 0, steady: 0, new: 0, dropped: 0 };
}

export function compareTables(last: Analysis, current: Analysis, options: CompareOptions = {}): Comparison {
  const config = options.config ?? defaultConfig();
  const lagging = new Set(config.vocabulary.filter((v) => v.lagging).map((v) => v.status));
  // The vocabulary runs from least to most advanced: its last word is "done".
  const done = config.vocabulary[config.vocabulary.length - 1]?.status ?? null;
  const before = recordTasks(last, config);
  const now = recordTasks(current, config);
  const asReturned = (t: MasterTask): ReturnedTask => ({ row: t.row, taskCell: null, number: t.number, ref: t.ref, task: t.task, progress: t.progress, status: t.status, statusWritten: t.status ?? '', key: t.key });
  const { placed } = matchTasks(before, now.map(asReturned));
  const lastOf = new Map(placed.map((p) => [p.returned.row, p.master] as const));
  const history = historyColumn(last);

  const tasks: ComparedTask[] = now.map((t) => {
    const prior = lastOf.get(t.row) ?? null;
    const was = prior?.status ?? null;
    const is = t.status;
    let change: StatusChange;
    let periods: number | null = null;
    if (is !== null && lagging.has(is)) {
      if (prior !== null && was !== null && lagging.has(was)) {
        change = 'still-lagging';
        const written = history >= 0 ? Number.parseInt(prior.record.cells[history] ?? '', 10) : Number.NaN;
        periods = Number.isFinite(written) && written >= 1 ? written + 1 : 2;
      } else change = 'newly-lagging';
    } else if (prior === null) change = 'new';
    else if (is !== null && is === done && was !== done) change = 'completed';
    else if (was !== null && lagging.has(was)) change = 'recovered';
    else change = 'steady';
    return { number: t.number, task: t.task, official: t.official, section: t.section, row: t.row, lastRow: prior?.row ?? null, before: was, now: is, change, periods };
  });
  const matchedLast = new Set(placed.map((p) => p.master));
  for (const t of before) {
    if (matchedLast.has(t)) continue;
    tasks.push({ number: t.number, task: t.task, official: t.official, section: t.section, row: null, lastRow: t.row, before: t.status, now: null, change: 'dropped', periods: null });
  }

  const counts = emptyCounts();
  const officials = new Map<string, OfficialChanges>();
  for (const t of tasks) {
    counts[t.change]++;
    const name = t.official ?? NO_OFFICIAL;
    let entry = officials.get(name);
    if (!entry) officials.set(name, (entry = { official: name, counts: emptyCounts(), total: 0 }));
    entry.counts[t.change]++;
    if (t.change !== 'dropped') entry.total++;
  }
  return {
    lastPeriod: periodOf(last.table.title),
    period: periodOf(current.table.title),
    tasks,
    byOfficial: [...officials.values()],
    counts,
  };
}

/** A task's place in this period's table: its section (null in a table without sections) and its place there. */
export type TaskPlaces = Map<ComparedTask, { section: number | null; position: number }>;

/**
 * Where each task of this period's table stands, counted in table order. A task without a 序号 is named by it
 * ("第 9 部分第 3 项"), so that it can be found in the table.
 */
export function taskPlaces(comparison: Comparison): TaskPlaces {
  const places: TaskPlaces = new Map();
  const counted = new Map<number | null, number>();
  // Tasks gone this period (no row) come last in the list and have no place in this table.
  for (const task of comparison.tasks) {
    if (task.row === null) continue;
    const position = (counted.get(task.section) ?? 0) + 1;
    counted.set(task.section, position);
    places.set(task, { section: task.section, position });
  }
  return places;
}

/** How a lagging list names a task (the panes and the CLI): its written 序号, or else its section and place in it. */
export function taskPlaceLabel(task: ComparedTask, places: TaskPlaces, lang: Lang): string {
  if (task.number) return placeWords[lang].number(task.number);
  const place = places.get(task);
  if (!place) return '';
  return place.section === null ? placeWords[lang].position(place.position) : placeWords[lang].section(place.section, place.position);
}

const placeWords: Record<Lang, { number: (n: string) => string; section: (s: number, p: number) => string; position: (p: number) => string }> = {
  'zh-CN': {
    number: (n) => `第 ${n} 项`,
    section: (s, p) => `第 ${s} 部分第 ${p} 项（无序号）`,
    position: (p) => `第 ${p} 项（无序号）`,
  },
  'en-US': {
    number: (n) => `no. ${n}`,
    section: (s, p) => `section ${s}, item ${p} (no number)`,
    position: (p) => `item ${p} (no number)`,
  },
};
