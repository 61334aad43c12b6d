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
