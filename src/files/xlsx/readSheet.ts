/**
 * One worksheet part, streamed once through the SAX parser into a GridBuilder: shared, inline and rich-text strings,
 * numbers, booleans, errors as their text, dates as the cell shows them, merged areas, hidden rows and columns.
 */
import type { CellValue } from '../../core/types';
import type { OpcPackage } from '../package';
import { inflateEntry } from '../zip/readZip';
import { saxElements } from '../xml/sax';
import { isSpreadsheetNs } from '../xml/namespaces';
import { GridBuilder } from '../grid/gridBuilder';
import type { ReadSheetResult } from '../types';
import { fileError } from '../errors';
import { cellString } from './cellText';
import { formatDate } from './numberFormat';

export interface SheetContext {
  sharedStrings: () => string[];
  dateStyles: () => Array<string | null>;
  date1904: boolean;
}

/** Where parseRef puts what it read: a cell's row and column, without an object per cell. */
const at = { row: 0, column: 0 };

/** "B12" → column 2, row 12 in `at`, without a regular expression: every cell of a 100k-row sheet passes here. */
function parseRef(ref: string): boolean {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  let row = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  if (column <= 0 || row <= 0) return false;
  at.row = row;
  at.column = column;
  return true;
}

function truthy(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

export function readWorksheet(pkg: OpcPackage, part: string, name: string, context: SheetContext, range?: string): ReadSheetResult {
  const entry = pkg.entry(part);
  if (!entry) throw fileError('part-missing', `文件已损坏：缺少工作表“${name}”的内容`, `the file is damaged: the content of sheet "${name}" is missing`);
  const builder = new GridBuilder(range);
  let row = 0;
  let column = 0;
  let type = '';
  let style = 0;
  // Most cells have one text event: a string, not an array, keeps a 100k-row sheet from making a million arrays.
  let value = '';
  let inValue = false;
  let inInline = false;
  let inText = false;
  let inPhonetic = 0;
  let inCell = false;
  let shared: string[] | null = null;
  let dateStyles: Array<string | null> | null = null;
  let isProtected = false;
  // The s attribute of the last cell and its number: a sheet's cells use a handful of styles, so most cells skip Number().
  let lastStyle: string | undefined;

  const finishCell = (): void => {
    const text = value;
    let out: CellValue = null;
    switch (type) {
      case 's': {
        shared ??= context.sharedStrings();
        out = shared[Number(text)] ?? null;
        break;
      }
      case 'inlineStr':
      case 'str':
        out = cellString(text);
        break;
      case 'b':
        out = text === '' ? null : truthy(text.trim());
        break;
      case 'e':
        out = text;
        break;
      case 'd':
        out = text.endsWith('T00:00:00') || text.endsWith('T00:00:00Z') ? text.slice(0, 10) : text;
        break;
      default: {
        if (text === '') break;
        const number = Number(text);
        if (!Number.isFinite(number)) {
          out = text;
          break;
        }
        dateStyles ??= context.dateStyles();
        const code = style > 0 || dateStyles.length > 0 ? dateStyles[style] : null;
        const shown = code ? formatDate(number, code, context.date1904) : null;
        out = shown ?? number;
        // The serial as stored: it is written back into the same workbook, with the same date system.
        if (shown !== null && code) builder.date(row, column, number, code);
      }
    }
    builder.set(row, column, out);
  };

  const open = (local: string, ns: string, attributes: Readonly<Record<string, string>>): void => {
    if (!isSpreadsheetNs(ns)) return;
    switch (local) {
      case 'c': {
        const ref = attributes.r;
        if (ref !== undefined && parseRef(ref)) {
          row = at.row;
          column = at.column;
        } else column += 1;
        type = attributes.t ?? 'n';
        const s = attributes.s;
        if (s !== lastStyle) {
          lastStyle = s;
          style = Number(s ?? 0) || 0;
        }
        value = '';
        inCell = true;
        break;
      }
      case 'v':
        if (inCell) inValue = true;
        break;
      case 'row': {
        const r = Number(attributes.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        column = 0;
        if (truthy(attributes.hidden)) builder.hideRow(row);
        break;
      }
      case 'is':
        if (inCell) inInline = true;
        break;
      case 't':
        if (inInline) inText = true;
        break;
      case 'rPh':
        inPhonetic += 1;
        break;
      case 'mergeCell': {
        const ref = attributes.ref;
        if (ref !== undefined) builder.mergeA1(ref);
        break;
      }
      case 'sheetProtection':
        // ECMA-376 Part 1, 18.3.1.85: the sheet is protected only when @sheet is true (its default is false).
        isProtected = truthy(attributes.sheet);
        break;
      case 'col': {
        if (truthy(attributes.hidden)) {
          const min = Number(attributes.min);
          const max = Number(attributes.max);
          if (min > 0 && max >= min) builder.hideColumns(min, max);
        }
        break;
      }
      default:
    }
  };
  const close = (local: string, ns: string): void => {
    if (!isSpreadsheetNs(ns)) return;
    switch (local) {
      case 'c':
        finishCell();
        inCell = false;
        break;
      case 'v':
        inValue = false;
        break;
      case 'is':
        inInline = false;
        break;
      case 't':
        inText = false;
        break;
      case 'rPh':
        inPhonetic -= 1;
        break;
      default:
    }
  };
  const stream = saxElements(part, {
    open,
    close,
    text(text) {
      if (inValue || (inText && inPhonetic === 0)) value += text;
    },
  });
  inflateEntry(pkg.archive, entry, (chunk) => stream.write(chunk));
  stream.end();
  const result = builder.build(name);
  return isProtected ? { ...result, protected: true } : result;
}
