/**
 * One worksheet part, streamed once through the SAX parser into a GridBuilder: shared, inline and rich-text strings,
 * numbers, booleans, errors as their text, dates as the cell shows them, merged areas, hidden rows and columns.
 */
import type { CellValue } from '../../core/types';
import type { OpcPackage } from '../package';
import { inflateEntry } from '../zip/readZip';
import { attr, saxStream } from '../xml/sax';
import type { Tag } from '../xml/sax';
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

/** "B12" → column 2, row 12, without a regular expression: every cell of a 100k-row sheet passes here. */
function parseRef(ref: string): { row: number; column: number } | null {
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
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return column > 0 && row > 0 ? { row, column } : null;
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

  const open = (tag: Tag): void => {
    if (!isSpreadsheetNs(tag.uri)) return;
    switch (tag.local) {
      case 'row': {
        const r = Number(attr(tag, 'r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        column = 0;
        if (truthy(attr(tag, 'hidden'))) builder.hideRow(row);
        break;
      }
      case 'c': {
        const ref = attr(tag, 'r');
        const at = ref === undefined ? null : parseRef(ref);
        if (at) {
          row = at.row;
          column = at.column;
        } else column += 1;
        type = attr(tag, 't') ?? 'n';
        style = Number(attr(tag, 's') ?? 0) || 0;
        value = '';
        inCell = true;
        break;
      }
      case 'v':
        if (inCell) inValue = true;
        break;
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
        const ref = attr(tag, 'ref');
        if (ref !== undefined) builder.mergeA1(ref);
        break;
      }
      case 'sheetProtection':
        // ECMA-376 Part 1, 18.3.1.85: the sheet is protected only when @sheet is true (its default is false).
        isProtected = truthy(attr(tag, 'sheet'));
        break;
      case 'col': {
        if (truthy(attr(tag, 'hidden'))) {
          const min = Number(attr(tag, 'min'));
          const max = Number(attr(tag, 'max'));
          if (min > 0 && max >= min) builder.hideColumns(min, max);
        }
        break;
      }
      default:
    }
  };
  const close = (tag: Tag): void => {
    if (!isSpreadsheetNs(tag.uri)) return;
    switch (tag.local) {
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
  const stream = saxStream(part, {
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
