/** The format is told by the content: what government systems export under an .xls name, and what is refused, with why. */
import { strToU8, zipSync } from 'fflate';
import { FileError, openWorkbook, registerDocxReader } from '../../src/files';
import { HEAD, workbookParts, zip } from './support/build';

function fileErrorOf(action: () => unknown): FileError {
  try {
    action();
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

const SS = 'urn:schemas-microsoft-com:office:spreadsheet';

describe('SpreadsheetML 2003 (XML Spreadsheet)', () => {
  const xml =
    `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n` +
    `<Workbook xmlns="${SS}" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="${SS}" xmlns:html="http://www.w3.org/TR/REC-html40">` +
    '<Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>' +
    '<Worksheet ss:Name="重点任务"><Table>' +
    '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">2024年重点任务</Data></Cell></Row>' +
    '<Row><Cell><Data ss:Type="String">序号</Data></Cell><Cell><Data ss:Type="String">工作任务</Data></Cell><Cell><Data ss:Type="String">节点</Data></Cell></Row>' +
    '<Row><Cell ss:MergeDown="1"><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">推进&#10;建设</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-03-05T00:00:00.000</Data></Cell></Row>' +
    '<Row><Cell ss:Index="2"><ss:Data ss:Type="String"><html:B>加粗</html:B>文字</ss:Data></Cell></Row>' +
    '<Row ss:Index="6"><Cell ss:Index="3"><Data ss:Type="Boolean">1</Data></Cell></Row>' +
    '</Table></Worksheet>' +
    '<Worksheet ss:Name="隐藏"><Table/><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>' +
    '</Workbook>';

  it('reads cells where Excel puts them: ss:Index gaps, merges across and down, dates as shown, line breaks', () => {
    const book = openWorkbook(strToU8(xml), { fileName: 'export.xls' });
    expect(book.format).toBe('spreadsheetml-2003');
    expect(book.sheets).toEqual([
      { name: '重点任务', hidden: false },
      { name: '隐藏', hidden: true },
    ]);
    const { grid } = book.readSheet('重点任务');
    expect(grid.values).toEqual([
      ['2024年重点任务', null, null],
      ['序号', '工作任务', '节点'],
      [1, '推进\n建设', '2024/3/5'],
      [null, '加粗文字', null],
      [null, null, null],
      [null, null, true],
    ]);
    expect(grid.merges).toEqual([
      { row: 0, column: 0, rowCount: 1, columnCount: 3 },
      { row: 2, column: 0, rowCount: 2, columnCount: 1 },
    ]);
  });

  it('refuses a DOCTYPE in it', () => {
    const hostile = xml.replace('<?mso-application progid="Excel.Sheet"?>', '<!DOCTYPE Workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>');
    expect(fileErrorOf(() => openWorkbook(strToU8(hostile)).readSheet('重点任务')).code).toBe('xml-doctype');
  });
});

describe('HTML tables', () => {
  const html =
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>td{}</style></head><body>' +
    '<table border=1><tr><td colspan="3">重点任务&nbsp;台账</td></tr>' +
    '<tr><th>序号</th><th>工作任务</th><th>单位</th></tr>' +
    '<tr><td rowspan=2>1</td><td>推进<br>建设</td><td rowspan="2">市发展改革局 &amp; 市财政局</td></tr>' +
    '<tr><td><p>第二项</p><table><tr><td>嵌套</td></tr></table></td></tr></table></body></html>';

  it('lays out rowspan and colspan as a browser does; line breaks from <br>; entities decoded', () => {
    const book = openWorkbook(strToU8(html), { fileName: 'export.xls' });
    expect(book.format).toBe('html');
    const { grid } = book.readSheet(book.sheets[0].name);
    expect(grid.values).toEqual([
      ['重点任务 台账', null, null],
      ['序号', '工作任务', '单位'],
      ['1', '推进\n建设', '市发展改革局 & 市财政局'],
      [null, '第二项\n嵌套', null],
    ]);
    expect(grid.merges).toEqual([
      { row: 0, column: 0, rowCount: 1, columnCount: 3 },
      { row: 2, column: 0, rowCount: 2, columnCount: 1 },
      { row: 2, column: 2, rowCount: 2, columnCount: 1 },
    ]);
  });

  it('accepts <!DOCTYPE html> and refuses a DOCTYPE that declares entities', () => {
    const page = openWorkbook(strToU8(`<!DOCTYPE html>\n${html}`));
    expect(page.readSheet(page.sheets[0].name).grid.values[1]).toEqual(['序号', '工作任务', '单位']);
    const hostile = strToU8('<!DOCTYPE html [<!ENTITY x "boom">]><html><body><table><tr><td>&x;</td></tr></table></body></html>');
    expect(fileErrorOf(() => openWorkbook(hostile)).code).toMatch(/xml-doctype|html-damaged/);
  });

  it('reads an HTML export written in GBK', () => {
    const gbk = Buffer.from([0x3c, 0x74, 0x61, 0x62, 0x6c, 0x65, 0x3e, 0x3c, 0x74, 0x72, 0x3e, 0x3c, 0x74, 0x64, 0x3e, 0xd0, 0xf2, 0xba, 0xc5, 0x3c, 0x2f, 0x74, 0x64, 0x3e, 0x3c, 0x2f, 0x74, 0x72, 0x3e, 0x3c, 0x2f, 0x74, 0x61, 0x62, 0x6c, 0x65, 0x3e]);
    const book = openWorkbook(new Uint8Array(gbk));
    expect(book.readSheet(book.sheets[0].name).grid.values).toEqual([['序号']]);
  });
});

/** A minimal Compound File Binary with these stream names in its directory ([MS-CFB] header, one FAT sector, one directory sector). */
function compoundFile(names: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const view = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i += 1) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0): sector 0 is a FAT sector, sector 1 ends the directory chain.
  view.setUint32(512, 0xfffffffd, true);
  view.setUint32(516, 0xfffffffe, true);
  for (let i = 2; i < 128; i += 1) view.setUint32(512 + i * 4, 0xffffffff, true);
  ['Root Entry', ...names].slice(0, 4).forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c += 1) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = i === 0 ? 5 : 2;
  });
  return out;
}

describe('refused with one clear line', () => {
  it('an encrypted workbook (EncryptionInfo and EncryptedPackage in a compound file)', () => {
    const error = fileErrorOf(() => openWorkbook(compoundFile(['EncryptionInfo', 'EncryptedPackage']), { fileName: '台账.xlsx' }));
    expect(error.code).toBe('encrypted');
    expect(error.messages['zh-CN']).toBe('台账.xlsx：加密的工作簿：请先在 Excel 中取消密码');
  });

  it('an Excel 97-2003 binary workbook, whatever its name', () => {
    const error = fileErrorOf(() => openWorkbook(compoundFile(['Workbook']), { fileName: '台账.xlsx' }));
    expect(error.code).toBe('xls');
    expect(error.messages['zh-CN']).toMatch(/另存为.*\.xlsx/);
  });

  it('.ods, .docx (until a Word reader is registered), CSV, PowerPoint', () => {
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<a/>') });
    expect(fileErrorOf(() => openWorkbook(ods)).code).toBe('ods');
    const docx = zip({
      '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      '_rels/.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/document.xml': `${HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
    });
    const error = fileErrorOf(() => openWorkbook(docx));
    expect(error.code).toBe('docx');
    expect(error.messages['zh-CN']).toMatch(/Word 文档/);
    registerDocxReader(() => ({
      sheets: [{ name: '表格1', hidden: false }],
      readSheet: () => ({ grid: { values: [['序号']], merges: [], origin: { row: 1, column: 1 }, sheet: '表格1' }, warnings: [] }),
    }));
    try {
      const book = openWorkbook(docx);
      expect(book.format).toBe('docx');
      expect(book.readSheet('表格1').grid.values).toEqual([['序号']]);
    } finally {
      registerDocxReader(undefined);
    }
    expect(fileErrorOf(() => openWorkbook(strToU8('序号,工作任务\n1,推进\n'))).code).toBe('csv');
    expect(fileErrorOf(() => openWorkbook(strToU8('just some words'))).code).toBe('not-workbook');
  });

  it('a workbook without worksheets, and a sheet name that is not there (naming the ones that are)', () => {
    const parts = workbookParts([]);
    expect(fileErrorOf(() => openWorkbook(zip(parts))).code).toBe('no-sheets');
    const book = openWorkbook(zip(workbookParts([{ name: '表1', xml: '<sheetData/>' }])));
    const error = fileErrorOf(() => book.readSheet('表9'));
    expect(error.code).toBe('sheet-missing');
    expect(error.messages['zh-CN']).toMatch(/表1/);
    expect(book.readSheet('表1').grid.values).toEqual([]);
  });
});
