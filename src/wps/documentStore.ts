/**
 * What the add-in keeps inside the workbook — the checking settings and the record of highlighted cells — on one
 * very hidden sheet (Worksheet.Visible = xlSheetVeryHidden, learn.microsoft.com/office/vba/api/excel.worksheet.visible:
 * not in the Unhide list, saved with the file). Not PluginStorage: that is shared by the add-in's pages for the
 * session only (wpsjs samples) and never reaches the file a colleague opens. Not a document property either: those
 * hold 255 characters of text, and a unit directory is longer.
 * Layout: one row per key, the key in column A and the JSON in chunks from column B (a cell holds 32,767 characters).
 */
import type { WpsApplication, WpsWorksheet } from './api';
import { XL_SHEET_VERY_HIDDEN } from './api';
import { wpsHostError } from './errors';
import { rectA1 } from '../host/addresses';

export const STORE_SHEET = '报表整理·存档';
const CHUNK = 30000;
const MAX_KEYS = 20;

function workbookOf(app: WpsApplication) {
  const book = app.ActiveWorkbook;
  if (!book) throw wpsHostError('no-workbook');
  return book;
}

export function findSheet(app: WpsApplication, name: string): WpsWorksheet | null {
  try {
    return workbookOf(app).Worksheets.Item(name);
  } catch {
    return null; // Worksheets.Item raises "Subscript out of range" for a missing name
  }
}

function storeSheet(app: WpsApplication, create: boolean): WpsWorksheet | null {
  const existing = findSheet(app, STORE_SHEET);
  if (existing || !create) return existing;
  const book = workbookOf(app);
  const active = app.ActiveSheet;
  const sheets = book.Worksheets;
  const sheet = sheets.Add(null, sheets.Item(sheets.Count));
  sheet.Name = STORE_SHEET;
  sheet.Visible = XL_SHEET_VERY_HIDDEN;
  // Worksheets.Add activates the new sheet; the user stays where they were.
  active?.Activate();
  return sheet;
}

function keyRow(sheet: WpsWorksheet, key: string): { row: number; free: number } {
  const keys = sheet.Range(rectA1({ row: 0, column: 0, rowCount: MAX_KEYS, columnCount: 1 })).Value2;
  const list = Array.isArray(keys) ? keys.map((row) => row[0]) : [keys];
  const row = list.findIndex((value) => value === key);
  const free = list.findIndex((value) => value === undefined || value === null || value === '');
  return { row, free };
}

export function readStored(app: WpsApplication, key: string): unknown | null {
  const sheet = storeSheet(app, false);
  if (!sheet) return null;
  const { row } = keyRow(sheet, key);
  if (row < 0) return null;
  const used = sheet.UsedRange.Columns.Count;
  const cells = sheet.Range(rectA1({ row, column: 1, rowCount: 1, columnCount: Math.max(1, used) })).Value2;
  const parts = Array.isArray(cells) ? cells[0] ?? [] : [cells];
  const text = parts.map((part) => (typeof part === 'string' ? part : '')).join('');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // damaged: treated as absent; the next save repairs it
  }
}

export function writeStored(app: WpsApplication, key: string, value: unknown): void {
  if (value === null || value === undefined) {
    removeStored(app, key);
    return;
  }
  const sheet = storeSheet(app, true)!;
  const text = JSON.stringify(value);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  const found = keyRow(sheet, key);
  const row = found.row >= 0 ? found.row : found.free;
  if (row < 0) throw wpsHostError('wps-error');
  sheet.Range(rectA1({ row, column: 0, rowCount: 1, columnCount: 16384 })).ClearContents();
  const target = sheet.Range(rectA1({ row, column: 0, rowCount: 1, columnCount: chunks.length + 1 }));
  target.NumberFormat = '@';
  target.Value2 = [[key, ...chunks]];
}

export function removeStored(app: WpsApplication, key: string): void {
  const sheet = storeSheet(app, false);
  if (!sheet) return;
  const { row } = keyRow(sheet, key);
  if (row >= 0) sheet.Range(rectA1({ row, column: 0, rowCount: 1, columnCount: 16384 })).ClearContents();
}
