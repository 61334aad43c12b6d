/**
 * The sheets the web page writes, as the file layer's OutputSheet: the repaired table (title lines above its header),
 * a copy of a source sheet (for backups and for inputs that are not an .xlsx package), and the findings list.
 */
import { planToValues, toA1 } from '../core';
import { displayWidth, type SheetSpec } from '../core/sheets';
import type { CellValue, Finding, Grid, Lang, RepairPlan } from '../core/types';
import type { OutputSheet } from '../files';

/** Width of a column in Excel characters, from the first rows only (a long table need not be measured in full). */
const WIDTH_SAMPLE_ROWS = 200;
const MAX_WIDTH = 60;

function widths(rows: ReadonlyArray<ReadonlyArray<string>>, columnCount: number): number[] {
  const result = new Array<number>(columnCount).fill(8);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((value, c) => {
      // A multi-line cell is as wide as its widest line.
      const widest = Math.max(0, ...value.split('\n').map(displayWidth));
      result[c] = Math.min(MAX_WIDTH, Math.max(result[c], widest + 2));
    });
  }
  return result;
}

/** The repaired table: the lines above the header become title rows, the header the sheet's header row. */
export function repairedSheet(name: string, plan: RepairPlan): OutputSheet {
  const values = planToValues(plan);
  const headerIndex = plan.rows.findIndex((row) => row.kind === 'header');
  const header = headerIndex >= 0 ? values[headerIndex] : plan.columns;
  const columnCount = Math.max(header.length, ...values.slice(0, WIDTH_SAMPLE_ROWS).map((row) => row.length));
  // The 序号 column's plain integers are written as numbers, so they sort and count as Excel users expect.
  const numberColumn = header.findIndex((cell) => /^\s*(序号|编号|No\.?)\s*$/i.test(cell));
  const rows: Array<Array<string | number>> = values.slice(headerIndex + 1).map((row, i) =>
    numberColumn >= 0 && plan.rows[headerIndex + 1 + i]?.kind === 'record' && /^[1-9]\d{0,8}$/.test(row[numberColumn] ?? '')
      ? row.map((cell, c) => (c === numberColumn ? Number(cell) : cell))
      : row,
  );
  return {
    name,
    title: headerIndex > 0 ? values.slice(0, headerIndex).map((row) => row.filter((cell) => cell !== '').join(' ')) : undefined,
    columns: header,
    rows,
    widths: widths(values, columnCount),
    autoFilter: false,
  };
}

function cellText(value: CellValue): string {
  return value === null ? '' : String(value);
}

/**
 * A source sheet written again as values and merged areas at the same cells (A1 keeps its place: rows and columns
 * before the grid's origin are left empty). Used for the backup of an in-place repair and to carry a sheet of a
 * Word, SpreadsheetML or HTML input into a new .xlsx workbook.
 */
export function copyOfGrid(name: string, grid: Grid): OutputSheet {
  const left = grid.origin.column - 1;
  const top = grid.origin.row - 1;
  const pad = (row: readonly CellValue[]): string[] => [...new Array<string>(left).fill(''), ...row.map(cellText)];
  const rows = [...Array.from({ length: top }, () => [] as string[]), ...grid.values.map(pad)];
  const [header = [], ...body] = rows;
  const columnCount = Math.max(0, ...rows.slice(0, WIDTH_SAMPLE_ROWS).map((row) => row.length));
  return {
    name,
    columns: header,
    rows: body,
    widths: widths(rows, columnCount),
    merges: grid.merges.map(
      (area) => `${toA1(top + area.row + 1, left + area.column + 1)}:${toA1(top + area.row + area.rowCount, left + area.column + area.columnCount)}`,
    ),
    freeze: { rows: 0 },
    autoFilter: false,
  };
}

const FINDING_COLUMNS: Record<Lang, string[]> = {
  'zh-CN': ['单元格', '行', '严重程度', '规则', '问题', '原值', '建议'],
  'en-US': ['Cell', 'Row', 'Severity', 'Rule', 'Problem', 'Value', 'Suggestion'],
};

const SEVERITY_WORDS: Record<Lang, Record<Finding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const FINDINGS_SHEET: Record<Lang, string> = { 'zh-CN': '问题清单', 'en-US': 'Findings' };

/** Every finding on one sheet, in sheet order, for a reviewer to pass on. */
export function findingsSheet(findings: readonly Finding[], lang: Lang): OutputSheet {
  const rows = [...findings]
    .sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''))
    .map((f) => [f.cell ?? '', f.row, SEVERITY_WORDS[lang][f.severity], f.rule, f.messages[lang], f.value ?? '', f.suggestion ?? '']);
  return { name: FINDINGS_SHEET[lang], columns: FINDING_COLUMNS[lang], rows, widths: [8, 6, 8, 20, 50, 30, 30], freeze: { rows: 1 } };
}

/** Summary specs as output sheets (they already carry widths, percent columns and the chart). */
export function asOutputSheets(specs: readonly SheetSpec[]): OutputSheet[] {
  return specs.map((spec) => ({ ...spec }));
}
