/**
 * Value2 as a clerk sees the cell: WPS hands numbers over raw (Range.Value2 docs: dates as serial numbers), so the
 * number format says what is shown — a date, a time, a percentage — and the engine gets that text, as the Excel host
 * gets the shown text. Other numbers stay numbers; empty cells become null.
 */
import type { CellValue } from '../core/types';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The parts of a number format that are format codes, not quoted text, escapes or [colour]/[$-locale] tags. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
}

export function dateKind(numberFormat: string): { date: boolean; time: boolean } {
  if (numberFormat === 'General' || numberFormat === 'G/通用格式' || numberFormat === '@') return { date: false, time: false };
  const codes = formatCodes(numberFormat).toLowerCase();
  const time = /[hs]/.test(codes) || /上午|下午|am\/pm|a\/p/i.test(numberFormat);
  const date = /[dy]/.test(codes) || /[年月日]/.test(numberFormat) || (/m/.test(codes) && !time);
  return { date, time };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function serialToText(serial: number, numberFormat: string): string {
  const { date, time } = dateKind(numberFormat);
  const when = new Date(EXCEL_EPOCH + Math.round(serial * 86400000));
  const y = when.getUTCFullYear();
  const m = when.getUTCMonth() + 1;
  const d = when.getUTCDate();
  const dateText = /年/.test(numberFormat) ? `${y}年${m}月${d}日` : `${y}/${m}/${d}`;
  const timeText = `${when.getUTCHours()}:${pad2(when.getUTCMinutes())}`;
  if (date && time) return `${dateText} ${timeText}`;
  return date ? dateText : timeText;
}

/** "50%" for 0.5 under "0%", "12.5%" under "0.0%". */
function percentText(value: number, numberFormat: string): string {
  const decimals = /0\.(0+)%/.exec(formatCodes(numberFormat))?.[1]?.length ?? 0;
  return `${(value * 100).toFixed(decimals)}%`;
}

export function shownValue(value: unknown, numberFormat: string | null): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'number') return String(value);
  if (!numberFormat) return value;
  if (formatCodes(numberFormat).includes('%')) return percentText(value, numberFormat);
  const kind = dateKind(numberFormat);
  return kind.date || kind.time ? serialToText(value, numberFormat) : value;
}
