/**
 * What marking findings puts on the source cells, the same in every host: one mark per cell, the most severe
 * finding's fill, every finding's message (and suggestion) in the note. Pure: the hosts write the marks.
 */
import type { Finding, Lang, Severity } from '../core/types';
import type { SourceSnapshot } from './index';
import { cellA1, columnLetters, parseA1 } from './addresses';

/** Light fills that keep black text readable: Excel's own "bad", "neutral" and a pale blue. */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'Error', warning: 'Warning', info: 'Info' },
};
const SUGGESTION_LABEL: Record<Lang, string> = { 'zh-CN': '建议', 'en-US': 'Suggestion' };

export interface Mark {
  address: string;
  severity: Severity;
  lines: string[];
}

/** One mark per cell: the most severe finding's colour, every finding's message in the note. */
export function marksFor(source: SourceSnapshot, findings: Finding[], lang: Lang): Mark[] {
  const marks = new Map<string, Mark>();
  const firstColumn = source.grid.origin.column - 1;
  const columnCount = source.grid.values[0]?.length ?? 1;
  for (const finding of findings) {
    const text = `【${SEVERITY_LABEL[lang][finding.severity]}】${finding.messages[lang]}${finding.suggestion ? `\n${SUGGESTION_LABEL[lang]}：${finding.suggestion}` : ''}`;
    // A row-level finding colours the row across the table; its note goes on the row's first cell.
    const addresses = finding.cell
      ? [finding.cell.toUpperCase()]
      : Array.from({ length: columnCount }, (_, c) => `${columnLetters(firstColumn + c)}${finding.row}`);
    addresses.forEach((written, i) => {
      const rect = parseA1(written);
      if (!rect) return;
      // Notes belong to one cell: a range is marked by its first cell.
      const address = cellA1(rect.row, rect.column);
      const mark = marks.get(address) ?? { address, severity: finding.severity, lines: [] };
      if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[mark.severity]) mark.severity = finding.severity;
      if (i === 0 && !mark.lines.includes(text)) mark.lines.push(text);
      marks.set(address, mark);
    });
  }
  return [...marks.values()];
}


/** One marked cell as recorded before marking, so clearing can put the clerk's own fill back. */
export interface HighlightedCell {
  address: string;
  /** The fill before highlighting; null for none. */
  fill: string | null;
  /** A note was added by us (and is removed on clear); a note or comment of the clerk's is left alone. */
  note: boolean;
}

/**
 * What the last highlight changed, kept in the workbook (Excel: a setting; WPS: the document store). The same record in
 * every host, read back the same way: whatever another version or a hand edit left there, clearing only touches cells
 * that are well-formed entries, and a record it cannot read is dropped instead of failing the clear.
 */
export interface HighlightRecord {
  version: 1;
  sheet: string;
  cells: HighlightedCell[];
}

/** The stored record (an object, or the JSON text of one) if it is one we wrote; null otherwise. */
export function parseHighlightRecord(stored: unknown): HighlightRecord | null {
  let data: unknown = stored;
  if (typeof stored === 'string') {
    try {
      data = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Partial<HighlightRecord>;
  if (record.version !== 1 || typeof record.sheet !== 'string' || !Array.isArray(record.cells)) return null;
  const cells = record.cells.filter(
    (cell): cell is HighlightedCell =>
      typeof cell === 'object' && cell !== null && typeof cell.address === 'string' && parseA1(cell.address) !== null && (cell.fill === null || typeof cell.fill === 'string'),
  );
  return { version: 1, sheet: record.sheet, cells };
}

/** A mark's note text, cut to `max` characters with an ellipsis so the reader sees that text is missing. */
export function noteText(mark: Mark, max: number): string {
  const text = mark.lines.join('\n');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
