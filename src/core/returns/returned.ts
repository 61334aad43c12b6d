/** A return read back: who sent it and the tasks it answers (blank rows of a split sheet are not answers). */
import type { Config } from '../config/schema';
import { parseRangeA1, toA1 } from '../grid/address';
import { readStatus, statusIndex } from '../text/status';
import type { Analysis } from '../types';
import { masterTasks } from './tasks';
import type { ReturnInput, ReturnedTable, ReturnedTask, SenderSource } from './types';

/** The longest known unit name inside a text: 市农业局（市委农办） before 市农业局. */
function unitNamedIn(text: string, names: readonly string[]): string | null {
  let best: string | null = null;
  for (const name of names) if (name.length >= 2 && text.includes(name) && (best === null || name.length > best.length)) best = name;
  return best;
}

/** Who sent the return: the caller, the title (a split sheet names the unit), the file name, the one unit every task lists. */
export function senderOf(input: ReturnInput, units: readonly string[]): { unit: string | null; source: SenderSource } {
  if (input.unit) return { unit: input.unit, source: 'given' };
  const title = input.analysis.table.titleLines.join('\n');
  const fromTitle = unitNamedIn(title, units);
  if (fromTitle) return { unit: fromTitle, source: 'title' };
  const base = input.file.split(/[\\/]/).pop() ?? input.file;
  const fromName = unitNamedIn(base, units);
  if (fromName) return { unit: fromName, source: 'file-name' };
  const records = input.analysis.table.records;
  if (records.length > 0) {
    const common = records.map((r) => new Set(r.units)).reduce((a, b) => new Set([...a].filter((u) => b.has(u))));
    if (common.size === 1) return { unit: [...common][0], source: 'units-column' };
  }
  return { unit: null, source: null };
}

/** The tasks a return answers: every entry with a status or progress written. */
export function returnedTasks(analysis: Analysis, config: Config): ReturnedTask[] {
  const { table } = analysis;
  const statusColumn = table.header.columns.find((c) => c.field === 'status')?.column ?? -1;
  const taskColumn = table.header.columns.find((c) => c.field === 'task')?.column ?? -1;
  const left = parseRangeA1(table.range)?.left ?? 1;
  const statuses = statusIndex(config);
  const out: ReturnedTask[] = [];
  for (const entry of masterTasks(analysis, config)) {
    const cells = entry.sub?.cells ?? entry.record.cells;
    const statusWritten = statusColumn >= 0 ? (cells[statusColumn] ?? entry.record.cells[statusColumn] ?? '').trim() : '';
    const fromColumn = statusWritten !== '' ? readStatus(statusWritten, statuses).status : null;
    if (statusWritten === '' && entry.progress.trim() === '') continue;
    out.push({
      row: entry.row,
      taskCell: taskColumn >= 0 ? toA1(entry.record.row, left + taskColumn) : null,
      number: entry.number,
      ref: entry.ref,
      task: entry.task,
      progress: entry.progress,
      status: fromColumn ?? entry.status,
      statusWritten: statusWritten !== '' ? statusWritten : (entry.status ?? ''),
      key: entry.key,
    });
  }
  return out;
}

export function readReturn(input: ReturnInput, units: readonly string[], config: Config): ReturnedTable {
  const sender = senderOf(input, units);
  return { file: input.file, unit: sender.unit, unitSource: sender.source, tasks: returnedTasks(input.analysis, config) };
}
