/**
 * Dates as the cell shows them. A date in a workbook is a number with a date format; the engine needs the text a clerk
 * sees ("2024年3月5日", "2024/3/5"), so the format code is applied here. Only date and time codes are interpreted;
 * every other number stays a number.
 */

/** Built-in formats that are dates or times (ECMA-376 18.8.30, plus the East Asian built-ins 27–36 and 50–58). */
const BUILTIN_DATE_FORMATS: Record<number, string> = {
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PMh"时"mm"分"',
  35: 'AM/PMh"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'AM/PMh"时"mm"分"',
  56: 'AM/PMh"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The date code of a number format id, or null when the format is not a date. */
export function dateFormatCode(numFmtId: number, custom: ReadonlyMap<number, string>): string | null {
  const code = custom.get(numFmtId);
  if (code !== undefined) return isDateCode(code) ? code : null;
  return BUILTIN_DATE_FORMATS[numFmtId] ?? null;
}

/** A custom code is a date when its first section has y, m, d, h or s outside quotes, escapes and [colour] brackets. */
export function isDateCode(code: string): boolean {
  const section = firstSection(code);
  let inQuote = false;
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === '\\' || ch === '_' || ch === '*') i += 1;
    else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end).toLowerCase();
      // [h], [mm], [ss] are elapsed times; [Red], [$-804], [>100] are not dates.
      if (/^(h+|m+|s+)$/.test(inner)) return true;
      i = end < 0 ? section.length : end;
    } else if ('yYdDhHsS'.includes(ch)) return true;
    else if ((ch === 'm' || ch === 'M') && !/^(?:General)$/i.test(section)) return true;
    else if (ch === 'e' || ch === 'g' || ch === 'G' || ch === 'B') {
      // e (era year), g (era name), B1/B2 (calendar) appear in East Asian dates.
      if (ch !== 'G' || !section.slice(i).toLowerCase().startsWith('general')) return true;
      i += 6;
    }
  }
  return false;
}

function firstSection(code: string): string {
  let inQuote = false;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i];
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === '\\') i += 1;
    else if (!inQuote && ch === ';') return code.slice(0, i);
  }
  return code;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CN_DAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
  fraction: number;
  /** Whole days since the epoch, for elapsed [h]. */
  serial: number;
}

/** A serial date in the 1900 system (with Excel's phantom 29 Feb 1900) or the 1904 system, split into parts. */
export function serialToParts(serial: number, date1904: boolean): DateParts | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465.99999) return null;
  let days = Math.floor(serial);
  const time = serial - days;
  let totalSeconds = Math.round(time * 86400);
  if (totalSeconds >= 86400) {
    days += 1;
    totalSeconds -= 86400;
  }
  let year: number;
  let month: number;
  let day: number;
  let weekday: number;
  if (!date1904 && days === 60) {
    // Excel shows 29 Feb 1900, a day that never was (kept for Lotus 1-2-3 compatibility).
    year = 1900;
    month = 2;
    day = 29;
    weekday = 3;
  } else {
    // Day 0 of the 1900 system shows as 0 Jan 1900; from day 61 on, one phantom day has to be taken off.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
    const offset = !date1904 && days > 60 ? days - 1 : days;
    const date = new Date(epoch + offset * 86400000);
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
    weekday = date.getUTCDay();
    if (!date1904 && days === 0) {
      year = 1900;
      month = 1;
      day = 0;
    }
  }
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return { year, month, day, weekday, hours, minutes, seconds, fraction: time, serial };
}

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ kind: 'code', text: `[${inner.toLowerCase()}]` });
      i = end < 0 ? section.length : end + 1;
    } else if (section.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      tokens.push({ kind: 'code', text: 'AM/PM' });
      i += 5;
    } else if (section.slice(i, i + 3).toUpperCase() === 'A/P') {
      tokens.push({ kind: 'code', text: 'A/P' });
      i += 3;
    } else if (/[yYmMdDhHsSeaA]/.test(ch)) {
      let j = i + 1;
      const lower = ch.toLowerCase();
      while (j < section.length && section[j].toLowerCase() === lower) j += 1;
      tokens.push({ kind: 'code', text: section.slice(i, j).toLowerCase() });
      i = j;
    } else if (ch === '.' && /0/.test(section[i + 1] ?? '')) {
      let j = i + 1;
      while (section[j] === '0') j += 1;
      tokens.push({ kind: 'code', text: section.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The text Excel shows for a serial date under a date format code. */
export function formatDate(serial: number, code: string, date1904: boolean): string | null {
  const parts = serialToParts(serial, date1904);
  if (!parts) return null;
  const tokens = tokenize(firstSection(code));
  const twelveHour = tokens.some((t) => t.kind === 'code' && (t.text === 'AM/PM' || t.text === 'A/P'));
  // "m" is minutes right after an hour code or right before a seconds code, months otherwise.
  const codes = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'code');
  const minuteAt = new Set<number>();
  codes.forEach(({ t, i }, k) => {
    if (t.text !== 'm' && t.text !== 'mm') return;
    const before = codes[k - 1]?.t.text ?? '';
    const after = codes[k + 1]?.t.text ?? '';
    if (before.startsWith('h') || before.startsWith('[h') || after.startsWith('s')) minuteAt.add(i);
  });
  let out = '';
  tokens.forEach((token, i) => {
    if (token.kind === 'literal') {
      out += token.text;
      return;
    }
    const t = token.text;
    const hours12 = parts.hours % 12 === 0 ? 12 : parts.hours % 12;
    if (t === 'AM/PM') out += parts.hours < 12 ? (code.includes('上午') ? '上午' : 'AM') : 'PM';
    else if (t === 'A/P') out += parts.hours < 12 ? 'A' : 'P';
    else if (t.startsWith('y') || t.startsWith('e')) out += t.length <= 2 && t.startsWith('y') ? pad(parts.year % 100, 2) : String(parts.year);
    else if (t.startsWith('m') && minuteAt.has(i)) out += t.length >= 2 ? pad(parts.minutes, 2) : String(parts.minutes);
    else if (t.startsWith('m')) {
      if (t.length === 1) out += String(parts.month);
      else if (t.length === 2) out += pad(parts.month, 2);
      else if (t.length === 3) out += MONTHS[parts.month - 1].slice(0, 3);
      else if (t.length === 5) out += MONTHS[parts.month - 1][0];
      else out += MONTHS[parts.month - 1];
    } else if (t.startsWith('d')) {
      if (t.length === 1) out += String(parts.day);
      else if (t.length === 2) out += pad(parts.day, 2);
      else if (t.length === 3) out += DAYS[parts.weekday].slice(0, 3);
      else out += DAYS[parts.weekday];
    } else if (t.startsWith('a')) out += t.length >= 4 ? `星期${CN_DAYS[parts.weekday]}` : CN_DAYS[parts.weekday];
    else if (t.startsWith('h')) out += t.length >= 2 ? pad(twelveHour ? hours12 : parts.hours, 2) : String(twelveHour ? hours12 : parts.hours);
    else if (t.startsWith('s')) out += t.length >= 2 ? pad(parts.seconds, 2) : String(parts.seconds);
    else if (t === '[h]' || t === '[hh]') out += String(Math.floor(parts.serial) * 24 + parts.hours);
    else if (t.startsWith('[m')) out += String((Math.floor(parts.serial) * 24 + parts.hours) * 60 + parts.minutes);
    else if (t.startsWith('[s')) out += String(Math.round(parts.serial * 86400));
    else if (t.startsWith('.')) out += (parts.fraction * 86400 - Math.floor(parts.fraction * 86400)).toFixed(t.length - 1).slice(1);
    else out += t;
  });
  return out;
}
