/**
 * What a cell is written as, the same for every host that types into a spreadsheet (Excel through office-js, WPS
 * through its object model): numbers as numbers, text kept text, widths in characters. Pure: no host API here.
 */
import { displayWidth } from '../core/sheets';
import type { RepairPlan } from '../core/types';

export type WrittenValue = string | number;

/**
 * Cells keep the General format; text is sent as it is, and only text Excel would turn into something else gets the
 * apostrophe that keeps it text ("'1-2" stays the text 1-2 and the apostrophe is not part of the value; see
 * https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 * Not the Text format "@": Excel for desktop paints a Text-formatted cell over 255 characters as ##### (the long
 * progress notes of a report), numbers under it get the green "number stored as text" triangle and sort as text.
 */
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

/** "Total number of characters that a cell can contain: 32,767" (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const CELL_TEXT_LIMIT = 32767;

const FORMULA_START = /^[=+\-@]/;
const NUMBER_LIKE = /^\s*[-+]?[(]?[¥$€£￥]?\s*(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?\s*[%‰]?[)]?\s*$/;
const DATE_LIKE = [
  /^\s*\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?\s*$/, // 2024/6/30, 6/30, 1-2, 6.30
  /^\s*(\d{2,4}\s*年\s*)?\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/, // 2024年6月30日, 6月30日, 2024年6月
  /^\s*\d{1,2}\s*日\s*$/,
  /^\s*(上午|下午)?\s*\d{1,2}\s*[:：]\s*\d{2}(\s*[:：]\s*\d{2})?\s*([AaPp][Mm])?\s*$/, // 6:30, 下午3:00
  /^\s*\d{1,2}\s*时(\s*\d{1,2}\s*分)?\s*$/,
  /^\s*\d+\s+\d+\s*\/\s*\d+\s*$/, // 1 1/2
];
const LITERAL = /^\s*(true|false|#n\/a|#null!|#div\/0!|#value!|#ref!|#name\?|#num!|#getting_data)\s*$/i;

/** Whether Excel, typing `text` into a General cell, would store something other than that text. */
export function excelWouldConvert(text: string): boolean {
  if (text === '') return false;
  if (text.startsWith("'")) return true; // the apostrophe itself would be taken as the prefix
  if (FORMULA_START.test(text) && text.length > 1) return true;
  if (NUMBER_LIKE.test(text) || LITERAL.test(text)) return true;
  return DATE_LIKE.some((pattern) => pattern.test(text));
}

/** A 序号 written as text ("7") goes in as the number 7, so it sorts and counts as one; "007" or "3-1" stay text. */
export function asNumberIfPlain(value: WrittenValue): WrittenValue {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,14})$/.test(value)) return value;
  return Number(value);
}

/** What is sent for one cell: numbers as numbers, text as text (with the apostrophe where needed, cut to 32,767). */
export function cellInput(value: WrittenValue): { input: WrittenValue; truncated: boolean } {
  if (typeof value === 'number') return { input: value, truncated: false };
  let text = value;
  let truncated = false;
  if (text.length > CELL_TEXT_LIMIT) {
    // Cut at a character boundary and end with an ellipsis so the reader sees that text is missing.
    let end = CELL_TEXT_LIMIT - 1;
    if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    text = `${text.slice(0, end)}…`;
    truncated = true;
  }
  return { input: excelWouldConvert(text) ? `'${text}` : text, truncated };
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

/** Header words of the 序号 column (the engine's default synonyms). */
const NUMBER_HEADERS = new Set(['序号', '编号', '序', 'No.', 'No']);

/**
 * The columns of a repaired table whose plain integers go in as numbers (the 序号 column, found by its header), so
 * they sort and count as numbers in every host; the header row of the plan, or its columns when it has none.
 */
export function numberColumnsOf(plan: RepairPlan): Set<number> {
  const header = plan.rows.find((row) => row.kind === 'header')?.values ?? plan.columns;
  return new Set(header.flatMap((name, c) => (NUMBER_HEADERS.has(String(name).trim()) ? [c] : [])));
}
