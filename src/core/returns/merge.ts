/**
 * matchReturns: every return placed on the master, the merged master as data (which cell gets which text from
 * which file and row), who answered, and the round's findings. Nothing is written here: adapters write `rows`.
 */
import { defaultConfig, type Config } from '../config/schema';
import { parseRangeA1, toA1 } from '../grid/address';
import { planToValues } from '../plan/buildPlan';
import { columnsByField } from '../table/readTable';
import { readStatus, statusIndex } from '../text/status';
import type { Analysis } from '../types';
import { matchTasks } from './match';
import { readReturn } from './returned';
import { checkRound, type RoundContext } from './rules';
import { answeringUnits, masterTasks, openToAll } from './tasks';
import { normalizeProgress, periodOf } from './text';
import type { MasterTask, MergePlan, MergedCell, ReturnInput, ReturnedTable, TaskMatch, UnitAnswer } from './types';

export interface MergeOptions {
  config?: Config;
}

/** The progress text without a leading status line ("▲未按进度完成。"), for comparing what was said. */
function bodyOf(text: string, statuses: Map<string, string>): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return '';
  const reading = readStatus(lines[first], statuses);
  if (reading.status === null) return text;
  // "按进度完成。地区生产总值…" on one line: keep what follows the status word.
  const rest = lines[first].replace(/^[\s\u3000▲△]*/, '');
  const cut = rest.search(/[。．.，,；;]/);
  const tail = cut >= 0 && cut < rest.length - 1 ? rest.slice(cut + 1) : '';
  return [tail, ...lines.slice(first + 1)].join('\n').trim();
}

export function matchReturns(master: Analysis, returns: readonly ReturnInput[], options: MergeOptions = {}): MergePlan {
  const config = options.config ?? defaultConfig();
  const statuses = statusIndex(config);
  const tasks = masterTasks(master, config);
  const units: string[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    for (const u of answeringUnits(t, config)) {
      if (seen.has(u)) continue;
      seen.add(u);
      units.push(u);
    }
  }
  const knownNames = [...new Set([...units, ...config.units.map((u) => u.name)])];

  const tables: ReturnedTable[] = returns.map((r) => readReturn(r, knownNames, config));
  const matches: TaskMatch[] = [];
  const unmatched: RoundContext['unmatched'] = [];
  // Tasks given to a placeholder group (各市（区）政府, …成员单位) may be answered by any unit: known once, not per return.
  const openTasks = new Set(tasks.filter((t) => openToAll(t, config)));
  for (const table of tables) {
    const unit = table.unit;
    const { placed, unmatched: left } = matchTasks(tasks, table.tasks, unit ? { prefer: (t) => openTasks.has(t) || t.units.includes(unit) } : {});
    for (const p of placed) matches.push({ ...p, file: table.file, unit });
    for (const task of left) unmatched.push({ table, task });
  }

  // Lead unit first, then the task's own unit order, then the rest in file order: the order texts are kept in.
  const fileOrder = new Map(tables.map((t, i) => [t.file, i] as const));
  const byTask = new Map<MasterTask, TaskMatch[]>();
  for (const m of matches) {
    const list = byTask.get(m.master);
    if (list) list.push(m);
    else byTask.set(m.master, [m]);
  }
  for (const [task, list] of byTask) {
    const rank = (m: TaskMatch) => (m.unit === task.lead ? -1 : m.unit !== null && task.units.includes(m.unit) ? task.units.indexOf(m.unit) : task.units.length);
    list.sort((a, b) => rank(a) - rank(b) || (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.returned.row - b.returned.row);
  }

  const { table } = master;
  const cols = columnsByField(table.header);
  const left = parseRangeA1(table.range)?.left ?? 1;
  const headerRow = (parseRangeA1(table.range)?.top ?? 1) + (table.header.rows[0] ?? 0);
  const bodies = new Map<string, string>();
  const senders = new Set(tables.map((t) => t.unit).filter((u): u is string => u !== null));
  const ctx: RoundContext = {
    config,
    tasks,
    returns: tables,
    matches,
    byTask,
    unmatched,
    senders,
    units,
    progressCell: (task) => (cols.progress >= 0 ? toA1(task.row, left + cols.progress) : null),
    headerRow,
    progressBody: (text) => {
      // Last period's texts are long and compared once per return that answers the task: normalized once.
      let body = bodies.get(text);
      if (body === undefined) {
        body = normalizeProgress(bodyOf(text, statuses));
        bodies.set(text, body);
      }
      return body;
    },
  };
  const findings = checkRound(ctx, config);

  const merged = mergedRows(master, config, byTask, statuses);
  const period = retitle(master, returns, merged);
  const answers: UnitAnswer[] = units.map((unit) => {
    const leads = tasks.filter((t) => t.lead === unit);
    const mine = matches.filter((m) => m.unit === unit);
    return {
      unit,
      files: tables.filter((t) => t.unit === unit).map((t) => t.file),
      leads: leads.length,
      shares: tasks.filter((t) => t.lead !== unit && t.units.includes(unit)).length,
      returned: new Set(mine.map((m) => m.master)).size,
      missingLeads: leads.filter((t) => !mine.some((m) => m.master === t)).length,
    };
  });
  return {
    period,
    ...merged,
    units: answers,
    returns: tables.map((t) => ({ file: t.file, unit: t.unit, unitSource: t.unitSource, tasks: t.tasks.length, matched: matches.filter((m) => m.file === t.file).length })),
    matches,
    findings,
  };
}

/**
 * The merged master: the repaired table with each answered task's progress (and status column) replaced. Several
 * different texts for one task are all kept, each under its unit's name, the lead unit's first.
 */
function mergedRows(master: Analysis, config: Config, byTask: Map<MasterTask, TaskMatch[]>, statuses: Map<string, string>): Pick<MergePlan, 'columns' | 'rows' | 'cells'> {
  const { plan, table } = master;
  const rows = planToValues(plan);
  const columns = plan.columns.slice();
  const cols = columnsByField(table.header);
  const statusHeader = table.header.columns.find((c) => c.field === 'status')?.column ?? -1;
  const statusColumn = statusHeader >= 0 ? statusHeader : config.fix.addStatusColumn ? columns.lastIndexOf('状态') : -1;
  const outputRowOf = new Map(plan.rowMap.map((m) => [m.row, m.outputRow] as const));
  const lagging = new Set(config.vocabulary.filter((v) => v.lagging).map((v) => v.status));
  // Offices that mark lagging tasks with ▲ get the mark on merged ones too.
  const marks = table.records.some((r) => /^[\s\u3000]*▲/.test(r.statusRaw));
  const cells: MergedCell[] = [];

  for (const [task, list] of byTask) {
    const outputRow = outputRowOf.get(task.row);
    if (outputRow === undefined || outputRow === null) continue;
    const values = rows[outputRow - 1];
    const status = list.find((m) => m.returned.status !== null)?.returned.status ?? null;
    // A status outside the vocabulary (typed over the drop-down, or pasted) is kept as written, for the checks to flag.
    const written = status === null ? (list.find((m) => m.returned.statusWritten !== '')?.returned.statusWritten ?? '') : '';
    const statusLine = status === null ? (written === '' ? '' : `${written.replace(/[。.]$/, '')}。`) : `${marks && lagging.has(status) ? '▲' : ''}${status}。`;
    const texts: Array<{ unit: string | null; text: string; key: string }> = [];
    for (const m of list) {
      const text = m.returned.progress.trim();
      const body = bodyOf(text, statuses);
      const key = normalizeProgress(body);
      if (key === '' || texts.some((t) => t.key === key)) continue;
      texts.push({ unit: m.unit, text: body, key });
    }
    const body = texts.length === 1 ? texts[0].text : texts.map((t) => `【${t.unit ?? '—'}】${t.text}`).join('\n');
    const progress = [statusLine, body].filter((s) => s !== '').join('\n');
    const sources = list.map((m) => ({ file: m.file, unit: m.unit, row: m.returned.row }));
    const put = (column: number, after: string) => {
      if (column < 0 || after === '' || values[column] === after) return;
      cells.push({ outputRow, column, columnLabel: columns[column] ?? '', masterRow: task.row, number: task.number, ref: task.ref, task: task.task, before: values[column] ?? '', after, sources });
      values[column] = after;
    };
    put(cols.progress, progress);
    if (status !== null) put(statusColumn, status);
  }
  cells.sort((a, b) => a.outputRow - b.outputRow || a.column - b.column);
  return { columns, rows, cells };
}

/**
 * The period the returns answer for (their titles name it: a split sheet says 2018年1-10月) replaces last period's in
 * the merged table's title, so that the merged master reads as this period's table. Logged like every other cell.
 */
function retitle(master: Analysis, returns: readonly ReturnInput[], merged: Pick<MergePlan, 'columns' | 'rows' | 'cells'>): string | null {
  const old = periodOf(master.table.title);
  const counts = new Map<string, number>();
  for (const r of returns) {
    const p = periodOf(r.analysis.table.titleLines.join(' '));
    if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const [found] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null];
  if (found === null || old === null) return found ?? old;
  // 1-9月 in a title that already names its year becomes 1-10月, not 2018年1-10月.
  const next = /年/.test(old) ? found : found.replace(/^\d{4}\s*年\s*/, '');
  if (next === old) return old;
  master.plan.rows.forEach((row, i) => {
    if (row.kind !== 'title') return;
    const values = merged.rows[i];
    const before = values[0] ?? '';
    if (!before.includes(old)) return;
    const after = before.replace(old, next);
    values[0] = after;
    merged.cells.unshift({ outputRow: i + 1, column: 0, columnLabel: '', masterRow: master.table.titleRows[i] ?? i + 1, number: '', ref: '', task: '', before, after, sources: [] });
  });
  return next;
}
