import type { OutputRowKind, RepairPlan } from '../../core/types';
import { columnLetter } from '../../core/grid/address';
import { MAX_CELL_TEXT, cellText, displayWidth } from '../../core/sheets';
import type { SheetSpec } from '../../core/sheets';
import type { CellStyles } from './xlsxPackage';

/** Rows sampled to size the columns of a large sheet: enough to see typical text, cheap on 100k rows. */
const WIDTH_SAMPLE_ROWS = 2000;

export interface RepairedSheetResult {
  rows: number;
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

function emphasized(kind: OutputRowKind): boolean {
  return kind === 'header' || kind === 'title' || kind === 'section';
}

/** Width per column from the longest line in a sample of rows, between 6 and 60 characters. */
export function columnWidths(values: string[][], columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(6);
  for (const row of values.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((value, c) => {
      if (c >= columnCount || value === '') return;
      for (const line of value.slice(0, 400).split('\n')) widths[c] = Math.max(widths[c], Math.min(60, displayWidth(line) + 2));
    });
  }
  return widths;
}

/*
 * Worksheet XML for the package writer (xlsxPackage). Text goes in as inline strings, so sharedStrings.xml stays as it
 * was and nothing is ever a formula: "=1+1" or "-3" is written and read back as text.
 */

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

export interface SheetXml {
  xml: Buffer;
  rows: number;
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

/** The repaired table as worksheet XML: one row per output row, no merges, wrapped text, header/title/section rows bold, frozen under the header. */
export function repairedSheetXml(plan: RepairPlan, values: string[][], styles: CellStyles): SheetXml {
  const columnCount = Math.max(plan.columns.length, ...values.slice(0, WIDTH_SAMPLE_ROWS).map((row) => row.length));
  const headerRow = plan.rows.findIndex((row) => row.kind === 'header') + 1;
  let truncatedCells = 0;
  let lastColumn = 0;
  const rows: string[] = [];
  values.forEach((row, i) => {
    const style = emphasized(plan.rows[i]?.kind ?? 'record') ? styles.bold : styles.plain;
    let cells = '';
    row.forEach((value, c) => {
      if (value === '') return;
      if (value.length > MAX_CELL_TEXT) truncatedCells += 1;
      cells += textCell(`${columnName(c)}${i + 1}`, cellText(value), style);
      lastColumn = Math.max(lastColumn, c + 1);
    });
    if (cells !== '') rows.push(`<row r="${i + 1}">${cells}</row>`);
  });
  const xml = worksheetXml(rows, {
    widths: columnWidths(values, columnCount),
    frozenRows: headerRow,
    lastRow: values.length,
    lastColumn,
    autoFilter: null,
  });
  return { xml, rows: values.length, truncatedCells };
}

/** A SheetSpec (a summary sheet or the change log): bold header with an autofilter, percent columns, a bold totals row under a rule. */
export function specSheetXml(spec: SheetSpec, styles: CellStyles): Buffer {
  const percent = new Set(spec.percentColumns ?? []);
  const bodyRows = spec.totalsRow ? spec.rows.length - 1 : spec.rows.length;
  const rows: string[] = [`<row r="1">${spec.columns.map((name, c) => (name === '' ? '' : textCell(`${columnName(c)}1`, cellText(name), styles.bold))).join('')}</row>`];
  spec.rows.forEach((row, i) => {
    const r = i + 2;
    const totals = i >= bodyRows;
    const cells = row.map((value, c) => {
      const style = totals ? (percent.has(c) ? styles.totalPercent : styles.total) : percent.has(c) ? styles.percent : styles.plain;
      const ref = `${columnName(c)}${r}`;
      if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : textCell(ref, String(value), style);
      return value === '' ? '' : textCell(ref, cellText(value), style);
    });
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const lastColumn = Math.max(spec.columns.length, ...spec.rows.map((row) => row.length));
  return worksheetXml(rows, {
    widths: spec.widths,
    frozenRows: 1,
    lastRow: 1 + spec.rows.length,
    lastColumn,
    // The totals row stays out of the filtered range, so filtering never hides it.
    autoFilter: spec.columns.length > 0 ? `A1:${columnName(spec.columns.length - 1)}${1 + bodyRows}` : null,
  });
}

interface SheetLayout {
  widths: number[];
  /** Rows frozen at the top (0: none). */
  frozenRows: number;
  lastRow: number;
  lastColumn: number;
  autoFilter: string | null;
}

function worksheetXml(rows: string[], layout: SheetLayout): Buffer {
  const { widths, frozenRows, lastRow, lastColumn, autoFilter } = layout;
  const dimension = lastRow > 0 && lastColumn > 0 ? `A1:${columnName(lastColumn - 1)}${lastRow}` : 'A1';
  const below = `A${frozenRows + 1}`;
  const view =
    frozenRows > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${frozenRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const cols = widths.length > 0 ? `<cols>${widths.map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>` : '';
  const parts = [
    SHEET_HEAD,
    `<dimension ref="${dimension}"/>`,
    `<sheetViews>${view}</sheetViews>`,
    cols,
    '<sheetData>',
    ...rows,
    '</sheetData>',
    autoFilter === null ? '' : `<autoFilter ref="${autoFilter}"/>`,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '</worksheet>',
  ];
  return Buffer.from(parts.join(''), 'utf8');
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
}

// Control characters are what these patterns look for.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/**
 * Cell text as XML content. Control characters XML 1.0 forbids are written as Excel's _xHHHH_ escape, and a literal
 * "_xHHHH_" in the text gets its underscore escaped (_x005F_) so Excel does not decode it. A carriage return is a
 * character reference: a literal one would be read back as a line feed.
 */
export function escapeCellText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '\r':
        return '&#13;';
      case '_':
        return '_x005F_';
      default:
        return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}

const columnNames: string[] = [];

/** Column letters for a 0-based index (0 → A), cached: every cell reference of a 100k-row sheet needs one. */
export function columnName(index: number): string {
  return (columnNames[index] ??= columnLetter(index + 1));
}
