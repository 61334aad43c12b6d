/** The master's tasks as a round sees them: one entry per task or sub-item, with its lead unit. */
import type { Config } from '../config/schema';
import { columnsByField } from '../table/readTable';
import { compactLabel } from '../text/lists';
import { isPlaceholder, parseUnits, unitDirectory } from '../text/units';
import type { Analysis, ParsedTable, TaskRecord } from '../types';
import { taskKey } from './text';
import type { MasterTask } from './types';

const LEAD_NOTE = /[（(]\s*牵头单位\s*[:：]\s*([^）)]+)[）)]/;

/** The column that names the lead unit on its own (牵头单位 beside 责任单位 or 配合单位), -1 when none. */
function leadColumn(table: ParsedTable): number {
  return table.header.columns.find((c) => compactLabel(c.label).startsWith('牵头'))?.column ?? -1;
}

/**
 * 配合单位 of a record: the engine of the layouts work reads a 配合单位 column into `coUnits`; an engine without it has
 * none. Read defensively so that this module works with either.
 */

/** Canonical unit names written in a text (a cell or a note), in order. */
export function unitsIn(text: string, config: Config): string[] {
  const dir = unitDirectory(config);
  return parseUnits(text, dir).map((p) => p.canonical ?? p.text);
}

/**
 * Every entry of the master in table order. A task with sub-items gives one entry per sub-item: in these tables each
 * sub-item names its own units and has its own progress, so each is asked of its own units.
 */
export function masterTasks(analysis: Analysis, config: Config): MasterTask[] {
  const { table } = analysis;
  const dir = unitDirectory(config);
  const lead = leadColumn(table);
  const cols = columnsByField(table.header);
  const out: MasterTask[] = [];
  for (const record of table.records) {
    const leadNote = LEAD_NOTE.exec(record.task)?.[1];
    const leadText = lead >= 0 && lead !== cols.units ? (record.cells[lead] ?? '') : '';
    const leadUnits = unitsIn(leadText || leadNote || '', config);
    const pick = (units: string[]): string | null => {
      const named = [...leadUnits, ...units].filter((u) => !isPlaceholder(u, dir));
      return named[0] ?? leadUnits[0] ?? units[0] ?? null;
    };
    const co = record.coUnits;
    const withLead = (units: string[]) => [...new Set([...leadUnits, ...units, ...co])];
    const subs = record.subItems ?? [];
    if (subs.length === 0) {
      const units = withLead(record.units);
      out.push(entry(record, null, record.row, record.number, record.task, units, record.persons, pick(units), record.progress, record.status));
      continue;
    }
    subs.forEach((sub, i) => {
      const units = withLead(sub.units.length > 0 ? sub.units : record.units);
      const label = sub.label !== '' ? sub.label : `（${i + 1}）`;
      const text = sub.text.trim() === '' ? record.task : `${record.task}\n${sub.text}`;
      out.push(entry(record, sub, sub.row, `${record.number}${label}`, text, units, sub.persons, pick(units), sub.statusShared ? '' : sub.progress, sub.status, i));
    });
  }
  return out;
}

function entry(
  record: TaskRecord,
  sub: MasterTask['sub'],
  row: number,
  number: string,
  task: string,
  units: string[],
  persons: string[],
  lead: string | null,
  progress: string,
  status: string | null,
  subIndex?: number,
): MasterTask {
  return {
    id: subIndex === undefined ? String(row) : `${record.row}.${subIndex + 1}`,
    ref: record.section === null ? number : `${record.section}.${number === '' ? '—' : number}`,
    record,
    sub,
    row,
    section: record.section,
    official: record.official,
    number,
    task,
    plan: record.plan,
    units,
    persons,
    lead,
    progress,
    status,
    key: taskKey(task),
  };
}

/** Units that have a part in a task and can answer for it (placeholder groups such as 成员单位 cannot). */
export function answeringUnits(task: MasterTask, config: Config): string[] {
  const dir = unitDirectory(config);
  return task.units.filter((u) => !isPlaceholder(u, dir) || u === task.lead);
}

/** A task given to a group (各市（区）政府, …成员单位) may be answered by any unit. */
export function openToAll(task: MasterTask, config: Config): boolean {
  const dir = unitDirectory(config);
  return task.units.some((u) => isPlaceholder(u, dir));
}

/** Does a unit have a part in the task? */
export function isResponsible(task: MasterTask, unit: string, config: Config): boolean {
  return task.units.includes(unit) || openToAll(task, config);
}
