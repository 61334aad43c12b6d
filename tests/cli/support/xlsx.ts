/** Small .xlsx builders for the CLI tests: a grid (values + merges) or raw exceljs values on a sheet. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue as ExcelValue, Worksheet } from 'exceljs';
import type { Grid } from '../../../src/core/types';

export async function tempDir(prefix = 'report-tables-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Put a grid on a worksheet at its origin, with its merged areas. */
export function putGrid(worksheet: Worksheet, grid: Grid): void {
  const { row: top, column: left } = grid.origin;
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) worksheet.getCell(top + r, left + c).value = value;
    });
  });
  for (const m of grid.merges) {
    worksheet.mergeCells(top + m.row, left + m.column, top + m.row + m.rowCount - 1, left + m.column + m.columnCount - 1);
  }
}

export interface SheetContent {
  name: string;
  grid?: Grid;
  /** Raw exceljs values by A1 address, written after the grid. */
  cells?: Record<string, ExcelValue>;
}

export async function writeWorkbookFile(file: string, sheets: SheetContent[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    if (sheet.grid) putGrid(worksheet, sheet.grid);
    for (const [address, value] of Object.entries(sheet.cells ?? {})) worksheet.getCell(address).value = value;
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's values as rows of plain cell values, for comparing two sheets. */
export function sheetRows(worksheet: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = cell.value;
    });
    rows[n - 1] = values;
  });
  return rows;
}

/** Grid rows → a tiny report table from text: '|' separates cells. */
export function gridFromLines(lines: string[], merges: Grid['merges'] = []): Grid {
  const values = lines.map((line) => line.split('|').map((cell) => (cell === '' ? null : cell)));
  const width = Math.max(...values.map((row) => row.length));
  return { values: values.map((row) => [...row, ...Array<null>(width - row.length).fill(null)]), merges, origin: { row: 1, column: 1 } };
}

/**
 * A small report table: title, declared count, header, three records (the first over two merged sheet rows),
 * one unknown status word (an error) and one unit written by its alias (an info).
 */
export function miniTable(): Grid {
  return gridFromLines(
    [
      '2018年重点工作进展情况表',
      '（共3项）',
      '序号|工作任务|责任单位|责任人|进展情况',
      '1|推进综治视联网建设。|市委政法委|赖惠镇|按进度完成。',
      '||市公安局|谢焱冰|（1）已完成测试。',
      '2|完善城乡社区治理。|市民政局|谢鸿猷|正在推进。',
      '3|=SUM(A1:A3)|市发改局|王长青|未按进度完成。',
    ],
    [
      { row: 3, column: 0, rowCount: 2, columnCount: 1 },
      { row: 3, column: 1, rowCount: 2, columnCount: 1 },
    ],
  );
}

/** The mini table with every status known: no errors. */
export function cleanMiniTable(): Grid {
  const grid = miniTable();
  grid.values[5][4] = '按进度完成。';
  return grid;
}
