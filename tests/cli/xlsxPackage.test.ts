import ExcelJS from 'exceljs';
import { escapeCellText } from '../../src/cli/xlsx/writeSheets';
import { XlsxPackage, appendCellStyles, appendWorksheetTitle } from '../../src/cli/xlsx/xlsxPackage';

describe('escapeCellText', () => {
  it('escapes markup, keeps line breaks, and writes forbidden control characters as Excel’s _xHHHH_', () => {
    expect(escapeCellText('A & B <c>\n第二行')).toBe('A &amp; B &lt;c&gt;\n第二行');
    expect(escapeCellText('响铃\u0007与\u001f')).toBe('响铃_x0007_与_x001F_');
    expect(escapeCellText('回车\r\n')).toBe('回车&#13;\n');
  });

  it('escapes the underscore of literal _xHHHH_ text so Excel shows it as written', () => {
    expect(escapeCellText('编号_x0041_号')).toBe('编号_x005F_x0041_号');
    expect(escapeCellText('x_y_z')).toBe('x_y_z');
  });
});

describe('appendCellStyles', () => {
  it('appends a bold font and wrapped formats after the existing ones, in the styles’ own namespace prefix', () => {
    const xml =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="2"><x:font><x:sz val="11"/><x:name val="宋体"/></x:font><x:font><x:i/></x:font></x:fonts>' +
      '<x:fills count="1"><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="0" fontId="1"/><x:xf numFmtId="14" fontId="0"/></x:cellXfs>' +
      '</x:styleSheet>';
    const result = appendCellStyles(xml)!;
    expect(result.styles).toEqual({ plain: 3, bold: 4, percent: 5, total: 6, totalPercent: 7 });
    expect(result.xml).toContain('<x:fonts count="3">');
    expect(result.xml).toContain('<x:font><x:b/><x:sz val="11"/><x:name val="宋体"/></x:font></x:fonts>');
    expect(result.xml).toContain('<x:cellXfs count="8">');
    expect(result.xml).toContain('<x:borders count="2">');
    const xfs = [...result.xml.matchAll(/<x:xf [^>]*>/g)].map((m) => m[0]);
    expect(xfs).toHaveLength(8);
    expect(xfs[4]).toMatch(/fontId="2"/);
    expect(xfs[5]).toMatch(/numFmtId="10"/);
    expect(xfs[6]).toMatch(/borderId="1"/);
    // The existing formats are untouched, so the original cells keep their look.
    expect(result.xml.indexOf('<x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="0" fontId="1"/><x:xf numFmtId="14" fontId="0"/>')).toBeGreaterThan(0);
  });

  it('gives up (no styling) when the styles have no cellXfs', () => {
    expect(appendCellStyles('<styleSheet><fonts count="1"><font/></fonts></styleSheet>')).toBeNull();
  });
});

describe('appendWorksheetTitle', () => {
  const app = (count: number, titles: string[]): string =>
    '<Properties xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><HeadingPairs><vt:vector size="4" baseType="variant">' +
    `<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>` +
    '<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;

  it('adds the sheet after the listed worksheets and before the named ranges', () => {
    expect(appendWorksheetTitle(app(2, ['表1', '说明', '表1!打印区域']), '表1（整理）', 2)).toBe(app(3, ['表1', '说明', '表1（整理）', '表1!打印区域']));
  });

  it('leaves a list that does not match the workbook alone', () => {
    expect(appendWorksheetTitle(app(1, ['表1', '表1!打印区域']), '新表', 2)).toBeNull();
  });
});

describe('XlsxPackage', () => {
  it('adds a worksheet that exceljs reads, next to the existing ones', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').getCell('A1').value = 'a';
    const pkg = await XlsxPackage.open(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await pkg.sheetNames()).toEqual(['A']);
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>R&amp;D</t></is></c></row></sheetData></worksheet>';
    await pkg.addWorksheet('B & C', Buffer.from(sheet));
    expect(await pkg.sheetNames()).toEqual(['A', 'B & C']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await pkg.toBuffer()) as unknown as ArrayBuffer);
    expect(back.worksheets.map((ws) => ws.name)).toEqual(['A', 'B & C']);
    expect(back.getWorksheet('B & C')!.getCell('B1').value).toBe('R&D');
    expect(back.getWorksheet('A')!.getCell('A1').value).toBe('a');
  });

  it('refuses what is not an .xlsx package', async () => {
    await expect(XlsxPackage.open(Buffer.from('not a zip'))).rejects.toThrow();
  });
});
