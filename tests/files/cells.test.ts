/** What a sheet holds, read as a clerk sees it: strings of every kind, dates in both systems, merges as Excel repairs them. */
import { openWorkbook } from '../../src/files';
import { formatDate } from '../../src/files/xlsx/numberFormat';
import { sheetData, workbookParts, zip } from './support/build';

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="31"/></cellXfs>';

function read(xml: string, options: Parameters<typeof workbookParts>[1] = {}, range?: string) {
  return openWorkbook(zip(workbookParts([{ name: '表1', xml }], { styles: STYLES, ...options }))).readSheet('表1', range ? { range } : {});
}

describe('cell values', () => {
  it('reads shared strings (rich-text runs joined, phonetic guides left out), inline strings, booleans, errors and formula results', () => {
    const xml =
      '<sheetData><row r="1">' +
      '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>内</t></r><r><t xml:space="preserve"> 联</t></r></is></c>' +
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>计算结果</v></c><c r="G1"><f>1+1</f></c>' +
      '</row></sheetData>';
    const shared = ['第一段_x000D_\n第二段', '<r><t>推进</t></r><r><rPr><b/></rPr><t>建设</t></r><rPh sb="0" eb="1"><t>ツイシン</t></rPh>'];
    const values = read(xml, { sharedStrings: shared }).grid.values[0];
    expect(values).toEqual(['第一段\n第二段', '推进建设', '内 联', true, '#N/A', '计算结果']);
  });

  it('shows dates as the cell shows them, in the 1900 system with its phantom 29 February', () => {
    const xml =
      '<sheetData><row r="1">' +
      '<c r="A1" s="1"><v>45356</v></c><c r="B1" s="2"><v>45356</v></c><c r="C1" s="3"><v>0.25</v></c><c r="D1" s="4"><v>45356.5</v></c>' +
      '<c r="E1" s="5"><v>45356</v></c><c r="F1" s="1"><v>60</v></c><c r="G1" s="1"><v>61</v></c><c r="H1"><v>45356</v></c>' +
      '</row></sheetData>';
    expect(read(xml).grid.values[0]).toEqual(['2024/3/5', '2024年3月5日', 0.25, '2024/3/5 12:00', '2024年3月5日', '1900/2/29', '1900/3/1', 45356]);
  });

  it('reads the same serial as a date four years and a day later in the 1904 system', () => {
    const xml = '<sheetData><row r="1"><c r="A1" s="1"><v>43894</v></c></row></sheetData>';
    expect(read(xml, { date1904: true }).grid.values[0]).toEqual(['2024/3/5']);
    expect(read(xml).grid.values[0]).toEqual(['2020/3/4']);
  });

  it('formats times, month names and weekday codes', () => {
    expect(formatDate(45356.75, 'h:mm AM/PM', false)).toBe('6:00 PM');
    expect(formatDate(45356, 'd-mmm-yy', false)).toBe('5-Mar-24');
    expect(formatDate(45356, 'yyyy-mm-dd dddd', false)).toBe('2024-03-05 Tuesday');
    expect(formatDate(45356, '[$-804]aaaa', false)).toBe('星期二');
  });

  it('reports hidden rows and columns and reads them', () => {
    const xml = '<cols><col min="2" max="2" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>2</v></c></row><row r="2" hidden="1"><c r="A2"><v>3</v></c></row></sheetData>';
    const result = read(xml);
    expect(result.grid.values).toEqual([['a', 2], [3, null]]);
    expect(result.hiddenRows).toEqual([2]);
    expect(result.hiddenColumns).toEqual([2]);
    expect(result.warnings.map((w) => w.code)).toContain('hidden-cells');
  });

  it('places cells without a reference one after another, and rows without a number one after another', () => {
    const xml = '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row></sheetData>';
    expect(read(xml).grid.values).toEqual([[1, 2, null], [null, 3, 4]]);
  });
});

describe('merged areas', () => {
  const cells = (rows: number, columns: number): string => {
    let xml = '<sheetData>';
    for (let r = 1; r <= rows; r += 1) {
      xml += `<row r="${r}">`;
      for (let c = 0; c < columns; c += 1) xml += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 10 + c}</v></c>`;
      xml += '</row>';
    }
    return `${xml}</sheetData>`;
  };

  it('reads a merge however its reference is written: $ signs, lower case, one cell, reversed corners refused', () => {
    const refs = ['A1:B2', '$A$3:$B$3', 'c1:c2', 'A4', 'C4:B4'];
    const result = read(`${cells(4, 3)}<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`);
    expect(result.grid.merges).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 2 },
      { row: 0, column: 2, rowCount: 2, columnCount: 1 },
      { row: 2, column: 0, rowCount: 1, columnCount: 2 },
    ]);
    // The reversed one is reported like any merge that cannot be, the one-cell one is simply no merge.
    expect(result.warnings.map((w) => w.code)).toEqual(['merge-repaired']);
  });

  it('keeps the first of two overlapping merges, as Excel repairs them, and warns', () => {
    const result = read(`${cells(4, 3)}<mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="A4:C4"/></mergeCells>`);
    expect(result.grid.merges).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 2 },
      { row: 3, column: 0, rowCount: 1, columnCount: 3 },
    ]);
    expect(result.grid.values[0]).toEqual([10, null, 12]);
    expect(result.grid.values[2]).toEqual([30, 31, 32]);
    expect(result.warnings.map((w) => w.code)).toContain('merge-repaired');
  });

  it('drops a merge that runs outside the sheet, with a warning', () => {
    const result = read(`${cells(2, 2)}<mergeCells count="2"><mergeCell ref="A1:XFE1"/><mergeCell ref="A2:B2"/></mergeCells>`);
    expect(result.grid.merges).toEqual([{ row: 1, column: 0, rowCount: 1, columnCount: 2 }]);
    expect(result.warnings.map((w) => w.code)).toContain('merge-repaired');
  });

  it('clips a merge over the whole sheet to the used area', () => {
    const result = read(`${cells(3000, 3)}<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>`);
    expect(result.grid.values).toHaveLength(3000);
    expect(result.grid.merges).toEqual([{ row: 4, column: 0, rowCount: 2996, columnCount: 3 }]);
  });

  it('reads a range, with origin and merges relative to it', () => {
    const result = read(`${cells(6, 3)}<mergeCells count="1"><mergeCell ref="B2:C5"/></mergeCells>`, {}, 'B3:C4');
    expect(result.grid.origin).toEqual({ row: 3, column: 2 });
    expect(result.grid.values).toEqual([[null, null], [null, null]]);
    expect(result.grid.merges).toEqual([{ row: 0, column: 0, rowCount: 2, columnCount: 2 }]);
  });

  it('handles 10,000 small merges in one pass', () => {
    let merges = '';
    for (let r = 1; r <= 10000; r += 1) merges += `<mergeCell ref="A${r}:B${r}"/>`;
    const result = read(`${cells(10000, 2)}<mergeCells count="10000">${merges}</mergeCells>`);
    expect(result.grid.merges).toHaveLength(10000);
    expect(result.warnings).toEqual([]);
  });
});

it('reads a sheet written with sheetData helper rows', () => {
  expect(read(sheetData([[['A1', 'x']]])).grid.values).toEqual([['x']]);
});
