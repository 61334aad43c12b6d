/**
 * Where a finding is in the Word document: "第2个表格第5行第3列（“二、…分管工作”下）". The engine reports sheet rows and
 * A1 cells of the grid; a clerk fixing the document needs the table, its row and column, and the heading above it.
 */
import { parseA1 } from '../../core/grid/address';
import type { Finding, Lang } from '../../core/types';

export interface DocxRowPosition {
  kind: 'title' | 'section' | 'table-row';
  /** 1-based number of the Word table (w:tbl, in document order, nested tables not counted); null for a paragraph. */
  table: number | null;
  /** 1-based row inside that Word table; null for a paragraph. */
  tableRow: number | null;
  /** The heading paragraph above the row (its own text for a section row), null when there is none. */
  heading: string | null;
}

export interface DocxPositions {
  /** Sheet position of grid row 0 / column 0 (as the grid's origin). */
  origin: { row: number; column: number };
  /** One entry per grid row. */
  rows: DocxRowPosition[];
}

const MAX_HEADING = 24;

function shortHeading(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > MAX_HEADING ? `${line.slice(0, MAX_HEADING)}…` : line;
}

/**
 * Describe a sheet row (1-based, as the engine reports it) and an optional 1-based sheet column as a place in the Word
 * document, in the user's language.
 */
export function describeDocxPosition(positions: DocxPositions, row: number, column: number | null, lang: Lang): string {
  const position = positions.rows[row - positions.origin.row];
  const zh = lang === 'zh-CN';
  if (!position) return zh ? `第${row}行` : `row ${row}`;
  if (position.kind !== 'table-row' || position.table === null || position.tableRow === null) {
    const text = shortHeading(position.heading ?? '');
    if (position.kind === 'section') return zh ? `标题段落“${text}”` : `heading paragraph “${text}”`;
    return zh ? '表格上方的标题段落' : 'a title paragraph above the table';
  }
  const col = column === null ? null : column - positions.origin.column + 1;
  const heading = position.heading === null ? null : shortHeading(position.heading);
  if (zh) {
    return `第${position.table}个表格第${position.tableRow}行${col !== null ? `第${col}列` : ''}${heading ? `（“${heading}”下）` : ''}`;
  }
  return `table ${position.table}, row ${position.tableRow}${col !== null ? `, column ${col}` : ''}${heading ? ` (under “${heading}”)` : ''}`;
}

/** Describe where a finding points in the Word document. */
export function describeDocxFinding(positions: DocxPositions, finding: Pick<Finding, 'row' | 'cell'>, lang: Lang): string {
  const cell = finding.cell === null ? null : parseA1(finding.cell);
  return describeDocxPosition(positions, cell?.row ?? finding.row, cell?.column ?? null, lang);
}
