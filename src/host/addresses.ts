/**
 * A1 addresses and rectangles (0-based, like office-js rowIndex / columnIndex and WPS's 1-based ones less one), shared by
 * the hosts: Excel's Range.address and WPS's Range()/Address() speak the same A1, so one parser serves both.
 */
import { columnLetter } from '../core/grid/address';

export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Column letters of a 0-based column index (the engine's columnLetter takes 1-based sheet columns). */
export function columnLetters(column: number): string {
  return columnLetter(column + 1);
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectA1(rect: Rect): string {
  const first = cellA1(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${cellA1(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** Always quoted: Excel accepts 'Name'!A1 for every sheet name, and names may hold spaces, commas or quotes. */
export function qualified(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (bottom <= top || right <= left) return null;
  return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B5" or "A1:C9" (no sheet part); null for anything else, whole rows and columns included. */
export function parseA1(ref: string): Rect | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const r1 = Number(match[2]) - 1;
  const c1 = columnIndex(match[1]!);
  const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
  const c2 = match[3] === undefined ? c1 : columnIndex(match[3]);
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

/**
 * Splits a RangeAreas address ("Sheet1!A1:B2, 'My, Sheet'!C3:C4") into rectangles. Commas inside quoted sheet
 * names do not separate areas.
 */
export function parseAreasAddress(address: string): Rect[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const rects: Rect[] = [];
  for (const part of parts) {
    const text = part.trim();
    if (text === '') continue;
    const bang = text.lastIndexOf('!');
    const rect = parseA1(bang < 0 ? text : text.slice(bang + 1));
    if (rect) rects.push(rect);
  }
  return rects;
}
