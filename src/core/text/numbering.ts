import { halfWidthDigits } from './deadline';

/** How a table writes its 序号: 1 / 1. / 1、 / （1） / ① / 一、 (full-width digits read as their half-width twins). */
export type NumberStyle = 'plain' | 'fullwidth' | 'dot' | 'comma' | 'paren' | 'circled' | 'chinese';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const DIGITS = '零一二三四五六七八九';

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumeral(text: string): number | null {
  if (!/^[零〇一二三四五六七八九十]{1,3}$/.test(text)) return null;
  const t = text.replace(/〇/g, '零');
  const ten = t.indexOf('十');
  if (ten < 0) return t.length === 1 ? DIGITS.indexOf(t) : null;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(t[ten - 1]);
  const ones = ten === t.length - 1 ? 0 : DIGITS.indexOf(t[ten + 1]);
  if (ten > 1 || tens < 1 || ones < 0 || t.length - ten > 2) return null;
  return tens * 10 + ones;
}

function toChinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The value and style of a 序号 as written, or null when it is not a number in any style the offices use. */
export function parseNumber(written: string): { value: number; style: NumberStyle } | null {
  // Memoised: a table writes a few dozen distinct numbers, and the numbering rules read each record's several times.
  // Callers only read the result.
  let parsed = parsedNumbers.get(written);
  if (parsed === undefined) {
    if (parsedNumbers.size > 10_000) parsedNumbers.clear();
    parsed = parseNumberUncached(written);
    parsedNumbers.set(written, parsed);
  }
  return parsed;
}

const parsedNumbers = new Map<string, { value: number; style: NumberStyle } | null>();

function parseNumberUncached(written: string): { value: number; style: NumberStyle } | null {
  const t = halfWidthDigits(written.trim()).replace(/\s+/g, '');
  if (t === '') return null;
  let m = /^(\d{1,6})$/.exec(t);
  if (m) return { value: Number(m[1]), style: /[０-９]/.test(written) ? 'fullwidth' : 'plain' };
  m = /^(\d{1,6})[.．]$/.exec(t);
  if (m) return { value: Number(m[1]), style: 'dot' };
  m = /^(\d{1,6})[、,，]$/.exec(t);
  if (m) return { value: Number(m[1]), style: 'comma' };
  m = /^[（(](\d{1,6})[)）]$/.exec(t);
  if (m) return { value: Number(m[1]), style: 'paren' };
  if (t.length === 1 && CIRCLED.includes(t)) return { value: CIRCLED.indexOf(t) + 1, style: 'circled' };
  m = /^([零〇一二三四五六七八九十]{1,3})[、.．]?$/.exec(t);
  if (m) {
    const value = chineseNumeral(m[1]);
    if (value !== null) return { value, style: 'chinese' };
  }
  return null;
}

/** A number written in a table's own style, for messages and suggestions ("缺少 （3）"). */
export function formatNumber(value: number, style: NumberStyle): string {
  switch (style) {
    case 'dot':
      return `${value}.`;
    case 'comma':
      return `${value}、`;
    case 'paren':
      return `（${value}）`;
    case 'circled':
      return value >= 1 && value <= 20 ? CIRCLED[value - 1] : String(value);
    case 'chinese':
      return `${toChinese(value)}、`;
    case 'fullwidth':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    default:
      return String(value);
  }
}
