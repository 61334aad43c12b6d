/**
 * Worksheet XML for a sheet we write. Text is a shared or an inline string, never a formula ("=1+1" stays text);
 * line breaks are kept and shown wrapped.
 */
import { columnLetter, parseRangeA1 } from '../../core/grid/address';
import { MAX_CELL_TEXT, cellText, displayWidth } from '../../core/sheets';
import type { OutputSheet } from '../types';
import { escapeText } from './escape';
import type { CellStyles, StyleKind } from './styles';

/** Rows sampled to size the columns of a large sheet: enough to see typical text, cheap on 100k rows. */
const WIDTH_SAMPLE_ROWS = 2000;

const columnNames: string[] = [];
function columnName(index: number): string {
  return (columnNames[index] ??= columnLetter(index + 1));
}

/** Width per column from the longest line in a sample of rows, between 6 and 60 characters. */
export function columnWidths(rows: ReadonlyArray<ReadonlyArray<string | number>>, columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(6);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((value, c) => {
      if (c >= columnCount || value === '') return;
      for (const line of String(value).slice(0, 400).split('\n')) widths[c] = Math.max(widths[c], Math.min(60, displayWidth(line) + 2));
    });
  }
  return widths;
}

/** Where a sheet's text goes, a piece (a row) at a time: a 100k-row sheet is never one string nor held whole. */
export interface PieceSink {
  push(piece: string): void;
}

export interface SheetXmlResult {
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function areas(ranges: readonly string[]): Area[] {
  return ranges.flatMap((range) => {
    const box = parseRangeA1(range);
    return box ? [box] : [];
  });
}

function inAreas(list: Area[], row: number, column: number): boolean {
  for (const a of list) if (row >= a.top && row <= a.bottom && column >= a.left && column <= a.right) return true;
  return false;
}

/** The list formula of a drop-down: the items in quotes, commas between, quotes doubled. */
function listFormula(items: readonly string[]): string {
  return `"${items.map((item) => item.replace(/"/g, '""').replace(/,/g, '，')).join(',')}"`;
}

export function worksheetXml(
  sheet: OutputSheet,
  styles: CellStyles,
  mainNs: string,
  /** sharedString: the shared string index of a text, or null to write it inline. */
  extra: { drawingRelId?: string; sharedString?: (text: string) => number | null },
  out: PieceSink,
): SheetXmlResult {
  const title = sheet.title ?? [];
  const hasHeader = sheet.columns.length > 0;
  const headerRow = hasHeader ? title.length + 1 : 0;
  const firstBodyRow = title.length + (hasHeader ? 1 : 0) + 1;
  const bodyRows = sheet.totalsRow ? sheet.rows.length - 1 : sheet.rows.length;
  const percent = new Set(sheet.percentColumns ?? []);
  const bold = new Set(sheet.boldRows ?? []);
  const dates = new Map((sheet.dates ?? []).map((d) => [`${d.row}:${d.column}`, d]));
  const unlocked = sheet.protection ? areas(sheet.protection.unlocked) : [];
  let columnCount = sheet.columns.length;
  for (const row of sheet.rows.slice(0, WIDTH_SAMPLE_ROWS)) columnCount = Math.max(columnCount, row.length);
  for (let i = WIDTH_SAMPLE_ROWS; i < sheet.rows.length; i += 1) if (sheet.rows[i].length > columnCount) columnCount = sheet.rows[i].length;
  const lastRow = firstBodyRow - 1 + sheet.rows.length;
  let truncatedCells = 0;

  const style = (kind: StyleKind, row: number, column: number): number =>
    unlocked.length > 0 && inAreas(unlocked, row, column) ? styles.unlocked[kind] : styles.locked[kind];
  const shared = extra.sharedString;
  /** A text cell's XML after its `<c` and reference (the reference is decided when the row is put together). */
  const text = (value: string, s: number): string => {
    if (value.length > MAX_CELL_TEXT) truncatedCells += 1;
    // A shared string, or inline: either way a string, never a formula.
    const fitted = cellText(value);
    const index = shared ? shared(fitted) : null;
    if (index !== null) return ` s="${s}" t="s"><v>${index}</v></c>`;
    const t = escapeText(fitted);
    const space = t !== t.trim() || t.includes('\n') ? ' xml:space="preserve"' : '';
    return ` s="${s}" t="inlineStr"><is><t${space}>${t}</t></is></c>`;
  };
  /**
   * `<c` and the cell's reference, which ECMA-376 Part 1 §18.3.1.4 makes optional: a cell without one is the column after
   * the cell before it in the row. The reference is written on a row's first cell and after a gap, and left off a cell
   * right after the previous one, as Microsoft's own exporters (Dynamics, Power BI) write: the references were a third of
   * a repaired sheet's compressed size. Excel, LibreOffice, openpyxl, SheetJS and exceljs (which needs the row's first one) all
   * place such cells; tests/corpus reads our output back through them cell by cell.
   */
  const cellStart = (r: number, column: number, previous: number): string =>
    column === previous + 1 && previous > 0 ? '<c' : `<c r="${columnName(column - 1)}${r}"`;

  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNs}"${extra.drawingRelId ? ` xmlns:r="${relNsFor(mainNs)}"` : ''}>`);
  const dimension = lastRow > 0 && columnCount > 0 ? `A1:${columnName(columnCount - 1)}${lastRow}` : 'A1';
  out.push(`<dimension ref="${dimension}"/>`);
  const freezeRows = sheet.freeze?.rows ?? headerRow;
  const freezeColumns = sheet.freeze?.columns ?? 0;
  if (freezeRows > 0 || freezeColumns > 0) {
    const topLeft = `${columnName(freezeColumns)}${freezeRows + 1}`;
    const pane = freezeRows > 0 && freezeColumns > 0 ? 'bottomRight' : freezeRows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${freezeColumns > 0 ? ` xSplit="${freezeColumns}"` : ''}${freezeRows > 0 ? ` ySplit="${freezeRows}"` : ''}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  const widths = sheet.widths.length > 0 ? sheet.widths : columnWidths(sheet.rows, columnCount);
  if (widths.length > 0) out.push(`<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  // Cells must be in column order within a row: written cells first collected, then the unlocked empty ones merged in.
  const rowXml = (r: number, cells: Array<[number, string]>): void => {
    let all = cells;
    if (unlocked.length > 0) {
      const written = new Set(cells.map(([c]) => c));
      all = [...cells];
      for (let c = 1; c <= columnCount; c += 1) if (!written.has(c) && inAreas(unlocked, r, c)) all.push([c, ` s="${styles.unlocked.plain}"/>`]);
      all.sort((a, b) => a[0] - b[0]);
    }
    let body = '';
    let previous = 0;
    for (const [c, rest] of all) {
      body += cellStart(r, c, previous) + rest;
      previous = c;
    }
    if (body !== '') out.push(`<row r="${r}">${body}</row>`);
  };
  title.forEach((line, i) => rowXml(i + 1, line === '' ? [] : [[1, text(line, style('bold', i + 1, 1))]]));
  if (hasHeader) {
    rowXml(
      headerRow,
      sheet.columns.flatMap((name, c): Array<[number, string]> => (name === '' ? [] : [[c + 1, text(name, style('bold', headerRow, c + 1))]])),
    );
  }
  sheet.rows.forEach((row, i) => {
    const r = firstBodyRow + i;
    const totals = sheet.totalsRow === true && i >= bodyRows;
    const emphasis: StyleKind = bold.has(i) ? 'bold' : 'plain';
    // The common row (no unlocked ranges to merge in): written straight into one string, no pair per cell.
    const direct = unlocked.length === 0;
    const cells: Array<[number, string]> = [];
    let body = '';
    let previous = 0;
    for (let c = 0; c < row.length; c += 1) {
      const value = row[c];
      if (value === '' || value === null || value === undefined) continue;
      const kind: StyleKind = totals ? (percent.has(c) ? 'totalPercent' : 'total') : percent.size > 0 && percent.has(c) ? 'percent' : emphasis;
      const s = style(kind, r, c + 1);
      const date = dates.size > 0 ? dates.get(`${i}:${c}`) : undefined;
      const dateStyle = date ? styles.dates.get(date.format) : undefined;
      let rest: string;
      if (date && dateStyle !== undefined) rest = ` s="${dateStyle}"><v>${date.serial}</v></c>`;
      else if (typeof value === 'number') rest = Number.isFinite(value) ? ` s="${s}"><v>${value}</v></c>` : text(String(value), s);
      else rest = text(String(value), s);
      if (direct) {
        body += cellStart(r, c + 1, previous) + rest;
        previous = c + 1;
      } else cells.push([c + 1, rest]);
    }
    if (!direct) rowXml(r, cells);
    else if (body !== '') out.push(`<row r="${r}">${body}</row>`);
  });
  if (unlocked.length > 0) {
    // Unlocked ranges below the written rows still need their cells, or a clerk could not type there.
    const extraBottom = Math.min(Math.max(lastRow, ...unlocked.map((a) => a.bottom)), lastRow + 1000);
    for (let r = lastRow + 1; r <= extraBottom; r += 1) rowXml(r, []);
  }
  out.push('</sheetData>');
  if (sheet.protection) out.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0" sort="0"/>');
  const filter = sheet.autoFilter ?? hasHeader;
  if (filter && hasHeader && columnCount > 0) {
    // The totals row stays out of the filtered range, so filtering never hides it.
    out.push(`<autoFilter ref="A${headerRow}:${columnName(Math.max(sheet.columns.length, 1) - 1)}${headerRow + bodyRows}"/>`);
  }
  const merges = [...(sheet.merges ?? [])];
  title.forEach((line, i) => {
    if (columnCount > 1) merges.push(`A${i + 1}:${columnName(columnCount - 1)}${i + 1}`);
  });
  if (merges.length > 0) out.push(`<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${escapeText(ref)}"/>`).join('')}</mergeCells>`);
  const validations = sheet.dataValidations ?? [];
  if (validations.length > 0) {
    out.push(`<dataValidations count="${validations.length}">`);
    for (const v of validations) {
      out.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${escapeText(v.range.replace(/\$/g, ''))}"><formula1>${escapeText(listFormula(v.list))}</formula1></dataValidation>`);
    }
    out.push('</dataValidations>');
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (extra.drawingRelId) out.push(`<drawing r:id="${extra.drawingRelId}"/>`);
  out.push('</worksheet>');
  return { truncatedCells };
}

export function relNsFor(mainNs: string): string {
  return mainNs.startsWith('http://purl.oclc.org/')
    ? 'http://purl.oclc.org/ooxml/officeDocument/relationships'
    : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
}
