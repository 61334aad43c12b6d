import ExcelJS from 'exceljs';
import { FileError, openWorkbook } from '../../src/files';
import type { Grid } from '../../src/core/types';

/** Read a worksheet back through the file layer, as written by exceljs (a producer this project does not control). */
async function readGrid(ws: ExcelJS.Worksheet, range: string | null = null): Promise<Grid> {
  const bytes = new Uint8Array((await ws.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return openWorkbook(bytes).readSheet(ws.name, range === null ? {} : { range }).grid;
}

function sheet(): ExcelJS.Worksheet {
  return new ExcelJS.Workbook().addWorksheet('表1');
}

describe('reading what exceljs wrote', () => {
  it('reads what a clerk sees: rich text, formula results, error text, dates, booleans, hyperlink text', async () => {
    const ws = sheet();
    ws.getCell('A1').value = { richText: [{ text: '推进', font: { bold: true } }, { text: '建设。' }] };
    ws.getCell('B1').value = { formula: 'A2*2', result: 14 };
    ws.getCell('C1').value = { error: '#N/A' };
    ws.getCell('D1').value = new Date(Date.UTC(2018, 8, 30));
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = { text: '市政府网站', hyperlink: 'https://www.example.gov.cn' };
    ws.getCell('A2').value = 7;
    ws.getCell('B2').value = { formula: 'NOW()' };
    ws.getCell('C2').value = '第一段\r\n第二段';
    const grid = await readGrid(ws);
    expect(grid.values[0]).toEqual(['推进建设。', 14, '#N/A', '2018/9/30', true, '市政府网站']);
    expect(grid.values[1]).toEqual([7, null, '第一段\n第二段', null, null, null]);
    expect(grid.sheet).toBe('表1');
  });

  it('spans from A1 to the last row and column holding a value', async () => {
    const ws = sheet();
    ws.getCell('C5').value = '末尾';
    ws.getCell('B2').value = '中间';
    ws.getCell('H20').style = { font: { bold: true } }; // formatted but empty: not part of the table
    const grid = await readGrid(ws);
    expect(grid.origin).toEqual({ row: 1, column: 1 });
    expect(grid.values).toHaveLength(5);
    expect(grid.values[0]).toHaveLength(3);
    expect(grid.values[4][2]).toBe('末尾');
  });

  it('turns merged areas into 0-based grid coordinates and leaves the covered cells empty', async () => {
    const ws = sheet();
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:E1');
    ws.getCell('B3').value = '任务';
    ws.mergeCells('B3:B6');
    ws.getCell('E6').value = 'x';
    const grid = await readGrid(ws);
    expect(grid.merges).toEqual([
      { row: 0, column: 0, rowCount: 1, columnCount: 5 },
      { row: 2, column: 1, rowCount: 4, columnCount: 1 },
    ]);
    expect(grid.values[0]).toEqual(['标题', null, null, null, null]);
    expect(grid.values[3][1]).toBeNull();
  });

  it('reads only the given range, with the origin and merges relative to it', async () => {
    const ws = sheet();
    ws.getCell('A1').value = '范围外';
    ws.getCell('C3').value = '序号';
    ws.getCell('D4').value = '任务';
    ws.mergeCells('D4:D7');
    ws.getCell('E7').value = '尾';
    const grid = await readGrid(ws, 'C3:E6');
    expect(grid.origin).toEqual({ row: 3, column: 3 });
    expect(grid.values).toEqual([
      ['序号', null, null],
      [null, '任务', null],
      [null, null, null],
      [null, null, null],
    ]);
    // D4:D7 is cut at the range's last row.
    expect(grid.merges).toEqual([{ row: 1, column: 1, rowCount: 3, columnCount: 1 }]);
  });

  it('does not allocate a whole-sheet range beyond the last value', async () => {
    const ws = sheet();
    ws.getCell('B2').value = 'x';
    const grid = await readGrid(ws, 'A1:XFD1048576');
    expect(grid.values).toHaveLength(2);
    expect(grid.values[0]).toHaveLength(2);
  });

  it('rejects a malformed or reversed range as unusable input', async () => {
    const ws = sheet();
    for (const range of ['A1:', 'F9:A1', 'hello', 'A0:B2']) {
      await expect(readGrid(ws, range)).rejects.toThrow(FileError);
    }
  });

  it('gives an empty grid for an empty sheet', async () => {
    expect((await readGrid(sheet())).values).toEqual([]);
  });
});
