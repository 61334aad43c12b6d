/**
 * Writing a block of cells: in row chunks whose JSON stays well under Excel's request limit, one sync per
 * chunk, number formats set before values so that text stays text.
 */
import type { Progress } from './host';
import { displayWidth } from '../core/sheets';
import { chunkRows, jsonBytes } from './payload';

export type WrittenValue = string | number;

/**
 * Why text cells get the number format "@" rather than a leading apostrophe: with "@" Excel stores exactly the
 * string sent — "=SUM(A1)", "+86 …", "-", "@某人", "1-2", "2024/6/30", "007" all stay text and read back
 * unchanged — so repairing the repaired sheet again changes nothing. An apostrophe also keeps text, but it
 * becomes a hidden prefix that some hosts keep in `values` and copy/paste carries along.
 */
export const TEXT_FORMAT = '@';

export interface WriteCellsOptions {
  /** Number format of a cell; defaults to "@" for strings and "General" for numbers. */
  formatOf?: (value: WrittenValue, row: number, column: number) => string;
  stage?: string;
  onProgress?: (p: Progress) => void;
}

function defaultFormat(value: WrittenValue): string {
  return typeof value === 'string' ? TEXT_FORMAT : 'General';
}

/** Writes `rows` (rectangular) with its top-left at the 0-based sheet cell (top, left). Returns the number of syncs. */
export async function writeCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: WrittenValue[][],
  options: WriteCellsOptions = {},
): Promise<number> {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return 0;
  const formatOf = options.formatOf ?? defaultFormat;
  const formats = rows.map((row, r) => row.map((value, c) => formatOf(value, r, c)));
  const chunks = chunkRows(rows.length, (r) => jsonBytes(rows[r]) + jsonBytes(formats[r]));
  const stage = options.stage ?? 'write';
  let done = 0;
  for (const chunk of chunks) {
    const range = sheet.getRangeByIndexes(top + chunk.start, left, chunk.count, width);
    range.numberFormat = formats.slice(chunk.start, chunk.start + chunk.count);
    range.values = rows.slice(chunk.start, chunk.start + chunk.count);
    context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    done += chunk.count;
    options.onProgress?.({ stage, done, total: rows.length });
  }
  return chunks.length;
}

/** Pads rows to the same width so they form the rectangle a Range expects. */
export function rectangular(rows: WrittenValue[][]): WrittenValue[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => (row.length === width ? row : [...row, ...Array<WrittenValue>(width - row.length).fill('')]));
}

/** Excel column width in points for a width in characters (7 px a character plus 5 px padding, at 96 dpi). */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Column widths (characters) that fit the longest line of each column, between `min` and `max`. */
export function fittedWidths(rows: WrittenValue[][], min = 4, max = 60): number[] {
  const width = rows[0]?.length ?? 0;
  const widths = Array<number>(width).fill(min);
  for (const row of rows) {
    row.forEach((value, c) => {
      const longest = String(value)
        .split('\n')
        .reduce((m, line) => Math.max(m, displayWidth(line)), 0);
      widths[c] = Math.max(widths[c]!, Math.min(max, longest + 2));
    });
  }
  return widths;
}
