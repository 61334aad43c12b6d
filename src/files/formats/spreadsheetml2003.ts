/**
 * SpreadsheetML 2003 (XML Spreadsheet): what many Java report back ends export under an .xls name. Cells are placed
 * as Excel places them: ss:Index jumps to a column or row, a cell after ss:MergeAcross continues after the merge.
 */
import type { CellValue } from '../../core/types';
import { fileError } from '../errors';
import { GridBuilder } from '../grid/gridBuilder';
import { SPREADSHEETML_2003_NS } from '../xml/namespaces';
import { saxText } from '../xml/sax';
import type { Tag } from '../xml/sax';
import { formatDate, isDateCode } from '../xlsx/numberFormat';
import type { ReadSheetResult, SheetInfo } from '../types';

/** ss:Name, ss:Index…: Excel writes them prefixed; some generators leave the prefix off. */
function ssAttr(tag: Tag, local: string): string | undefined {
  for (const key of Object.keys(tag.attributes)) {
    const a = tag.attributes[key];
    if (a.local === local && (a.uri === SPREADSHEETML_2003_NS || a.uri === '')) return a.value;
  }
  return undefined;
}

function isSs(tag: Tag): boolean {
  return tag.uri === SPREADSHEETML_2003_NS;
}

const NAMED_FORMATS: Record<string, string> = {
  'General Date': 'yyyy/m/d h:mm',
  'Short Date': 'yyyy/m/d',
  'Medium Date': 'd-mmm-yy',
  'Long Date': 'yyyy"年"m"月"d"日"',
  'Long Time': 'h:mm:ss',
  'Medium Time': 'h:mm AM/PM',
  'Short Time': 'h:mm',
};

/** "2024-03-05T08:30:00.000" as a 1900-system serial. */
function isoToSerial(text: string): number | null {
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  const days = (ms - Date.UTC(1899, 11, 31)) / 86400000;
  return days >= 60 ? days + 1 : days;
}

export function isSpreadsheetMl2003(text: string): boolean {
  let root: string | null = null;
  try {
    saxText('workbook', text, {
      open(tag) {
        if (root === null) {
          root = tag.uri === SPREADSHEETML_2003_NS && tag.local === 'Workbook' ? 'ss' : 'other';
          throw new Error('done');
        }
      },
      close() {},
      text() {},
    });
  } catch {
    // Stopped at the root element, or not XML at all.
  }
  return root === 'ss';
}

interface Parsed {
  names: string[];
  hidden: boolean[];
  result?: ReadSheetResult;
}

function parse(text: string, wanted: string | null, range?: string): Parsed {
  const names: string[] = [];
  const hidden: boolean[] = [];
  const styles = new Map<string, string>();
  let styleId: string | null = null;
  let builder: GridBuilder | null = null;
  let sheetName = '';
  let inTable = false;
  let row = 0;
  let column = 0;
  let cellColumn = 0;
  let cellStyle = '';
  let dataType = '';
  let data: string[] | null = null;
  let inOptions = false;
  let result: ReadSheetResult | undefined;

  const open = (tag: Tag): void => {
    if (!isSs(tag)) {
      return;
    }
    switch (tag.local) {
      case 'Style':
        styleId = ssAttr(tag, 'ID') ?? null;
        break;
      case 'NumberFormat': {
        const format = ssAttr(tag, 'Format');
        if (styleId !== null && format !== undefined) {
          const code = NAMED_FORMATS[format] ?? (isDateCode(format) ? format : null);
          if (code) styles.set(styleId, code);
        }
        break;
      }
      case 'Worksheet':
        sheetName = ssAttr(tag, 'Name') ?? `Sheet${names.length + 1}`;
        names.push(sheetName);
        hidden.push(false);
        if (wanted !== null && sheetName === wanted) builder = new GridBuilder(range);
        row = 0;
        break;
      case 'Table':
        inTable = true;
        column = 0;
        break;
      case 'Column': {
        if (!builder || !inTable) break;
        const index = Number(ssAttr(tag, 'Index') ?? 0);
        column = index > 0 ? index : column + 1;
        const span = Number(ssAttr(tag, 'Span') ?? 0);
        if (ssAttr(tag, 'Hidden') === '1') builder.hideColumns(column, column + span);
        column += span;
        break;
      }
      case 'Row': {
        const index = Number(ssAttr(tag, 'Index') ?? 0);
        row = index > 0 ? index : row + 1;
        column = 0;
        if (builder && ssAttr(tag, 'Hidden') === '1') builder.hideRow(row);
        break;
      }
      case 'Cell': {
        const index = Number(ssAttr(tag, 'Index') ?? 0);
        column = index > 0 ? index : column + 1;
        cellColumn = column;
        cellStyle = ssAttr(tag, 'StyleID') ?? '';
        const across = Number(ssAttr(tag, 'MergeAcross') ?? 0);
        const down = Number(ssAttr(tag, 'MergeDown') ?? 0);
        if (builder && (across > 0 || down > 0)) {
          builder.merge({ top: row, left: column, bottom: row + Math.max(0, down), right: column + Math.max(0, across) });
        }
        // The next cell without an index starts after the merged columns.
        column += Math.max(0, across);
        break;
      }
      case 'Data':
        dataType = ssAttr(tag, 'Type') ?? 'String';
        data = [];
        break;
      default:
    }
  };
  const close = (tag: Tag): void => {
    if (!isSs(tag)) return;
    switch (tag.local) {
      case 'Style':
        styleId = null;
        break;
      case 'Data': {
        if (builder && data) builder.set(row, cellColumn, dataValue(data.join(''), dataType, styles.get(cellStyle)));
        data = null;
        break;
      }
      case 'Table':
        inTable = false;
        break;
      case 'Worksheet':
        if (builder) {
          result = builder.build(sheetName);
          builder = null;
        }
        break;
      default:
    }
  };
  // <x:WorksheetOptions><x:Visible>SheetHidden</x:Visible>: in the excel namespace, not the spreadsheet one.
  let optionText = '';
  saxText('workbook', text, {
    open: (tag) => {
      if (tag.local === 'WorksheetOptions') inOptions = true;
      if (inOptions && tag.local === 'Visible') optionText = '';
      open(tag);
    },
    close: (tag) => {
      if (inOptions && tag.local === 'Visible' && optionText.includes('Hidden')) hidden[hidden.length - 1] = true;
      if (tag.local === 'WorksheetOptions') inOptions = false;
      close(tag);
    },
    text: (t) => {
      if (data) data.push(t);
      else if (inOptions) optionText += t;
    },
  });
  return { names, hidden, result };
}

function dataValue(text: string, type: string, dateCode: string | undefined): CellValue {
  const value = text.replace(/\r\n?/g, '\n');
  switch (type) {
    case 'Number': {
      const n = Number(value);
      return Number.isFinite(n) && value.trim() !== '' ? n : value;
    }
    case 'Boolean':
      return value.trim() === '1';
    case 'DateTime': {
      const serial = isoToSerial(value);
      if (serial === null) return value;
      const code = dateCode ?? (serial % 1 === 0 ? 'yyyy/m/d' : 'yyyy/m/d h:mm');
      return formatDate(serial, code, false) ?? value;
    }
    default:
      return value;
  }
}

export function openSpreadsheetMl2003(text: string): { sheets: SheetInfo[]; readSheet(name: string, options?: { range?: string }): ReadSheetResult } {
  const { names, hidden } = parse(text, null);
  if (names.length === 0) throw fileError('no-sheets', '文件中没有工作表', 'the file has no worksheets');
  return {
    sheets: names.map((name, i) => ({ name, hidden: hidden[i] })),
    readSheet(name, options) {
      const parsed = parse(text, name, options?.range);
      if (!parsed.result) throw fileError('sheet-missing', `没有工作表“${name}”`, `no sheet "${name}"`);
      return parsed.result;
    },
  };
}
