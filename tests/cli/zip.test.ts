import ExcelJS from 'exceljs';
import { deflateStoredZip } from '../../src/cli/xlsx/zip';

describe('deflateStoredZip', () => {
  it('compresses exceljs’ stored zip into a smaller .xlsx that reads back the same', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    for (let r = 1; r <= 300; r += 1) sheet.addRow([r, `第${r}项工作任务`, '按进度完成。\n已完成年度目标。']);
    sheet.mergeCells('D1:D3');
    const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
    const compressed = await deflateStoredZip(stored);
    expect(compressed.length).toBeLessThan(stored.length / 2);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(compressed as unknown as ArrayBuffer);
    const again = back.getWorksheet('表1')!;
    expect(again.rowCount).toBe(300);
    expect(again.getCell('B300').value).toBe('第300项工作任务');
    expect(again.getCell('C2').value).toBe('按进度完成。\n已完成年度目标。');
    expect(again.model.merges).toEqual(['D1:D3']);
  });

  it("leaves anything that is not a stored zip unchanged", async () => {
    const text = Buffer.from('not a zip at all');
    expect(await deflateStoredZip(text)).toEqual(text);
  });
});
