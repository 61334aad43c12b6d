/**
 * A raw cell value with its number format, as a clerk sees it: for hosts that hand numbers over raw (WPS's Range.Value2
 * gives dates as serial numbers; the Excel host reads Range.text instead, src/excel/cellValues.ts), the number format
 * says what is shown — a date, a time, a percentage — and the engine gets that text. Other numbers stay numbers; empty
 * cells become null. One copy for every host, so a date reads the same whichever host read it. Pure: no host API here.
 */
import type { CellValue } from '../core/types';

/** Serial 0 of the 1900 date system (Excel and WPS count days from 1899-12-30, absorbing the 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The parts of a number format that are format codes, not quoted text, escapes or [colour]/[$-locale] tags. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
}

/** Whether a number format shows a date, a time or both ("G/通用格式" is General in the Chinese UI). */
export function dateKind(numberFormat: unknown): { date: boolean; time: boolean } {
  if (typeof numberFormat !== 'string' || numberFormat === 'General' || numberFormat === 'G/通用格式' || numberFormat === '@') return { date: false, time: false };
  const codes = formatCodes(numberFormat).toLowerCase();
  const time = /[hs]/.test(codes) || /上午|下午|am\/pm|a\/p/i.test(numberFormat);
  const date = /[dy]/.test(codes) || /[年月日]/.test(numberFormat) || (/m/.test(codes) && !time);
  return { date, time };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date serial as the clerk reads it: "2024/6/30", "2024年6月30日" under a 年月日 format, "18:00", or both. */
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

/** The value the engine gets for a raw cell value under its number format (null or "" format: as it is). */
export function shownValue(value: unknown, numberFormat: string | null): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'number') return String(value);
  if (!numberFormat) return value;
  if (formatCodes(numberFormat).includes('%')) return percentText(value, numberFormat);
  const kind = dateKind(numberFormat);
  return kind.date || kind.time ? serialToText(value, numberFormat) : value;
}
