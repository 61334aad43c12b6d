/**
 * The web page's in-memory host under the shared host contract. The "workbook" is an .xlsx file in memory written by
 * the file layer; the user's acts map to the page's: selecting = choosing the sheet in the picker (the page reads a
 * sheet's whole table), editing = opening a newer version of the file, marks and the selected cell = the page's grid.
 */
import { toA1 } from '../../src/core';
import type { Grid } from '../../src/core/types';
import { createWorkbook, openWorkbook, writeSheets } from '../../src/files';
import { MemoryHost, type CellMark } from '../../src/web/memoryHost';
import { copyOfGrid } from '../../src/web/outputSheets';
import { parseRangeA1 } from '../../src/core/grid/address';
import { packageCharts } from '../support/packageCharts';
import { describeHostContract, type CellScalar, type ContractWorkbook } from './contract';

function sheetGrid(bytes: Uint8Array, name: string): Grid {
  return openWorkbook(bytes).readSheet(name).grid;
}

/** A range's values as the user sees them, '' for empty cells, whatever part of the sheet the reader returned. */
function rangeValues(grid: Grid, address: string): CellScalar[][] {
  const range = parseRangeA1(address);
  if (!range) throw new Error(`not a range: ${address}`);
  const out: CellScalar[][] = [];
  for (let row = range.top; row <= range.bottom; row += 1) {
    const line: CellScalar[] = [];
    for (let column = range.left; column <= range.right; column += 1) {
      const value = grid.values[row - grid.origin.row]?.[column - grid.origin.column];
      line.push(value === null || value === undefined ? '' : value);
    }
    out.push(line);
  }
  return out;
}

function webContractWorkbook(grid: Grid, sheet: string): ContractWorkbook {
  let marks: CellMark[] = [];
  let markedSheet = '';
  let selected: string | null = null;
  const host = new MemoryHost(createWorkbook([copyOfGrid(sheet, grid)]), {
    fileName: '重点工作.xlsx',
    view: {
      showMarks: (name, shown) => {
        markedSheet = name;
        marks = shown;
      },
      scrollTo: (name, row, column) => {
        selected = `${name}!${toA1(row, column)}`;
      },
    },
  });
  const replaceSheet = (name: string, change: (grid: Grid) => Grid, extra: { protection?: { unlocked: string[] } } = {}) => {
    const current = sheetGrid(host.workbook, name);
    host.reopen(writeSheets(host.workbook, [{ ...copyOfGrid(name, change(current)), ...extra }], { replace: (n) => n === name }));
  };
  const marked = (name: string, withNote: boolean) =>
    name === markedSheet ? new Set(marks.filter((m) => !withNote || m.message !== '').map((m) => `${m.row},${m.column}`)).size : 0;
  return {
    host,
    sheetNames: () => openWorkbook(host.workbook).sheets.filter((s) => !s.hidden).map((s) => s.name),
    values: (name, address) => rangeValues(sheetGrid(host.workbook, name), address),
    edit: (name, address, value) =>
      replaceSheet(name, (current) => {
        const at = parseRangeA1(address);
        if (!at) throw new Error(`not a cell: ${address}`);
        const values = current.values.map((row) => [...row]);
        const r = at.top - current.origin.row;
        const c = at.left - current.origin.column;
        while (values.length <= r) values.push([]);
        while (values[r].length <= c) values[r].push(null);
        values[r][c] = value;
        // Typing into a merged area's hidden cell: in the file that cell only holds text once the area is unmerged.
        const merges = current.merges.filter((m) => r < m.row || r >= m.row + m.rowCount || c < m.column || c >= m.column + m.columnCount);
        return { ...current, values, merges };
      }),
    // The page has no cell selection: the sheet picker chooses the sheet and its whole table is read.
    select: (name) => host.chooseSheet(name),
    protect: (name) => replaceSheet(name, (current) => current, { protection: { unlocked: [] } }),
    // The office's own sheet, already in the file it opens.
    addSheet: (name, text) => host.reopen(writeSheets(host.workbook, [{ name, columns: [text], rows: [], widths: [20], autoFilter: false }])),
    filledCells: (name) => marked(name, false),
    notedCells: (name) => marked(name, true),
    charts: (name) => packageCharts(host.workbook, name),
    selectedCell: () => selected,
    dispose: () => undefined,
  };
}

describeHostContract('web page (a file in memory)', webContractWorkbook);
