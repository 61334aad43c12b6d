/** Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
import { MAX_SHEET_NAME, cleanSheetName, truncateUtf16 } from '../core/sheets/sheetName';

/** `base`, or `base 2`, `base 3` … (cut to fit 31 characters) — the first one not in `existing`. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  const stem = cleanSheetName(base) || 'Sheet';
  for (let n = 1; ; n += 1) {
    const tail = n === 1 ? '' : ` ${n}`;
    const name = `${truncateUtf16(stem, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}
