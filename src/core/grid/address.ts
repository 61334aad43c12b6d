/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  // Every finding names its cell: the few columns a table has are spelled once.
  const cached = Number.isInteger(column) && column >= 0 && column < LETTERS.length;
  const known = cached ? LETTERS[column] : undefined;
  if (known !== undefined) return known;
  const letters = spell(column);
  if (cached) LETTERS[column] = letters;
  return letters;
}

const LETTERS = new Array<string | undefined>(256).fill(undefined);

function spell(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a 1-based sheet row and column. */
export function toA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A1 range of a block given its 1-based top-left and size. */
export function rangeA1(row: number, column: number, rowCount: number, columnCount: number): string {
  if (rowCount <= 0 || columnCount <= 0) return toA1(row, column);
  return `${toA1(row, column)}:${toA1(row + rowCount - 1, column + columnCount - 1)}`;
}

/** Parse "B3" into 1-based row and column; null when it is not an A1 address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** Parse "A1:F900" (or a single cell) into its corners; null when malformed or reversed. */
export function parseRangeA1(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const parts = range.split(':');
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parseA1(parts[1] ?? parts[0]);
  if (!a || !b || b.row < a.row || b.column < a.column) return null;
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}
