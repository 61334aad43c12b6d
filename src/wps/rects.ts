/** Rectangles of cells (0-based) and the A1 addresses WPS's Range() takes and Address() returns. */
import { columnLetter } from '../core/grid/address';

export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column + 1)}${row + 1}`;
}

export function rectA1(rect: Rect): string {
  const first = cellA1(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${cellA1(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** "A1", "$B$2:$F$9" → rectangle; null for anything else (whole rows or columns, several areas). */
export function parseA1(ref: string): Rect | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(match[2]) - 1;
  const c1 = col(match[1]!);
  const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
  const c2 = match[3] === undefined ? c1 : col(match[3]);
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (bottom <= top || right <= left) return null;
  return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
}

export function within(inner: Rect, outer: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount;
}

/** VBA's RGB(r, g, b) from "#RRGGBB": WPS's Interior.Color is r + g·256 + b·65536. */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
