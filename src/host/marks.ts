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

