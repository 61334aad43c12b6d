import ExcelJS from 'exceljs';
import { installLinearMerges } from '../../src/cli/xlsx/linearMerges';

describe('installLinearMerges', () => {
  beforeAll(() => {
    expect(installLinearMerges()).toBe(true);
  });

  it('still refuses a merged area that overlaps another, as exceljs does', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    ws.mergeCells('B2:C4');
    expect(() => ws.mergeCells('A4:B5')).toThrow(/already merged/);
    expect(() => ws.mergeCells('C1:D2')).toThrow(/already merged/);
    expect(() => ws.mergeCells('D1:D9')).not.toThrow();
  });

  it('merges as exceljs does: covered cells show the top-left value, the area is listed once', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:F1');
    expect(ws.getCell('D1').value).toBe('标题');
    expect(ws.getCell('D1').isMerged).toBe(true);
    expect(ws.model.merges).toEqual(['A1:F1']);
    ws.unMergeCells('A1:F1');
    expect(ws.model.merges).toEqual([]);
    expect(() => ws.mergeCells('A1:B1')).not.toThrow();
  });
});
