import type { Alignment, Borders, Font, Style, Workbook, Worksheet } from 'exceljs';
import type { OutputRowKind, RepairPlan } from '../../core/types';
import { MAX_CELL_TEXT, cellText, displayWidth } from '../../core/sheets';
import type { SheetSpec } from '../../core/sheets';

const wrapTop: Partial<Alignment> = { wrapText: true, vertical: 'top' };
const bold: Partial<Font> = { bold: true };
const topRule: Partial<Borders> = { top: { style: 'thin' } };
const PERCENT_FORMAT = '0.0%';

/** Rows sampled to size the columns of a large sheet: enough to see typical text, cheap on 100k rows. */
const WIDTH_SAMPLE_ROWS = 2000;

export interface RepairedSheetResult {
  rows: number;
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

/**
 * Write the repaired table: one sheet row per output row, no merges, text wrapped with its line breaks, header bold.
 * Values are written as plain strings, so text such as "=1+1" or "-3" stays text and never becomes a formula.
 */
export function writeRepairedSheet(workbook: Workbook, name: string, plan: RepairPlan, values: string[][]): RepairedSheetResult {
  const columnCount = Math.max(plan.columns.length, ...values.slice(0, WIDTH_SAMPLE_ROWS).map((row) => row.length));
  const worksheet = workbook.addWorksheet(name);
  worksheet.columns = columnWidths(values, columnCount).map((width) => ({ width }));
  // One style object shared by many cells: exceljs recognizes it when writing instead of hashing each cell's style.
  const plain: Partial<Style> = { alignment: wrapTop };
  const emphasis: Partial<Style> = { alignment: wrapTop, font: bold };
  let truncatedCells = 0;
  let headerRow = 0;
  values.forEach((row, i) => {
    const kind = plan.rows[i]?.kind ?? 'record';
    const style = emphasized(kind) ? emphasis : plain;
    if (kind === 'header' && headerRow === 0) headerRow = i + 1;
    const sheetRow = worksheet.getRow(i + 1);
    row.forEach((value, c) => {
      if (value === '') return;
      const cell = sheetRow.getCell(c + 1);
      if (value.length > MAX_CELL_TEXT) truncatedCells += 1;
      cell.value = cellText(value);
      cell.style = style;
    });
  });
  if (headerRow > 0) worksheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  return { rows: values.length, truncatedCells };
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

export interface SpecSheetOptions {
  /** Write the rows as an Excel table (filter buttons, banded rows); otherwise a bold header with an autofilter. */
  asTable: boolean;
  /** Table names already used in the workbook: a table name must be unique across all sheets. */
  tableNames: Set<string>;
}

/** Write one SheetSpec (a summary sheet or the change log) as a formatted sheet. */
export function writeSpecSheet(workbook: Workbook, spec: SheetSpec, options: SpecSheetOptions): Worksheet {
  const worksheet = workbook.addWorksheet(spec.name);
  worksheet.columns = spec.widths.map((width) => ({ width }));
  const body = spec.totalsRow ? spec.rows.slice(0, -1) : spec.rows;
  const totals = spec.totalsRow ? spec.rows[spec.rows.length - 1] : undefined;
  const tableName = options.asTable && canBeTable(spec, body.length) ? uniqueTableName(spec.name, options.tableNames) : null;
  if (tableName !== null) {
    options.tableNames.add(tableName.toLowerCase());
    worksheet.addTable({
      name: tableName,
      displayName: tableName,
      ref: 'A1',
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: spec.columns.map((name) => ({ name, filterButton: true })),
      rows: body.map((row) => row.map(safeCell)),
    });
  } else {
    worksheet.addRow(spec.columns);
    body.forEach((row, i) => writeRow(worksheet, i + 2, row));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + body.length, column: spec.columns.length } };
  }
  // The totals row sits under the table, so sorting or filtering the table leaves it in place.
  if (totals) writeRow(worksheet, body.length + 2, totals);
  styleSpecSheet(worksheet, spec, body.length, totals !== undefined);
  worksheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  return worksheet;
}

function writeRow(worksheet: Worksheet, rowNumber: number, values: Array<string | number>): void {
  const row = worksheet.getRow(rowNumber);
  values.forEach((value, c) => {
    const cell = safeCell(value);
    if (cell !== null) row.getCell(c + 1).value = cell;
  });
}

/** Header bold, body wrapped, totals bold under a rule, percent columns as percentages: one shared style object per kind. */
function styleSpecSheet(worksheet: Worksheet, spec: SheetSpec, bodyRows: number, hasTotals: boolean): void {
  const percent = new Set(spec.percentColumns ?? []);
  const columnStyles = spec.columns.map((_, c) => {
    const numFmt = percent.has(c) ? { numFmt: PERCENT_FORMAT } : {};
    return {
      header: { alignment: wrapTop, font: bold } as Partial<Style>,
      body: { alignment: wrapTop, ...numFmt } as Partial<Style>,
      totals: { alignment: wrapTop, font: bold, border: topRule, ...numFmt } as Partial<Style>,
    };
  });
  const lastRow = 1 + bodyRows + (hasTotals ? 1 : 0);
  for (let r = 1; r <= lastRow; r += 1) {
    const kind = r === 1 ? 'header' : hasTotals && r === lastRow ? 'totals' : 'body';
    const row = worksheet.getRow(r);
    columnStyles.forEach((styles, c) => {
      row.getCell(c + 1).style = styles[kind];
    });
  }
}

/** Empty text stays an empty cell; long text is cut to what a cell holds. */
function safeCell(value: string | number): string | number | null {
  if (typeof value !== 'string') return value;
  return value === '' ? null : cellText(value);
}

/** Excel tables need at least one data row and distinct, non-empty column names. */
function canBeTable(spec: SheetSpec, bodyRows: number): boolean {
  const names = spec.columns.map((name) => name.trim().toLowerCase());
  return bodyRows > 0 && names.every((name) => name !== '') && new Set(names).size === names.length;
}

/** A table name Excel accepts: letters, digits, underscores, starting with a letter; unique in the workbook. */
function uniqueTableName(sheetName: string, taken: Set<string>): string {
  const ascii = sheetName.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const stem = `ReportTables_${ascii === '' ? 'Table' : ascii}`;
  for (let n = 1; ; n += 1) {
    const name = `${stem}${n === 1 ? '' : `_${n}`}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Table names already in the workbook (compared without case, as Excel does). */
export function existingTableNames(workbook: Workbook): Set<string> {
  const names = new Set<string>();
  for (const worksheet of workbook.worksheets) {
    const tables = (worksheet as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    for (const name of Object.keys(tables)) names.add(name.toLowerCase());
  }
  return names;
}
