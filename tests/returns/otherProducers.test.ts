/**
 * Returns as other programs write them, read through the file layer exactly as the pane and the CLI read them:
 * exceljs and SheetJS workbooks, and the HTML ".xls" an intranet system exports.
 */
import * as XLSX from 'xlsx';
import { defaultConfig } from '../../src/core';
import { matchReturns, type MergePlan, type RoundSheet } from '../../src/core/returns';
import { readReturnFile } from '../../taskpane/components/MergePanel';
import { gridToWorkbook } from '../fixtures/writeXlsx';
import { fillReturn, seedMaster, sheetGrid, unitPart, type Filled } from './round';

const config = defaultConfig();

function progressOf(plan: MergePlan, row: number): string {
  const { analysis } = seedMaster();
  const outputRow = analysis.plan.rowMap.find((m) => m.row === row)?.outputRow ?? 0;
  const column = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  return plan.rows[outputRow - 1][column];
}

async function viaExcelJs(sheet: RoundSheet): Promise<Uint8Array> {
  return new Uint8Array(await gridToWorkbook(sheetGrid(sheet), '报送').xlsx.writeBuffer());
}

function viaSheetJs(sheet: RoundSheet): Uint8Array {
  const grid = sheetGrid(sheet);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid.values), '报送');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The HTML table a system exports with an .xls name (Excel opens it as a workbook). */
function viaHtmlXls(sheet: RoundSheet): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
  const rows = sheetGrid(sheet).values.map((r) => `<tr>${r.map((v) => `<td>${esc(v === null ? '' : String(v))}</td>`).join('')}</tr>`);
  const html = `<html><head><meta charset="utf-8"></head><body><table>${rows.join('\n')}</table></body></html>`;
  return new TextEncoder().encode(html);
}

describe('returns written by other programs', () => {
  test('exceljs, SheetJS and an HTML .xls export are read and merged onto the right tasks', async () => {
    const filled: Filled[] = [];
    const make = (unit: string, seed: number) => {
      const r = fillReturn(unitPart(unit), { shuffle: true, seed });
      filled.push(...r.filled);
      return r.sheet;
    };
    const inputs = [
      readReturnFile(unitPart('市委政法委').fileName, await viaExcelJs(make('市委政法委', 1)), config, 'zh-CN'),
      readReturnFile(unitPart('市编办').fileName, viaSheetJs(make('市编办', 2)), config, 'zh-CN'),
      readReturnFile('市外侨局回复.xls', viaHtmlXls(make('市外侨局', 3)), config, 'zh-CN'),
    ];
    for (const input of inputs) expect(input).toMatchObject({ ok: true });
    const plan = matchReturns(seedMaster().analysis, inputs.flatMap((r) => (r.ok ? [r.input] : [])), { config });
    expect(plan.returns.map((r) => r.unit)).toEqual(['市委政法委', '市编办', '市外侨局']);
    for (const f of filled) expect(progressOf(plan, f.row)).toContain(f.progress);
  });

  test('a file that is not a workbook is one clear line in the user\'s language, not a crash', () => {
    const bad = readReturnFile('回复.xlsx', new TextEncoder().encode('这不是表格'), config, 'zh-CN');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.reason).not.toMatch(/Error|undefined|at \w+ \(/);
      expect(bad.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
