/**
 * Cells as the engine wants them: what the clerk sees. Excel's `Range.text` is each cell as its number format shows it
 * ("The Text value will not depend on the cell width. The number sign (#) substitution that happens in the Excel UI will
 * not affect the text value returned by the API", https://learn.microsoft.com/javascript/api/excel/excel.range), so 0.5
 * under "0%" reads as "50%" and a date serial as "2024/6/30" in the clerk's own date format — no number-format parsing
 * of ours. `Range.valueTypes` (https://learn.microsoft.com/javascript/api/excel/excel.rangevaluetype) tells numbers
 * from text: a number shown plainly (a 序号 of 7) stays the number 7, so numbering rules can count.
 */
import type { CellValue } from '../core/types';

/** A number written the way General shows a plain number: digits, an optional sign and decimals, nothing else. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function displayedValue(text: unknown, valueType: unknown): CellValue {
  const shown = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  if (valueType === 'Empty' || shown === '') return null;
  if ((valueType === 'Double' || valueType === 'Integer') && PLAIN_NUMBER.test(shown)) {
    const number = Number(shown);
    if (Number.isFinite(number)) return number;
  }
  if (valueType === 'Boolean') return shown.toUpperCase() === 'TRUE';
  return shown;
}

/*
 * Values with their number formats, for hosts that report no displayed text (the WPS host, src/wps/readTable.ts, reads
 * Value2 and NumberFormat): numbers shown as dates or times become the text a clerk sees.
 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The parts of a number format that are format codes, not quoted text, escapes or [colour]/[$-locale] tags. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
}

export function dateKind(numberFormat: unknown): { date: boolean; time: boolean } {
  if (typeof numberFormat !== 'string' || numberFormat === 'General' || numberFormat === '@') return { date: false, time: false };
  const raw = numberFormat;
  const codes = formatCodes(numberFormat).toLowerCase();
  const time = /[hs]/.test(codes) || /上午|下午|am\/pm|a\/p/i.test(raw);
  const date = /[dy]/.test(codes) || /[年月日]/.test(raw) || (/m/.test(codes) && !time);
  return { date, time };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function serialToText(serial: number, numberFormat: string): string {
  const { date, time } = dateKind(numberFormat);
  const ms = Math.round(serial * 86400000);
  const when = new Date(EXCEL_EPOCH + ms);
  const y = when.getUTCFullYear();
  const m = when.getUTCMonth() + 1;
  const d = when.getUTCDate();
  const dateText = /年/.test(numberFormat) ? `${y}年${m}月${d}日` : `${y}/${m}/${d}`;
  const timeText = `${when.getUTCHours()}:${pad2(when.getUTCMinutes())}`;
  if (date && time) return `${dateText} ${timeText}`;
  return date ? dateText : timeText;
}

export function toCellValue(value: unknown, numberFormat: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    const kind = dateKind(numberFormat);
    return (kind.date || kind.time) && typeof numberFormat === 'string' ? serialToText(value, numberFormat) : value;
  }
  if (typeof value === 'boolean') return value;
  return String(value);
}
