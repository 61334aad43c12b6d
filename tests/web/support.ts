/** Seed-built workbooks for the web page's tests, written by exceljs (a producer other than our file layer). */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/types';
import { allFixtures, renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { gridToWorksheet } from '../fixtures/writeXlsx';

export const SHEET = '重点工作';

/** A workbook with a cover sheet first, the table on the second sheet and a hidden sheet last. */
export async function seedWorkbook(grid: Grid = renderWordPaste(loadSeed('001')).grid): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').getCell('A1').value = '本工作簿的第二张表是重点工作进展表。';
  gridToWorksheet(grid, workbook.addWorksheet(SHEET));
  const hidden = workbook.addWorksheet('隐藏');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = 'x';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every seed rendering as a one-sheet workbook, by fixture name. */
export async function fixtureWorkbooks(): Promise<Array<{ name: string; bytes: Uint8Array; grid: Grid }>> {
  const out = [];
  for (const fixture of allFixtures()) {
    const workbook = new ExcelJS.Workbook();
    gridToWorksheet(fixture.grid, workbook.addWorksheet(SHEET));
    out.push({ name: fixture.name, grid: fixture.grid, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
  }
  return out;
}
