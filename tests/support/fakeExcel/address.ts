/** A1 addresses for the in-memory Excel: 0-based rectangles, sheet-qualified addresses as Excel writes them. */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based like office-js `rowIndex` / `columnIndex`. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectA1(rect: Rect): string {
  const first = cellA1(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${cellA1(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** Excel quotes a sheet name in an address unless it is plain letters, digits, underscores and dots. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedA1(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(rect)}`;
}

/** Splits "'My Sheet'!A1:B2" into the sheet name and the reference; no sheet gives null. */
export function splitQualified(address: string): { sheet: string | null; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: text };
  return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

/** Parses "B5", "A1:C9", "A:C" (whole columns) or "3:5" (whole rows); null when it is no reference. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((end) => end === null)) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  const rowA = a.row ?? (b.row === null ? 0 : null);
  const rowB = b.row ?? (a.row === null ? MAX_ROWS - 1 : null);
  const colA = a.column ?? (b.column === null ? 0 : null);
  const colB = b.column ?? (a.column === null ? MAX_COLUMNS - 1 : null);
  if (rowA === null || rowB === null || colA === null || colB === null) return null;
  const row = Math.min(rowA, rowB);
  const column = Math.min(colA, colB);
  return { row, column, rowCount: Math.abs(rowB - rowA) + 1, columnCount: Math.abs(colB - colA) + 1 };
}

function parseEnd(text: string): { row: number | null; column: number | null } | null {
  const match = /^([A-Z]{0,3})(\d{0,7})$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const column = match[1] === '' ? null : columnIndex(match[1]!);
  const row = match[2] === '' ? null : Number(match[2]) - 1;
  if (column !== null && column >= MAX_COLUMNS) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, column };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

export function containsCell(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount;
}
