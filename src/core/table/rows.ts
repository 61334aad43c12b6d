import type { Config } from '../config/schema';
import type { GridView } from '../grid/gridView';
import type { TableHeader } from '../types';
import { compactLabel } from '../text/lists';
import { looksLikeHeader } from './header';

export type RowKind = 'blank' | 'repeated-header' | 'page-number' | 'section' | 'title' | 'data';

const SECTION_RE = /^\s*[一二三四五六七八九十百零〇]+\s*[、.．]\s*\S/;
const PAGE_RE = /^(?:[-—–_\s]*\d{1,4}[-—–_\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
const COUNT_ONLY_RE = /^[（(]\s*共\s*\d+\s*项\s*[)）]$/;

/** The distinct non-empty texts of a row, with the columns they sit in. */
function rowCells(view: GridView, row: number): Array<{ column: number; text: string }> {
  const out: Array<{ column: number; text: string }> = [];
  for (let c = 0; c < view.columnCount; c++) {
    const text = view.text(row, c).trim();
    if (text !== '') out.push({ column: c, text });
  }
  return out;
}

/** Is this row the header again (a page break, or each section's own header)? */
function repeatsHeader(view: GridView, row: number, header: TableHeader, config: Config): boolean {
  const cells = rowCells(view, row);
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
  let previousWasHeader = false;
  for (let r = start; r < view.rowCount; r++) {
    kinds[r] = classifyRow(view, r, header, numberColumn, config, previousWasHeader);
    previousWasHeader = kinds[r] === 'repeated-header';
  }
  // A lone text line just above a repeated header is the title of another table on the same sheet.
  for (let r = start; r < view.rowCount; r++) {
    if (kinds[r] !== 'data' || view.rowContinuesMerge(r)) continue;
    const cells = rowCells(view, r);
    if (cells.length !== 1 || /^\d+$/.test(cells[0].text)) continue;
    if (COUNT_ONLY_RE.test(cells[0].text)) {
      kinds[r] = 'title';
      continue;
    }
    let next = r + 1;
    while (next < view.rowCount && kinds[next] === 'blank') next++;
    if (next < view.rowCount && kinds[next] === 'repeated-header' && cells[0].column <= Math.max(numberColumn, 0)) kinds[r] = 'title';
  }
  return kinds;
}

function classifyRow(
  view: GridView,
  r: number,
  header: TableHeader,
  numberColumn: number,
  config: Config,
  previousWasHeader: boolean,
): RowKind {
  if (view.rowContinuesMerge(r)) return 'data';
  const cells = rowCells(view, r);
  if (cells.length === 0) return 'blank';
  if (repeatsHeader(view, r, header, config)) return 'repeated-header';
  // The second row of a two-row header, after a repeated first row.
  if (previousWasHeader && header.rows.length > 1 && cells.every((cell) => compactLabel(cell.text) === compactLabel(view.text(header.rows[1], cell.column)))) {
    return 'repeated-header';
  }
  const distinct = new Set(cells.map((cell) => cell.text));
  if (distinct.size === 1) {
    const [text] = distinct;
    const first = cells[0];
    const merge = view.mergeAt(r, first.column);
    const wide = merge !== null && merge.columnCount >= 2;
    if (PAGE_RE.test(text) && /[-—–第/]/.test(text)) return 'page-number';
    if (SECTION_RE.test(text) && (first.column <= Math.max(numberColumn, 0) || wide)) return 'section';
  }
  return 'data';
}

export function isSectionHeading(text: string): boolean {
  return SECTION_RE.test(text);
}

export interface SectionHeading {
  title: string;
  official: string | null;
  declared: number | null;
}

/** "一、胡钛同志分管工作（共4项）" → official 胡钛, declared 4. */
export function parseSectionHeading(text: string): SectionHeading {
  const title = text.trim();
  const body = title.replace(/^\s*[一二三四五六七八九十百零〇]+\s*[、.．]\s*/, '');
  const official = /^(.+?)(?:同志|副?[市区县]长|书记|主任|秘书长)?分管/.exec(body)?.[1] ?? null;
  const declared = /[（(]\s*共\s*(\d+)\s*项\s*[)）]/.exec(title);
  return { title, official: official && official.length <= 8 ? official : null, declared: declared ? Number(declared[1]) : null };
}

/** 共N项 in the title lines. */
export function declaredTotalOf(lines: string[]): number | null {
  for (const line of lines) {
    const m = /共\s*(\d+)\s*项/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}
