import type { Lang } from '../types';
import { repairedSuffix } from './labels';

/** Excel's limit on a sheet name, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;

/** Remove what Excel forbids in a sheet name: : \ / ? * [ ], control characters, and apostrophes at either end. */
export function cleanSheetName(name: string): string {
  return name
    .replace(/[:\\/?*[\]]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/^'+|'+$/g, '')
    .trim();
}

/** Cut `text` to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function truncateUtf16(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * The name of the sheet a repaired table goes to: `表1（整理）` / `Sheet1 (clean)`, at most 31 characters, unique
 * (case-insensitively, as Excel compares names) among `existing` by appending 2, 3 … Repairing an already repaired
 * sheet does not stack suffixes: `表1（整理）` gives `表1（整理）2`.
 */
export function repairedSheetName(source: string, existing: readonly string[], lang: Lang = 'zh-CN'): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  const suffix = repairedSuffix[lang];
  let stem = cleanSheetName(source);
  for (const known of Object.values(repairedSuffix)) {
    const pattern = new RegExp(`${escapeRegExp(known)}(?:\\s?\\d+)?$`);
    stem = stem.replace(pattern, '');
  }
  stem = stem.trim();
  if (stem === '') stem = lang === 'zh-CN' ? '表' : 'Sheet';
  const separator = lang === 'zh-CN' ? '' : ' ';
  for (let n = 1; ; n += 1) {
    const counter = n === 1 ? '' : `${separator}${n}`;
    const tail = `${suffix}${counter}`;
    const name = cleanSheetName(`${truncateUtf16(stem, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`);
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `base`, or `base 2`, `base 3` … : the first name not in `existing` (case-insensitively), at most 31 characters. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  const stem = cleanSheetName(base) || 'Sheet';
  const separator = /[A-Za-z0-9]$/.test(stem) ? ' ' : '';
  for (let n = 1; ; n += 1) {
    const tail = n === 1 ? '' : `${separator}${n}`;
    const name = `${truncateUtf16(stem, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}
