/** The contract's view of each in-memory double: how to build one from a grid, look at it and act on it as a user. */
import type { Grid } from '../../src/core/types';
import { createOfficeHost } from '../../src/excel';
import { createWpsHost } from '../../src/wps';
import { installFakeOffice, workbookFromGrid, cellA1 as excelA1 } from '../support/fakeExcel';
import { createFakeApplication, parseRef, wpsBookFromGrid, cellA1 as wpsA1 } from '../support/fakeWps';
import type { ContractWorkbook } from './contract';

/** The part of either double's workbook a user acts on: both models enter typed text, select, protect and add sheets alike. */
interface UserBook {
  sheet(name: string): { valuesOf(address: string): ReturnType<ContractWorkbook['values']>; enter(row: number, column: number, input: unknown): void };
  select(sheetName: string, address: string): void;
  protect(sheetName: string): void;
  addSheet(name: string): { enter(row: number, column: number, input: unknown): void };
}

/** What a user does to the workbook, the same on both doubles: an edit is typed with a leading apostrophe, so it is entered as text. */
function userActions(book: UserBook): Pick<ContractWorkbook, 'values' | 'edit' | 'select' | 'protect' | 'addSheet'> {
  return {
    values: (name, address) => book.sheet(name).valuesOf(address),
    edit: (name, address, value) => {
      const rect = parseRef(address);
      book.sheet(name).enter(rect.row, rect.column, `'${value}`);
    },
    select: (name, address) => book.select(name, address),
    protect: (name) => book.protect(name),
    addSheet: (name, text) => book.addSheet(name).enter(0, 0, `'${text}`),
  };
}

export function excelContractWorkbook(grid: Grid, sheet: string): ContractWorkbook {
  const book = workbookFromGrid(grid, { sheet });
  const uninstall = installFakeOffice(globalThis, book);
  return {
    host: createOfficeHost(),
    sheetNames: () => book.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
    ...userActions(book),
    filledCells: (name) => [...book.sheet(name).cells.values()].filter((cell) => cell.fill !== null && cell.fill.toUpperCase() !== '#FFFFFF').length,
    notedCells: (name) => book.sheet(name).notes.size,
    charts: (name) => book.sheet(name).charts.map((chart) => ({ title: chart.title, series: chart.series.length })),
    selectedCell: () => (book.selection ? `${book.selection.sheet.name}!${excelA1(book.selection.rect.row, book.selection.rect.column)}` : null),
    dispose: uninstall,
  };
}

export function wpsContractWorkbook(grid: Grid, sheet: string): ContractWorkbook {
  const book = wpsBookFromGrid(grid, { sheet });
  return {
    host: createWpsHost(createFakeApplication(book)),
    sheetNames: () => book.visibleSheetNames,
    ...userActions(book),
    filledCells: (name) => [...book.sheet(name).cells.values()].filter((cell) => cell.color !== null).length,
    notedCells: (name) => [...book.sheet(name).cells.values()].filter((cell) => cell.comment !== null).length,
    // The WPS host writes no native chart (capabilities.chart is false): the pane draws it.
    charts: () => [],
    selectedCell: () => (book.selection ? `${book.selection.sheet.name}!${wpsA1(book.selection.rect.row, book.selection.rect.column)}` : null),
    dispose: () => undefined,
  };
}
