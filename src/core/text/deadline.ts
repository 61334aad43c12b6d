import type { Deadline } from '../types';

/** Full-width digits (１２) as clerks type them with a Chinese input method in full-width mode. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** A year written in the table's title ("2021年1-9月重点工作…"), for deadlines that name only a month. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(halfWidthDigits(text));
  return m ? Number(m[1]) : null;
}

/** Excel stores a date as days since 1899-12-30; a reader that does not format it hands over the number. */
function fromSerial(serial: number): Deadline | null {
  if (serial < 30000 || serial > 80000) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return { date: date.toISOString().slice(0, 10), precision: 'day' };
}

interface Found {
  year: number | null;
  month: number | null;
  day: number | null;
}

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Found }> = [
  // 2024年6月30日, 2024-06-30, 2024/6/30, 2024.6.30
  { re: /((?:19|20)\d{2})\s*[年.\-/／]\s*(\d{1,2})\s*[月.\-/／]\s*(\d{1,2})\s*日?/g, read: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
  // 2024年6月, 2024.6, 2024-06
  { re: /((?:19|20)\d{2})\s*[年.\-/／]\s*(\d{1,2})\s*月?/g, read: (m) => ({ year: +m[1], month: +m[2], day: null }) },
  // 6月30日
  { re: /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, read: (m) => ({ year: null, month: +m[1], day: +m[2] }) },
  // 6月, 6月底, 6月份
  { re: /(\d{1,2})\s*月/g, read: (m) => ({ year: null, month: +m[1], day: null }) },
  // 2024年, 2024年底
  { re: /((?:19|20)\d{2})\s*年/g, read: (m) => ({ year: +m[1], month: null, day: null }) },
  // 年底前, 年内: the table's year
  { re: /年[底内末]/g, read: () => ({ year: null, month: null, day: null }) },
];

/**
 * The latest day a 完成时限 cell allows: "2024年6月底前" → 2024-06-30 (month), "6月30日" → that day in `year`,
 * "年底前" → 12-31 of `year`. A cell naming several dates ("3月底完成方案，6月底前建成") is due at the last one.
 * Null when the cell names no date ("长期坚持", "持续推进") or names a month without a year to put it in.
 */
export function parseDeadline(text: string, year: number | null): Deadline | null {
  let rest = halfWidthDigits(text).trim();
  if (rest === '') return null;
  if (/^\d{5}(?:\.\d+)?$/.test(rest)) return fromSerial(Number(rest));
  const original = rest;
  // A month without a year takes the year written last before it in the same cell ("2024年3月底…，6月底…").
  const yearBefore = (at: number): number | null => {
    let found: number | null = null;
    for (const m of original.slice(0, at).matchAll(/((?:19|20)\d{2})\s*[年.\-/／]/g)) found = Number(m[1]);
    return found ?? year;
  };
  let best: Deadline | null = null;
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const spans: Array<[number, number]> = [];
    while ((m = re.exec(rest)) !== null) {
      spans.push([m.index, m.index + m[0].length]);
      const found = read(m);
      const y = found.year ?? yearBefore(m.index);
      if (y === null) continue;
      const month = found.month;
      if (month !== null && (month < 1 || month > 12)) continue;
      let candidate: Deadline;
      if (month === null) candidate = { date: iso(y, 12, 31), precision: 'year' };
      else if (found.day === null) candidate = { date: iso(y, month, lastDay(y, month)), precision: 'month' };
      else if (found.day >= 1 && found.day <= lastDay(y, month)) candidate = { date: iso(y, month, found.day), precision: 'day' };
      else continue;
      if (best === null || candidate.date > best.date) best = candidate;
    }
    // A text read by a more precise pattern is not read again by a coarser one.
    for (const [a, b] of spans) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  }
  return best;
}
