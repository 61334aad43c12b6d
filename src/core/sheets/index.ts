/**
 * What the summary, change-log and repaired sheets contain, as plain data. Every writer (office-js, WPS, the file layer)
 * writes these specs as they are, so no two of them disagree on a sheet's content.
 */
import type { Change, Lang, RepairPlan, Summary } from '../types';
import type { SheetSpec } from './types';
import { officialLabel } from '../summary/officialLabel';
import { statusLabel } from '../summary/statusLabel';
import { truncateUtf16 } from './sheetName';
import { chartTitles, label, removalMessages, removedMarker, sheetNames } from './labels';

export type { SheetSpec } from './types';
export { sheetNames, summarySheetNames, changeLogSheetNames } from './labels';
export { repairedSheetName, uniqueSheetName, cleanSheetName, MAX_SHEET_NAME } from './sheetName';

/** Excel refuses longer cell text. */
export const MAX_CELL_TEXT = 32767;

/** The four summary sheets: by official, by status, by unit, and the lagging tasks. */
export function summarySheets(summary: Summary, lang: Lang): SheetSpec[] {
  return [byOfficialSheet(summary, lang), byStatusSheet(summary, lang), byUnitSheet(summary, lang), laggingSheet(summary, lang)];
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** The status columns' headings: the pseudo-statuses (未填写, 未识别) in the sheet's language, the user's own words as written. */
function statusHeadings(statuses: string[], lang: Lang): string[] {
  return statuses.map((status) => statusLabel(status, lang));
}

function statusWidths(headings: string[]): number[] {
  return headings.map((heading) => Math.max(8, displayWidth(heading) + 2));
}

function byOfficialSheet(summary: Summary, lang: Lang): SheetSpec {
  const { statuses } = summary;
  const names = summary.byOfficial.map((entry) => officialLabel(entry.official, lang));
  const rows: Array<Array<string | number>> = summary.byOfficial.map((entry, i) => [
    names[i],
    ...statuses.map((status) => entry.counts[status] ?? 0),
    entry.total,
    entry.share,
  ]);
  const columnTotals = statuses.map((status) => summary.byOfficial.reduce((sum, entry) => sum + (entry.counts[status] ?? 0), 0));
  rows.push([label('total', lang), ...columnTotals, summary.total, share(summary.onSchedule, summary.total)]);
  const shareColumn = statuses.length + 2;
  const headings = statusHeadings(statuses, lang);
  return {
    name: sheetNames.byOfficial[lang],
    columns: [label('official', lang), ...headings, label('total', lang), label('onScheduleShare', lang)],
    rows,
    // Wide enough for the longest name, so "No official named" is not cut off by the numbers beside it.
    widths: [Math.min(30, Math.max(14, ...names.map((name) => displayWidth(name) + 2))), ...statusWidths(headings), 8, 12],
    percentColumns: [shareColumn],
    totalsRow: true,
    chart: {
      title: chartTitles.byOfficial[lang],
      categoryColumn: 0,
      seriesColumns: statuses.map((_, i) => i + 1),
    },
  };
}

function byStatusSheet(summary: Summary, lang: Lang): SheetSpec {
  const rows: Array<Array<string | number>> = summary.byStatus.map((entry) => [statusLabel(entry.status, lang), entry.count, entry.share]);
  rows.push([label('total', lang), summary.total, summary.total === 0 ? 0 : 1]);
  return {
    name: sheetNames.byStatus[lang],
    columns: [label('status', lang), label('count', lang), label('share', lang)],
    rows,
    widths: [18, 10, 10],
    percentColumns: [2],
    totalsRow: true,
  };
}

function byUnitSheet(summary: Summary, lang: Lang): SheetSpec {
  const { statuses } = summary;
  const rows: Array<Array<string | number>> = summary.byUnit.map((entry) => [
    entry.unit,
    ...statuses.map((status) => entry.counts[status] ?? 0),
    entry.total,
  ]);
  const columnTotals = statuses.map((status) => summary.byUnit.reduce((sum, entry) => sum + (entry.counts[status] ?? 0), 0));
  // A task names several units, so this total counts task–unit pairs, not tasks.
  rows.push([label('total', lang), ...columnTotals, summary.byUnit.reduce((sum, entry) => sum + entry.total, 0)]);
  const unitWidth = Math.min(40, Math.max(16, ...summary.byUnit.map((entry) => displayWidth(entry.unit) + 2)));
  const headings = statusHeadings(statuses, lang);
  return {
    name: sheetNames.byUnit[lang],
    columns: [label('unit', lang), ...headings, label('total', lang)],
    rows,
    widths: [unitWidth, ...statusWidths(headings), 8],
    totalsRow: true,
  };
}

function laggingSheet(summary: Summary, lang: Lang): SheetSpec {
  // Tasks due before the given day come with their deadline and why they are listed; a summary over several
  // sheets says which sheet each task is on. The columns are added only when there is something to show.
  const withDeadline = summary.lagging.some((task) => task.deadline != null || task.reason === 'overdue');
  const withSheet = summary.lagging.some((task) => task.sheet !== undefined);
  const rows = summary.lagging.map((task) => [
    task.section ?? '',
    task.official ?? '',
    task.number,
    cellText(task.task),
    statusLabel(task.status, lang),
    task.units.join('、'),
    task.persons.join('、'),
    cellText(task.progress),
    task.row,
    ...(withDeadline ? [task.deadline ?? '', label(task.reason === 'overdue' ? 'reasonOverdue' : 'reasonStatus', lang)] : []),
    ...(withSheet ? [task.sheet ?? ''] : []),
  ]);
  return {
    name: sheetNames.lagging[lang],
    columns: [
      label('section', lang),
      label('official', lang),
      label('number', lang),
      label('task', lang),
      label('status', lang),
      label('unit', lang),
      label('persons', lang),
      label('progress', lang),
      label('sourceRow', lang),
      ...(withDeadline ? [label('deadline', lang), label('reason', lang)] : []),
      ...(withSheet ? [label('sheet', lang)] : []),
    ],
    rows,
    widths: [8, 10, 6, 40, 14, 24, 14, 60, 8, ...(withDeadline ? [12, 12] : []), ...(withSheet ? [12] : [])],
  };
}

/**
 * The change log, as a reviewer reads it next to the source: one line per change, each saying where (source rows,
 * output row, column), what (before and after) and why. Kept short on a 100k-row table, where it is the output's
 * largest part: a record collapsed from several rows is one line that names the rows and how many there were (its
 * text is the repaired row itself: the log repeats no text that was only joined), a run of neighbouring removed rows
 * with the same reason and content (blank rows) is one line "16-18", and before/after are left empty where they would
 * only restate the rows.
 */
export function changeLogSheet(plan: RepairPlan, lang: Lang): SheetSpec {
  const rows: Array<Array<string | number>> = [];
  const removalsLogged = new Set<number>();
  for (const change of plan.changes) if (change.op === 'remove-row') for (const row of change.sourceRows) removalsLogged.add(row);
  // A removal run being gathered: its rows, and what a following removal must share to join it.
  let run: { first: number; last: number; before: string; why: string } | null = null;
  const flush = (): void => {
    if (run === null) return;
    rows.push([run.first === run.last ? String(run.first) : `${run.first}-${run.last}`, removedMarker[lang], '', run.before, '', run.why, 'remove-row']);
    run = null;
  };
  const removal = (row: number, before: string, why: string): void => {
    if (run !== null && row === run.last + 1 && before === run.before && why === run.why) {
      run.last = row;
      return;
    }
    flush();
    run = { first: row, last: row, before, why };
  };
  for (const change of plan.changes) {
    if (change.op === 'remove-row' && change.sourceRows.length === 1 && change.outputRow === null) {
      removal(change.sourceRows[0], cellText(change.before), change.messages[lang]);
      continue;
    }
    flush();
    rows.push(changeRow(change, lang));
  }
  flush();
  for (const removed of plan.removed) {
    if (removalsLogged.has(removed.row)) continue;
    const before = removed.values.filter((value) => value.trim() !== '').join(' | ');
    removal(removed.row, cellText(before), removalMessages[removed.reason][lang]);
  }
  flush();
  return {
    name: sheetNames.changeLog[lang],
    columns: [
      label('sourceRow', lang),
      label('outputRow', lang),
      label('column', lang),
      label('before', lang),
      label('after', lang),
      label('why', lang),
      label('op', lang),
    ],
    rows,
    widths: [12, 10, 12, 40, 40, 40, 16],
  };
}

/** Why a record was collapsed, by how many rows it had: the rows themselves are in the first column. */
const collapsedMessages: Record<Lang, (rows: number) => string> = {
  'zh-CN': (rows) => `${rows}行合并为一行，各单元格的段落以换行连接`,
  'en-US': (rows) => `${rows} rows collapsed into one; paragraphs joined with line breaks`,
};

function changeRow(change: Change, lang: Lang): Array<string | number> {
  const where = formatRows(change.sourceRows);
  const outputRow = change.outputRow ?? removedMarker[lang];
  if (change.column === null && (change.op === 'collapse-rows' || change.op === 'join-continuation') && restatesRows(change)) {
    // A whole-row change whose before/after only restate its rows ("12–15" → "7"): the first two columns say that.
    const why = change.op === 'collapse-rows' ? collapsedMessages[lang](new Set(change.sourceRows).size) : change.messages[lang];
    return [where, outputRow, '', '', '', why, change.op];
  }
  return [where, outputRow, change.column ?? '', cellText(change.before), cellText(change.after), change.messages[lang], change.op];
}

/** The engine's before/after of a whole-row change: row numbers ("12–15", "12 / 18") and the output row. */
function restatesRows(change: Change): boolean {
  if (change.after !== String(change.outputRow)) return false;
  for (let i = 0; i < change.before.length; i += 1) {
    const code = change.before.charCodeAt(i);
    // Digits, the en dash, '-', '/', ',' and spaces.
    if (!((code >= 48 && code <= 57) || code === 0x2013 || code === 45 || code === 47 || code === 44 || code === 32)) return false;
  }
  return true;
}

/** 1-based sheet rows as text, runs shortened: [3, 4, 5, 9] → "3-5, 9". */
export function formatRows(rows: readonly number[]): string {
  // The common case, a record's rows in order ("12-15") or one row, without the copy, set and sort below: the
  // change log of a 100k-row table formats tens of thousands of them.
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i += 1) if (rows[i] !== rows[i - 1] + 1) ascending = false;
  if (ascending) return rows.length === 0 ? '' : rows.length === 1 ? String(rows[0]) : `${rows[0]}-${rows[rows.length - 1]}`;
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const first = sorted[start];
    const last = sorted[i - 1];
    parts.push(first === last ? String(first) : `${first}-${last}`);
    start = i;
  }
  return parts.join(', ');
}

/** Text that fits in one Excel cell. */
export function cellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : `${truncateUtf16(text, MAX_CELL_TEXT - 1)}…`;
}

/** Width in Excel character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
  }
  return width;
}
