/**
 * What a cell shows: `Range.text` of office-js and what the grid itself paints. The two differ.
 *
 * `Range.text`: "Text values of the specified range. The Text value will not depend on the cell width. The number sign (#)
 * substitution that happens in the Excel UI will not affect the text value returned by the API."
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member) — so a number is formatted
 * with its number format (0.5 under "0%" is "50%", a date serial under "yyyy/m/d" is "2024/6/30"), strings come back as
 * they are.
 *
 * The grid: Excel for desktop paints a Text-formatted ("@") cell holding more than 255 characters as ##### — the long
 * progress notes of a report vanish from view though the value is intact (issue 9; the Text format is documented with
 * "the cell is displayed exactly as entered", https://support.microsoft.com/office/available-number-formats-in-excel-0afe8f52-97db-41f1-b972-4b46e9f1e8d2,
 * and the 255-character display cut-off is Excel's long-standing limit for Text-formatted cells). Excel on the web shows
 * the text. `FakeSheet.displayedAt` imitates this so tests can assert what a clerk sees.
 */
import type { Scalar } from './model';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
export const TEXT_FORMAT_DISPLAY_LIMIT = 255;

export type FakePlatform = 'desktop' | 'web';

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDateFormat(format: string): boolean {
  const codes = stripLiterals(format).toLowerCase();
  return /[dy]/.test(codes) || (/m/.test(codes) && !/[hs]/.test(codes));
}

function dateText(serial: number, format: string): string {
  const when = new Date(EXCEL_EPOCH + Math.round(serial * 86400000));
  const y = when.getUTCFullYear();
  const m = when.getUTCMonth() + 1;
  const d = when.getUTCDate();
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (format === 'd-mmm') return `${d}-${months[m - 1]}`;
  if (format.includes('年')) return `${y}年${m}月${d}日`;
  if (format.includes('月')) return `${m}月${d}日`;
  return `${y}/${m}/${d}`;
}

/** General shows up to 11 significant characters; enough for the counts and serials these tables hold. */
function generalText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** `Range.text` of one cell. */
export function formattedText(value: Scalar, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (numberFormat === 'General' || numberFormat === '@') return generalText(value);
  const percent = /^0(\.0+)?%$/.exec(numberFormat);
  if (percent) return `${(value * 100).toFixed(percent[1] ? percent[1].length - 1 : 0)}%`;
  if (/^0(\.0+)?$/.test(numberFormat)) return value.toFixed(numberFormat.length > 1 ? numberFormat.length - 2 : 0);
  if (isDateFormat(numberFormat)) return dateText(value, numberFormat);
  return generalText(value);
}

/** What the grid paints in the cell (see the header). */
export function displayedText(value: Scalar, numberFormat: string, platform: FakePlatform): string {
  const text = formattedText(value, numberFormat);
  if (platform === 'desktop' && numberFormat === '@' && typeof value === 'string' && value.length > TEXT_FORMAT_DISPLAY_LIMIT) return '#'.repeat(8);
  return text;
}
