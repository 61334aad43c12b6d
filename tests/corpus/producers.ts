/**
 * The seed table written by the JavaScript producers this project did not write (exceljs, SheetJS, xlsx-populate), and
 * as the two formats Java report systems save under an ".xls" name (SpreadsheetML 2003 XML and an HTML table), and as
 * a flat OpenDocument file from which LibreOffice makes a workbook with a real pivot table.
 */
import { createRequire } from 'node:module';
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import type { CellValue, Grid } from '../../src/core/types';
import { gridToWorkbook } from '../fixtures/writeXlsx';

/** Where each value of the grid goes on the sheet, and which cells a merged area hides. */
interface Placed {
  row: number;
  column: number;
  value: CellValue;
  merge?: { rows: number; columns: number };
  covered: boolean;
}

export function placeGrid(grid: Grid): Placed[][] {
  const covered = new Set<string>();
  const origins = new Map<string, { rows: number; columns: number }>();
  for (const m of grid.merges) {
    origins.set(`${m.row}:${m.column}`, { rows: m.rowCount, columns: m.columnCount });
    for (let r = m.row; r < m.row + m.rowCount; r++) {
      for (let c = m.column; c < m.column + m.columnCount; c++) if (r !== m.row || c !== m.column) covered.add(`${r}:${c}`);
    }
  }
  const width = Math.max(...grid.values.map((row) => row.length));
  return grid.values.map((row, r) =>
    Array.from({ length: width }, (_, c) => ({
      row: grid.origin.row + r,
      column: grid.origin.column + c,
      value: row[c] ?? null,
      merge: origins.get(`${r}:${c}`),
      covered: covered.has(`${r}:${c}`),
    })),
  );
}

const isBlank = (value: CellValue): boolean => value === null || value === '';

export async function exceljsWorkbook(grid: Grid, sheet: string): Promise<Uint8Array> {
  return new Uint8Array(await gridToWorkbook(grid, sheet).xlsx.writeBuffer());
}

export function sheetjsWorkbook(grid: Grid, sheet: string): Uint8Array {
  const worksheet = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(worksheet, grid.values, { origin: { r: grid.origin.row - 1, c: grid.origin.column - 1 } });
  worksheet['!merges'] = grid.merges.map((m) => {
    const r = grid.origin.row - 1 + m.row;
    const c = grid.origin.column - 1 + m.column;
    return { s: { r, c }, e: { r: r + m.rowCount - 1, c: c + m.columnCount - 1 } };
  });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, worksheet, sheet);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The part of xlsx-populate's API used here (the package ships no type declarations). */
interface PopulateWorkbook {
  sheet(index: number): PopulateSheet;
  outputAsync(): Promise<Uint8Array>;
}
interface PopulateSheet {
  name(name: string): PopulateSheet;
  cell(row: number, column: number): { value(value: string | number | boolean): unknown; style(name: string, value: boolean): unknown };
  range(row1: number, column1: number, row2: number, column2: number): { merged(merged: boolean): unknown };
}
interface PopulateModule {
  fromBlankAsync(): Promise<PopulateWorkbook>;
}

export async function xlsxPopulateWorkbook(grid: Grid, sheet: string): Promise<Uint8Array> {
  const populate = createRequire(__filename)('xlsx-populate') as PopulateModule;
  const workbook = await populate.fromBlankAsync();
  const worksheet = workbook.sheet(0).name(sheet);
  for (const row of placeGrid(grid)) {
    for (const cell of row) {
      if (isBlank(cell.value)) continue;
      const target = worksheet.cell(cell.row, cell.column);
      target.value(cell.value as string | number | boolean);
      target.style('wrapText', true);
    }
  }
  for (const m of grid.merges) {
    const r = grid.origin.row + m.row;
    const c = grid.origin.column + m.column;
    worksheet.range(r, c, r + m.rowCount - 1, c + m.columnCount - 1).merged(true);
  }
  return new Uint8Array(await workbook.outputAsync());
}

const SS = 'urn:schemas-microsoft-com:office:spreadsheet';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** SpreadsheetML 2003, as report templates of Java back ends write it (merges as ss:MergeAcross / ss:MergeDown). */
export function spreadsheetMl2003(grid: Grid, sheet: string): Uint8Array {
  const doc: XmlDocument = new DOMImplementation().createDocument(SS, 'Workbook', null);
  const root = doc.documentElement as XmlElement;
  root.setAttributeNS(XMLNS, 'xmlns:o', 'urn:schemas-microsoft-com:office:office');
  root.setAttributeNS(XMLNS, 'xmlns:x', 'urn:schemas-microsoft-com:office:excel');
  root.setAttributeNS(XMLNS, 'xmlns:ss', SS);
  root.setAttributeNS(XMLNS, 'xmlns:html', 'http://www.w3.org/TR/REC-html40');
  const add = (parent: XmlElement, name: string, attributes: Record<string, string> = {}): XmlElement => {
    const element = doc.createElementNS(SS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttributeNS(SS, `ss:${key}`, value);
    parent.appendChild(element);
    return element;
  };
  const styles = add(root, 'Styles');
  const style = add(styles, 'Style', { ID: 'Default', Name: 'Normal' });
  add(style, 'Alignment', { Vertical: 'Top', WrapText: '1' });
  const worksheet = add(root, 'Worksheet', { Name: sheet });
  const placed = placeGrid(grid);
  const table = add(worksheet, 'Table', {
    ExpandedColumnCount: String(grid.origin.column - 1 + placed[0].length),
    ExpandedRowCount: String(grid.origin.row - 1 + placed.length),
  });
  for (const row of placed) {
    const rowElement = add(table, 'Row', { Index: String(row[0].row) });
    let next = 1; // the column the next <Cell> lands on without ss:Index
    for (const cell of row) {
      if (cell.covered || (isBlank(cell.value) && !cell.merge)) continue;
      const attributes: Record<string, string> = {};
      if (cell.column !== next) attributes.Index = String(cell.column);
      if (cell.merge && cell.merge.columns > 1) attributes.MergeAcross = String(cell.merge.columns - 1);
      if (cell.merge && cell.merge.rows > 1) attributes.MergeDown = String(cell.merge.rows - 1);
      const cellElement = add(rowElement, 'Cell', attributes);
      if (!isBlank(cell.value)) {
        const data = add(cellElement, 'Data', { Type: typeof cell.value === 'number' ? 'Number' : 'String' });
        data.appendChild(doc.createTextNode(String(cell.value)));
      }
      next = cell.column + (cell.merge?.columns ?? 1);
    }
  }
  const body = new XMLSerializer().serializeToString(doc);
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n${body}`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An HTML table saved as ".xls" (Excel opens it), as Java report systems export: rowspan/colspan, <br> for line breaks. */
export function htmlTableXls(grid: Grid, title: string): Uint8Array {
  const rows = placeGrid(grid).map((row) => {
    const cells = row
      .filter((cell) => !cell.covered)
      .map((cell) => {
        const span = [
          cell.merge && cell.merge.rows > 1 ? ` rowspan="${cell.merge.rows}"` : '',
          cell.merge && cell.merge.columns > 1 ? ` colspan="${cell.merge.columns}"` : '',
        ].join('');
        const text = isBlank(cell.value) ? '' : escapeHtml(String(cell.value)).split('\n').join('<br>');
        return `<td${span} style="vnd.ms-excel.numberformat:@">${text}</td>`;
      });
    return `<tr>${cells.join('')}</tr>`;
  });
  const html = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->',
    '</head><body>',
    '<table border="1" cellspacing="0">',
    ...rows,
    '</table></body></html>',
  ];
  return strToU8(html.join('\n'));
}

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

/**
 * A flat OpenDocument spreadsheet: the seed table first, then a small data sheet and a pivot table (data pilot) over
 * it. LibreOffice converts it to .xlsx with pivotTable and pivotCache parts, which no JavaScript producer here writes.
 */
export function pivotFods(grid: Grid, sheet: string): Uint8Array {
  const doc: XmlDocument = new DOMImplementation().createDocument(OFFICE, 'office:document', null);
  const root = doc.documentElement as XmlElement;
  root.setAttributeNS(XMLNS, 'xmlns:table', TABLE);
  root.setAttributeNS(XMLNS, 'xmlns:text', TEXT);
  root.setAttributeNS(OFFICE, 'office:version', '1.2');
  root.setAttributeNS(OFFICE, 'office:mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
  const add = (parent: XmlElement, ns: string, name: string, attributes: Record<string, string> = {}): XmlElement => {
    const element = doc.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttributeNS(key.startsWith('office:') ? OFFICE : TABLE, key, value);
    parent.appendChild(element);
    return element;
  };
  const cell = (row: XmlElement, value: CellValue, attributes: Record<string, string> = {}): void => {
    if (isBlank(value)) {
      add(row, TABLE, 'table:table-cell', attributes);
      return;
    }
    const numeric = typeof value === 'number';
    const element = add(row, TABLE, 'table:table-cell', {
      ...attributes,
      'office:value-type': numeric ? 'float' : 'string',
      ...(numeric ? { 'office:value': String(value) } : {}),
    });
    for (const paragraph of String(value).split('\n')) add(element, TEXT, 'text:p').appendChild(doc.createTextNode(paragraph));
  };
  const spreadsheet = add(add(root, OFFICE, 'office:body'), OFFICE, 'office:spreadsheet');

  const seed = add(spreadsheet, TABLE, 'table:table', { 'table:name': sheet });
  for (let r = 1; r < grid.origin.row; r++) add(add(seed, TABLE, 'table:table-row'), TABLE, 'table:table-cell');
  for (const row of placeGrid(grid)) {
    const rowElement = add(seed, TABLE, 'table:table-row');
    for (let c = 1; c < grid.origin.column; c++) add(rowElement, TABLE, 'table:table-cell');
    for (const placed of row) {
      if (placed.covered) {
        add(rowElement, TABLE, 'table:covered-table-cell');
        continue;
      }
      const spans: Record<string, string> = {};
      if (placed.merge) {
        spans['table:number-rows-spanned'] = String(placed.merge.rows);
        spans['table:number-columns-spanned'] = String(placed.merge.columns);
      }
      cell(rowElement, placed.value, spans);
    }
  }

  const data = add(spreadsheet, TABLE, 'table:table', { 'table:name': '透视源' });
  const dataRows: CellValue[][] = [
    ['责任单位', '任务数'],
    ['区发展改革局', 5],
    ['区财政局', 3],
    ['区发展改革局', 2],
  ];
  for (const values of dataRows) {
    const rowElement = add(data, TABLE, 'table:table-row');
    for (const value of values) cell(rowElement, value);
  }
  const pivotSheet = add(spreadsheet, TABLE, 'table:table', { 'table:name': '透视' });
  add(add(pivotSheet, TABLE, 'table:table-row'), TABLE, 'table:table-cell');
  const pilots = add(spreadsheet, TABLE, 'table:data-pilot-tables');
  const pilot = add(pilots, TABLE, 'table:data-pilot-table', {
    'table:name': '单位透视',
    'table:target-range-address': '透视.A1:透视.B6',
    'table:buttons': '透视.A1',
  });
  add(pilot, TABLE, 'table:source-cell-range', { 'table:cell-range-address': '透视源.A1:透视源.B4' });
  add(pilot, TABLE, 'table:data-pilot-field', { 'table:source-field-name': '责任单位', 'table:orientation': 'row' });
  add(pilot, TABLE, 'table:data-pilot-field', { 'table:source-field-name': '任务数', 'table:orientation': 'data', 'table:function': 'sum' });
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`);
}

/** The seed table as a comma-separated file (what "save as CSV" gives): a format the CLI must refuse, not misread. */
export function csvOf(grid: Grid): Uint8Array {
  const quote = (value: CellValue): string => {
    const text = isBlank(value) ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return strToU8(grid.values.map((row) => row.map(quote).join(',')).join('\r\n'));
}
