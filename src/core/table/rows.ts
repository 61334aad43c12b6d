import type { Config } from '../config/schema';
import type { GridView } from '../grid/gridView';
import type { TableHeader } from '../types';
import { compactLabel } from '../text/lists';
import { looksLikeHeader } from './header';

export type RowKind = 'blank' | 'repeated-header' | 'page-number' | 'section' | 'title' | 'data';

const SECTION_RE = /^\s*[一二三四五六七八九十百零〇]+\s*[、.．]\s*\S/;
/** "（一）…": a second-level heading under "一、…". */
const SUBSECTION_RE = /^\s*[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）]\s*\S/;
const TITLE = '(?:同志|副?[市区县]长|常务副?[市区县]长|副?书记|副?主任|秘书长|部长|局长)';
/** "分管领导：胡钛", "牵头领导：胡钛副市长": a heading row naming the official of the block below it. */
const OFFICIAL_LABEL_RE = new RegExp(`^\\s*(?:分管(?:[市区县])?领导|分管副?[市区县]长|牵头领导|责任领导|联系领导|分管负责同志)\\s*[:：]\\s*([\\u4e00-\\u9fff·]{2,5}?)${TITLE}?\\s*(?:[（(]\\s*共\\s*\\d+\\s*项\\s*[)）])?\\s*$`);
/** "胡钛同志分管工作", "胡钛副市长分管（共4项）" without an ordinal in front. */
const OFFICIAL_BLOCK_RE = new RegExp(`^\\s*([\\u4e00-\\u9fff·]{2,4}?)${TITLE}\\s*(?:分管|牵头|负责)`);
const PAGE_RE = /^(?:[-—–_\s]*\d{1,4}[-—–_\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
const COUNT_ONLY_RE = /^[（(]\s*共\s*\d+\s*项\s*[)）]$/;

/** The distinct non-empty texts of a row, with the columns they sit in. */
interface RowCell {
  column: number;
  text: string;
}

function rowCells(view: GridView, row: number): RowCell[] {
  const out: RowCell[] = [];
  for (let c = 0; c < view.columnCount; c++) {
    const text = view.text(row, c).trim();
    if (text !== '') out.push({ column: c, text });
  }
  return out;
}

/** Is this row the header again (a page break, or each section's own header)? */
function repeatsHeader(view: GridView, row: number, cells: RowCell[], header: TableHeader, config: Config): boolean {
  // Header labels are short: a row with a long cell is data, whatever else it says.
  if (cells.length < 2 || cells.some((cell) => cell.text.length > 16)) return false;
  for (const h of header.rows) {
    const matches = cells.filter((cell) => {
      const m = view.mergeAt(h, cell.column);
      const label = m ? view.text(m.row, m.column) : view.text(h, cell.column);
      return compactLabel(label) === compactLabel(cell.text);
    }).length;
    if (matches === cells.length) return true;
  }
  return looksLikeHeader(view, row, config) && cells.every((cell) => cell.text.length <= 12);
}

/** Classify every row below the header. Rows inside a merged block are always data: they belong to a record. */
export function classifyRows(view: GridView, header: TableHeader, numberColumn: number, config: Config): RowKind[] {
  const start = header.rows[header.rows.length - 1] + 1;
  const kinds: RowKind[] = new Array<RowKind>(view.rowCount).fill('data');
  // The one text of a row that has only one (and continues no merge), for the second pass: each row is read once.
  const lone = new Map<number, RowCell>();
  let previousWasHeader = false;
  for (let r = start; r < view.rowCount; r++) {
    // Rows inside a merged block are always data: they belong to a record.
    if (view.rowContinuesMerge(r)) {
      kinds[r] = 'data';
      previousWasHeader = false;
      continue;
    }
    const cells = rowCells(view, r);
    kinds[r] = classifyRow(view, r, cells, header, numberColumn, config, previousWasHeader);
    if (cells.length === 1) lone.set(r, cells[0]);
    previousWasHeader = kinds[r] === 'repeated-header';
  }
  // A lone text line just above a repeated header is the title of another table on the same sheet.
  for (let r = start; r < view.rowCount; r++) {
    const cell = lone.get(r);
    if (kinds[r] !== 'data' || cell === undefined || /^\d+$/.test(cell.text)) continue;
    if (COUNT_ONLY_RE.test(cell.text)) {
      kinds[r] = 'title';
      continue;
    }
    let next = r + 1;
    while (next < view.rowCount && kinds[next] === 'blank') next++;
    if (next < view.rowCount && kinds[next] === 'repeated-header' && cell.column <= Math.max(numberColumn, 0)) kinds[r] = 'title';
  }
  return kinds;
}

function classifyRow(
  view: GridView,
  r: number,
  cells: RowCell[],
  header: TableHeader,
  numberColumn: number,
  config: Config,
  previousWasHeader: boolean,
): RowKind {
  if (cells.length === 0) return 'blank';
  if (repeatsHeader(view, r, cells, header, config)) return 'repeated-header';
  // The second row of a two-row header, after a repeated first row.
  if (previousWasHeader && header.rows.length > 1 && cells.every((cell) => compactLabel(cell.text) === compactLabel(view.text(header.rows[1], cell.column)))) {
    return 'repeated-header';
  }
  const first = cells[0];
  let single = true;
  for (let i = 1; i < cells.length && single; i++) single = cells[i].text === first.text;
  if (single) {
    const text = first.text;
    const merge = view.mergeAt(r, first.column);
    const wide = merge !== null && merge.columnCount >= 2;
    if (PAGE_RE.test(text) && /[-—–第/]/.test(text)) return 'page-number';
    if (isSectionHeading(text) && (first.column <= Math.max(numberColumn, 0) || wide)) return 'section';
  }
  return 'data';
}

export function isSectionHeading(text: string): boolean {
  return SECTION_RE.test(text) || SUBSECTION_RE.test(text) || officialHeading(text) !== null;
}

/** The official a heading without an ordinal names ("分管领导：胡钛", "胡钛同志分管工作"), or null. */
function officialHeading(text: string): string | null {
  const t = text.trim();
  if (t.length > 40) return null;
  const name = OFFICIAL_LABEL_RE.exec(t)?.[1] ?? OFFICIAL_BLOCK_RE.exec(t)?.[1] ?? null;
  // "办公室主任负责…" names an office, not a person.
  return name !== null && !/[室局委办部厅府院组会处科市区县镇]$/.test(name) ? name : null;
}

export interface SectionHeading {
  title: string;
  official: string | null;
  declared: number | null;
  /** 0: an official's heading without an ordinal; 1: "一、…"; 2: "（一）…". Lower ranks enclose higher ones. */
  rank: number;
}

/** "一、胡钛同志分管工作（共4项）" → official 胡钛, declared 4; "（一）产业发展" → a topic, rank 2. */
export function parseSectionHeading(text: string): SectionHeading {
  const title = text.trim();
  const declaredMatch = /[（(]\s*共\s*(\d+)\s*项\s*[)）]/.exec(title);
  const declared = declaredMatch ? Number(declaredMatch[1]) : null;
  const rank = SECTION_RE.test(title) ? 1 : SUBSECTION_RE.test(title) ? 2 : 0;
  const body = title.replace(/^\s*[一二三四五六七八九十百零〇]+\s*[、.．]\s*/, '').replace(/^\s*[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）]\s*/, '');
  const official = officialHeading(body) ?? /^(.+?)(?:同志|副?[市区县]长|书记|主任|秘书长)?分管/.exec(body)?.[1] ?? null;
  return { title, official: official && official.length <= 8 ? official : null, declared, rank };
}

/** 共N项 in the title lines. */
export function declaredTotalOf(lines: string[]): number | null {
  for (const line of lines) {
    const m = /共\s*(\d+)\s*项/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}
