/**
 * What crosses from the worker to the page. Structured clone builds every object of a message on the page's main
 * thread, in one task: a 100k-row sheet's 115k merged areas, 30k changes and 18k findings took it over half a second.
 * So the grid travels as one string with an offset table, its merged areas already resolved to one number per cell;
 * marks as typed arrays; and the analysis in parts of a few thousand items, each its own short task on the page.
 */
import type { Analysis, CellValue, Change, Finding, Grid, Lang, MergedArea, OutputRow, RemovedRow, Severity, TaskRecord } from '../core/types';
import type { CellMark } from './memoryHost';

/** Per-cell merge flags (PackedGrid.merged): the low bits say what the cell is, the rest the area's last column. */
export const MERGE_FIRST = 1;
/** A cell of a merged area right of its first column: not drawn (the first column spans over it). */
export const MERGE_HIDDEN = 2;
/** A cell of a merged area above its last row: no border below it. */
export const MERGE_DOWN = 4;
const LAST_COLUMN_SHIFT = 3;

export interface PackedGrid {
  sheet: string;
  rowCount: number;
  columnCount: number;
  origin: { row: number; column: number };
  /** Every cell's text, row by row, concatenated. */
  text: string;
  /** Offset of each cell's end in `text` (rowCount × columnCount entries); cell i starts where cell i-1 ends. */
  ends: Uint32Array;
  /** Per cell (rowCount × columnCount): 0 outside merged areas, else MERGE_* flags and, on MERGE_FIRST cells, the last column. */
  merged: Int32Array;
  /** How many merged areas the sheet has. */
  mergeCount: number;
}

function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function mergeFlags(merges: readonly MergedArea[], rowCount: number, columnCount: number): Int32Array {
  const merged = new Int32Array(rowCount * columnCount);
  for (const area of merges) {
    const lastRow = Math.min(area.row + area.rowCount, rowCount) - 1;
    const lastColumn = Math.min(area.column + area.columnCount, columnCount) - 1;
    for (let r = Math.max(0, area.row); r <= lastRow; r += 1) {
      const down = r < area.row + area.rowCount - 1 ? MERGE_DOWN : 0;
      const first = r * columnCount + area.column;
      if (area.column >= 0 && area.column < columnCount) merged[first] = MERGE_FIRST | down | (lastColumn << LAST_COLUMN_SHIFT);
      for (let c = Math.max(area.column + 1, 0); c <= lastColumn; c += 1) merged[r * columnCount + c] = MERGE_HIDDEN | down;
    }
  }
  return merged;
}

export function packGrid(grid: Grid, sheet: string): PackedGrid {
  const rowCount = grid.values.length;
  let columnCount = 0;
  for (const row of grid.values) columnCount = Math.max(columnCount, row.length);
  const ends = new Uint32Array(rowCount * columnCount);
  const parts: string[] = [];
  let offset = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const row = grid.values[r];
    for (let c = 0; c < columnCount; c += 1) {
      const text = cellText(row[c]);
      parts.push(text);
      offset += text.length;
      ends[r * columnCount + c] = offset;
    }
  }
  return {
    sheet,
    rowCount,
    columnCount,
    origin: { ...grid.origin },
    text: parts.join(''),
    ends,
    merged: mergeFlags(grid.merges, rowCount, columnCount),
    mergeCount: grid.merges.length,
  };
}

/** Text of a cell of a packed grid by 0-based grid row and column. */
export function packedCell(grid: PackedGrid, row: number, column: number): string {
  if (row < 0 || column < 0 || row >= grid.rowCount || column >= grid.columnCount) return '';
  const i = row * grid.columnCount + column;
  return grid.text.slice(i === 0 ? 0 : grid.ends[i - 1], grid.ends[i]);
}

/** How a cell sits in a merged area, by 0-based grid row and column (null: in none). */
export function mergedAt(grid: PackedGrid, row: number, column: number): { first: boolean; hidden: boolean; down: boolean; lastColumn: number } | null {
  if (row < 0 || column < 0 || row >= grid.rowCount || column >= grid.columnCount) return null;
  const flags = grid.merged[row * grid.columnCount + column];
  if (flags === 0) return null;
  return { first: (flags & MERGE_FIRST) !== 0, hidden: (flags & MERGE_HIDDEN) !== 0, down: (flags & MERGE_DOWN) !== 0, lastColumn: flags >> LAST_COLUMN_SHIFT };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The marks on the shown grid: the cells that show one (the most serious of their findings) and which, as typed arrays;
 * `length` is how many findings were marked (some may lie outside the grid or share a cell).
 */
export interface PackedMarks {
  sheet: string;
  length: number;
  /** Grid cells (row × columnCount + column of the grid they were packed for) that show a mark, ascending. */
  cells: Int32Array;
  /** For each of `cells`: the index of the mark it shows. */
  shows: Int32Array;
  /** Per mark: index into ['error', 'warning', 'info']. */
  severity: Uint8Array;
  /** Every mark's message, concatenated; `ends` as in PackedGrid. */
  text: string;
  ends: Uint32Array;
}

export function emptyMarks(sheet = ''): PackedMarks {
  return { sheet, length: 0, cells: new Int32Array(0), shows: new Int32Array(0), severity: new Uint8Array(0), text: '', ends: new Uint32Array(0) };
}

/** Sized by the marks, not the sheet: a wide 100k-row sheet with a few marks sends a few numbers. */
export function packMarks(sheet: string, marks: readonly CellMark[], grid: Pick<PackedGrid, 'origin' | 'rowCount' | 'columnCount'>): PackedMarks {
  const { origin, rowCount, columnCount } = grid;
  const severity = new Uint8Array(marks.length);
  const ends = new Uint32Array(marks.length);
  const shown = new Map<number, number>();
  const parts: string[] = [];
  let offset = 0;
  marks.forEach((mark, i) => {
    severity[i] = Math.max(0, SEVERITIES.indexOf(mark.severity));
    parts.push(mark.message);
    offset += mark.message.length;
    ends[i] = offset;
    const r = mark.row - origin.row;
    const c = mark.column - origin.column;
    if (r < 0 || c < 0 || r >= rowCount || c >= columnCount) return;
    const key = r * columnCount + c;
    // Several findings on one cell: the cell shows the most serious (the first of equals).
    const before = shown.get(key);
    if (before === undefined || severity[i] < severity[before]) shown.set(key, i);
  });
  const cells = Int32Array.from(shown.keys()).sort();
  const shows = Int32Array.from(cells, (key) => shown.get(key) ?? 0);
  return { sheet, length: marks.length, cells, shows, severity, text: parts.join(''), ends };
}

/** The mark a cell shows, by 0-based grid row and column of the grid the marks were packed for (row and column 0-based too). */
export function markAt(marks: PackedMarks, columnCount: number, row: number, column: number): CellMark | null {
  if (row < 0 || column < 0 || column >= columnCount) return null;
  const key = row * columnCount + column;
  let low = 0;
  let high = marks.cells.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cell = marks.cells[middle];
    if (cell < key) low = middle + 1;
    else if (cell > key) high = middle - 1;
    else {
      const i = marks.shows[middle];
      return { row, column, severity: SEVERITIES[marks.severity[i]] ?? 'info', message: marks.text.slice(i === 0 ? 0 : marks.ends[i - 1], marks.ends[i]) };
    }
  }
  return null;
}

/**
 * The analysis as the panes need it: every finding, change, removed row and the summary, but the parsed records and
 * the repaired rows only as counts (holey arrays of the right length: the panes show how many, never which). The
 * worker keeps the full analysis for writing.
 */
export function analysisForPage(analysis: Analysis): Analysis {
  const { table, plan } = analysis;
  return {
    ...analysis,
    table: { ...table, records: new Array<TaskRecord>(table.records.length), removed: [] },
    plan: { ...plan, rows: new Array<OutputRow>(plan.rows.length), rowMap: [] },
  };
}

/** A slice of one of the analysis's long lists, sent as its own message. */
export type AnalysisPart = { list: 'findings'; items: Finding[] } | { list: 'changes'; items: Change[] } | { list: 'removed'; items: RemovedRow[] };

/** Items per part: a thousand items are a few milliseconds of the page's main thread (and of its garbage collector). */
export const PART_SIZE = 1000;

/**
 * Items of one part with equal messages sharing one messages object: structured clone sends a shared object once, so
 * the page builds one object and two strings per distinct message instead of per item (most changes of a kind, and
 * many findings of a rule, say the same words).
 */
function sharingMessages<T extends { messages: Record<Lang, string> }>(items: readonly T[]): T[] {
  const shared = new Map<string, Record<Lang, string>>();
  return items.map((item) => {
    const key = `${item.messages['zh-CN']}\u0000${item.messages['en-US']}`;
    const messages = shared.get(key);
    if (!messages) {
      shared.set(key, item.messages);
      return item;
    }
    return { ...item, messages };
  });
}

/** The page's analysis without its long lists (they follow as parts, in order), and those parts. */
export function splitAnalysis(analysis: Analysis, size = PART_SIZE): { head: Analysis; parts: AnalysisPart[] } {
  const page = analysisForPage(analysis);
  const parts: AnalysisPart[] = [];
  for (let i = 0; i < page.findings.length; i += size) parts.push({ list: 'findings', items: sharingMessages(page.findings.slice(i, i + size)) });
  for (let i = 0; i < page.plan.changes.length; i += size) parts.push({ list: 'changes', items: sharingMessages(page.plan.changes.slice(i, i + size)) });
  for (let i = 0; i < page.plan.removed.length; i += size) parts.push({ list: 'removed', items: page.plan.removed.slice(i, i + size) });
  return { head: { ...page, findings: [], plan: { ...page.plan, changes: [], removed: [] } }, parts };
}

/** The analysis back from its head and parts (the page's side of splitAnalysis). */
export function joinAnalysis(head: Analysis, parts: readonly AnalysisPart[]): Analysis {
  const findings: Finding[] = [...head.findings];
  const changes: Change[] = [...head.plan.changes];
  const removed: RemovedRow[] = [...head.plan.removed];
  for (const part of parts) {
    // One list grown item by item: concat per part would copy the whole list each time.
    if (part.list === 'findings') for (const item of part.items) findings.push(item);
    else if (part.list === 'changes') for (const item of part.items) changes.push(item);
    else for (const item of part.items) removed.push(item);
  }
  return { ...head, findings, plan: { ...head.plan, changes, removed } };
}
