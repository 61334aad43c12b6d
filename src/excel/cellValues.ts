/**
 * Excel cell values as the engine wants them: empty cells become null, numbers stay numbers, and numbers shown
 * as dates or times become the text a clerk sees (a date serial like 45473 means nothing in a report).
 */
import type { CellValue } from '../core/types';

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
