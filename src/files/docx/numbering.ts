/**
 * Automatic numbering: Word can number the 一、二、 section headings and the 1. 2. cells of the 序号 column itself, so
 * the numbers are not in the text. We count paragraphs in document order as Word does and give each its label, so the
 * grid holds what the page shows.
 */
import { elementChildren, isW, wAttr, wChild } from './names';
import type { XElement } from './xml';
import { numberingOf, type NumberingRef } from './styles';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

export interface NumberingState {
  /** The label Word shows before this paragraph ('' when none), counting it. */
  label(pPr: XElement | null, styleNumbering: NumberingRef | null): string;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百〇五 (as Word's chineseCounting writes them). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '〇';
    zero = false;
    out += d === 1 && unit === '十' && out === '' ? '十' : CHINESE_DIGITS[d] + unit;
  });
  return out;
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26] + out;
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) for (; rest >= value; rest -= value) out += symbol;
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'chineseLegalSimplified':
      return chineseCounting(n);
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevel(lvl: XElement): Level {
  const start = Number(wAttr(wChild(lvl, 'start'), 'val') ?? '1');
  return {
    start: Number.isInteger(start) ? start : 1,
    format: wAttr(wChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: wAttr(wChild(lvl, 'lvlText'), 'val') ?? '',
    // A tab after the number only separates it on the page; a space is kept.
    suffix: wAttr(wChild(lvl, 'suff'), 'val') === 'space' ? ' ' : '',
  };
}

export function readNumbering(numbering: XElement | null): NumberingState {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  const root = numbering;
  if (root) {
    for (const element of elementChildren(root)) {
      if (isW(element, 'abstractNum')) {
        const levels = new Map<number, Level>();
        for (const lvl of elementChildren(element)) if (isW(lvl, 'lvl')) levels.set(Number(wAttr(lvl, 'ilvl') ?? '0'), readLevel(lvl));
        abstracts.set(wAttr(element, 'abstractNumId') ?? '', levels);
      } else if (isW(element, 'num')) {
        const overrides = new Map<number, number>();
        for (const override of elementChildren(element)) {
          if (!isW(override, 'lvlOverride')) continue;
          const start = wAttr(wChild(override, 'startOverride'), 'val');
          if (start !== null) overrides.set(Number(wAttr(override, 'ilvl') ?? '0'), Number(start));
        }
        nums.set(wAttr(element, 'numId') ?? '', { abstractId: wAttr(wChild(element, 'abstractNumId'), 'val') ?? '', overrides });
      }
    }
  }
  const counters = new Map<string, number[]>();
  return {
    label(pPr, styleNumbering) {
      const ref = numberingOf(pPr) ?? styleNumbering;
      if (!ref || ref.numId === '0') return '';
      const num = nums.get(ref.numId);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = levels?.get(ref.level);
      if (!num || !levels || !level) return '';
      if (level.format === 'bullet') return '';
      // Word continues one list across every w:num of the same abstract list unless a start is overridden.
      const key = num.overrides.size > 0 ? `num:${ref.numId}` : `abstract:${num.abstractId}`;
      const counts = counters.get(key) ?? [];
      counters.set(key, counts);
      const startOf = (k: number): number => num.overrides.get(k) ?? levels.get(k)?.start ?? 1;
      counts[ref.level] = counts[ref.level] === undefined ? startOf(ref.level) : counts[ref.level] + 1;
      // A higher level starts its sub-levels over.
      counts.length = ref.level + 1;
      const text = level.text.replace(/%([1-9])/g, (_m, d: string) => {
        const k = Number(d) - 1;
        const value = counts[k] ?? startOf(k);
        const format = levels.get(k)?.format ?? 'decimal';
        return formatNumber(value, format);
      });
      return text + level.suffix;
    },
  };
}
