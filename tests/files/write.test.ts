/**
 * Writing: new sheets in an existing package and new workbooks. Every output is parsed part by part with a strict,
 * namespace-aware parser and read back by openpyxl (an independent reader), besides our own reader.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { addSheets, createWorkbook, openWorkbook } from '../../src/files';
import type { OutputSheet } from '../../src/files';
import { soffice } from '../corpus/tools';
import { HEAD, expectWellFormedPackage, sheetData, text, workbookParts, zip } from './support/build';

const sheet: OutputSheet = {
  name: '汇总',
  columns: ['单位', '说明', '完成率'],
  rows: [
    ['=SUM(A1:A9)', '第一行\n第二行', 0.5],
    ['-3', '<b>&amp;</b> _x0041_ \u0001', 0.25],
    ['合计', '', 0.375],
  ],
  widths: [12, 30, 10],
  totalsRow: true,
  percentColumns: [2],
};

/** openpyxl's view of a workbook: sheet names and each sheet's values (None as null). */
function openpyxlRead(bytes: Uint8Array): Record<string, unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'files-openpyxl-'));
  const file = path.join(dir, 'out.xlsx');
  writeFileSync(file, bytes);
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'out = {"sheets": wb.sheetnames, "values": {}, "merged": {}, "validations": {}, "protected": {}, "unlocked": {}}',
    'for ws in wb.worksheets:',
    '    out["values"][ws.title] = [[c.value for c in row] for row in ws.iter_rows()]',
    '    out["merged"][ws.title] = [str(r) for r in ws.merged_cells.ranges]',
    '    out["validations"][ws.title] = [[str(v.sqref), v.type, v.formula1] for v in ws.data_validations.dataValidation]',
    '    out["protected"][ws.title] = bool(ws.protection.sheet)',
    '    out["unlocked"][ws.title] = [c.coordinate for row in ws.iter_rows() for c in row if c.protection and not c.protection.locked]',
    'print(json.dumps(out, ensure_ascii=False, default=str))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, unknown>;
}

const input = (): Uint8Array =>
  zip(
    workbookParts([{ name: '表1', xml: sheetData([[['A1', '序号'], ['B1', '工作任务']], [['A2', 1], ['B2', '推进建设']]]) }], {
      styles: '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs>',
    }),
  );

describe('writeSheets', () => {
  it('writes text that looks like a formula as text, line breaks wrapped, control characters escaped, numbers as numbers', () => {
    const output = addSheets(input(), [sheet]).bytes;
    expectWellFormedPackage(output);
    const part = text(unzipSync(output)['xl/worksheets/sheet2.xml']);
    expect(part).not.toContain('<f>');
    const ours = openWorkbook(output).readSheet('汇总').grid.values;
    expect(ours[1]).toEqual(['=SUM(A1:A9)', '第一行\n第二行', 0.5]);
    expect(ours[2]).toEqual(['-3', '<b>&amp;</b> _x0041_ \u0001', 0.25]);
    const theirs = openpyxlRead(output) as { sheets: string[]; values: Record<string, unknown[][]> };
    expect(theirs.sheets).toEqual(['表1', '汇总']);
    expect(theirs.values['汇总'][1]).toEqual(['=SUM(A1:A9)', '第一行\n第二行', 0.5]);
    expect(theirs.values['表1']).toEqual([['序号', '工作任务'], [1, '推进建设']]);
    const styles = text(unzipSync(output)['xl/styles.xml']);
    expect(styles).toContain('wrapText="1"');
  });

  it('places every cell where it belongs in Excel\'s other readers, references left off only where a cell follows the one before', async () => {
    // ECMA-376 §18.3.1.4: a cell without a reference is the column after the previous cell; rows with gaps, a first
    // cell past column A and a lone cell in column C must all land where they were written.
    const gaps: OutputSheet = {
      name: '空格',
      columns: ['单位', '', '说明', '人'],
      rows: [
        ['市财政局', '甲', '乙', '丙'],
        ['', '', '只在C列', ''],
        ['', '乙', '', '丁'],
        ['市发展改革局', '', '', '戊'],
      ],
      widths: [],
    };
    const output = createWorkbook([gaps]);
    const part = text(unzipSync(output)['xl/worksheets/sheet1.xml']);
    expect(part).toContain('<c s=');
    const expected = [
      ['单位', null, '说明', '人'],
      ['市财政局', '甲', '乙', '丙'],
      [null, null, '只在C列', null],
      [null, '乙', null, '丁'],
      ['市发展改革局', null, null, '戊'],
    ];
    const theirs = openpyxlRead(output) as { values: Record<string, unknown[][]> };
    expect(theirs.values['空格']).toEqual(expected);
    const sheetjs = XLSX.read(output, { type: 'array' });
    expect(XLSX.utils.sheet_to_json(sheetjs.Sheets['空格'], { header: 1, defval: null })).toEqual(expected);
    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load(output.slice().buffer);
    const rows: unknown[][] = [];
    exceljs.getWorksheet('空格')?.eachRow({ includeEmpty: true }, (row) => rows.push([1, 2, 3, 4].map((c) => row.getCell(c).value ?? null)));
    expect(rows).toEqual(expected);
    const ours = openWorkbook(output).readSheet('空格').grid.values.map((row) => [0, 1, 2, 3].map((c) => row[c] ?? null));
    expect(ours).toEqual(expected);
    // LibreOffice, as CSV of the only sheet.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'files-lo-'));
    writeFileSync(path.join(dir, 'gaps.xlsx'), output);
    const converted = await soffice(path.join(dir, 'profile'), 'csv:Text - txt - csv (StarCalc):44,34,76', dir, [path.join(dir, 'gaps.xlsx')]);
    expect(converted.code).toBe(0);
    const csv = readFileSync(path.join(dir, 'gaps.csv'), 'utf8').trim().split('\n').map((line) => line.split(',').map((v) => (v === '' ? null : v)));
    expect(csv).toEqual(expected);
  }, 120_000);

  it('replaces an earlier sheet in place: same position, its tables and sheet-level names gone, the calculation chain dropped', () => {
    const parts = workbookParts(
      [
        { name: '表1', xml: sheetData([[['A1', 'x']]]) },
        { name: 'By official', xml: `${sheetData([[['A1', 'old']]])}<tableParts count="1"><tablePart r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></tableParts>` },
        { name: '说明', xml: sheetData([[['A1', 'keep']]]) },
      ],
      {
        workbookExtra: '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\'By official\'!$A$1:$A$1</definedName><definedName name="Keep">表1!$A$1</definedName></definedNames>',
        extraParts: {
          'xl/worksheets/_rels/sheet2.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
          'xl/tables/table1.xml': `${HEAD}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Old" displayName="Old" ref="A1:A1"><tableColumns count="1"><tableColumn id="1" name="old"/></tableColumns></table>`,
          'xl/calcChain.xml': `${HEAD}<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>`,
        },
      },
    );
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rId80" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    const result = addSheets(zip(parts), [{ ...sheet, name: '按分管领导' }], { replace: (name) => name === 'By official' });
    expect(result.replaced).toBe(1);
    expect(result.names).toEqual(['按分管领导']);
    expectWellFormedPackage(result.bytes);
    const files = unzipSync(result.bytes);
    expect(Object.keys(files)).not.toContain('xl/tables/table1.xml');
    expect(Object.keys(files)).not.toContain('xl/calcChain.xml');
    const workbook = text(files['xl/workbook.xml']);
    expect(workbook).not.toContain('_FilterDatabase');
    expect(workbook).toContain('name="Keep"');
    expect(openWorkbook(result.bytes).sheets.map((s) => s.name)).toEqual(['表1', '按分管领导', '说明']);
    const theirs = openpyxlRead(result.bytes) as { sheets: string[] };
    expect(theirs.sheets).toEqual(['表1', '按分管领导', '说明']);
  });

  it('keeps the VBA project of a macro-enabled workbook, or leaves it out only when asked for a plain workbook', () => {
    const parts = workbookParts([{ name: '表1', xml: sheetData([[['A1', 'x']]]) }], {
      workbookContentType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      extraParts: { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3, 4]) },
    });
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rId70" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    parts['[Content_Types].xml'] = (parts['[Content_Types].xml'] as string).replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    const macro = zip(parts);
    expect(openWorkbook(macro).format).toBe('xlsm');
    const kept = addSheets(macro, [sheet]);
    expect(kept.macrosDropped).toBe(false);
    expect(Array.from(unzipSync(kept.bytes)['xl/vbaProject.bin'])).toEqual([1, 2, 3, 4]);
    expect(openWorkbook(kept.bytes).format).toBe('xlsm');
    const plain = addSheets(macro, [sheet], { plainWorkbook: true });
    expect(plain.macrosDropped).toBe(true);
    expect(Object.keys(unzipSync(plain.bytes))).not.toContain('xl/vbaProject.bin');
    expect(openWorkbook(plain.bytes).format).toBe('xlsx');
    expectWellFormedPackage(plain.bytes);
  });
});

describe('charts', () => {
  it('writes a native column chart whose series refer to the sheet, which openpyxl and our reader both accept', () => {
    const chartSheet: OutputSheet = {
      name: "按分管领导 '汇总'",
      columns: ['分管领导', '已完成', '滞后'],
      rows: [
        ['胡钛', 3, 1],
        ['李明', 2, 0],
        ['合计', 5, 1],
      ],
      widths: [],
      totalsRow: true,
      chart: { title: '进展情况', categoryColumn: 0, seriesColumns: [1, 2] },
    };
    const result = addSheets(input(), [chartSheet]);
    // Excel allows no apostrophe at the end of a sheet name: the name loses it, and the chart refers to the name written.
    expect(result.names).toEqual(["按分管领导 '汇总"]);
    const output = result.bytes;
    expectWellFormedPackage(output);
    const files = unzipSync(output);
    const chart = text(files['xl/charts/chart1.xml']);
    expect(chart).toContain("<c:f>'按分管领导 ''汇总'!$B$2:$B$3</c:f>");
    expect(text(files['xl/worksheets/_rels/sheet2.xml.rels'])).toContain('../drawings/drawing1.xml');
    expect(text(files['[Content_Types].xml'])).toContain('/xl/charts/chart1.xml');
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb.worksheets[1]',
      'print(len(ws._charts))',
    ].join('\n');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'files-chart-'));
    writeFileSync(path.join(dir, 'c.xlsx'), output);
    expect(execFileSync('/usr/bin/python3', ['-c', script, path.join(dir, 'c.xlsx')], { encoding: 'utf8' }).trim()).toBe('1');
    expect(openWorkbook(output).readSheet(result.names[0]).grid.values[1]).toEqual(['胡钛', 3, 1]);

    // Written again over itself, the sheet takes its place with one chart: the earlier drawing and chart are gone.
    const again = addSheets(output, [chartSheet], { replace: (name) => name === result.names[0] });
    expect(again.replaced).toBe(1);
    expectWellFormedPackage(again.bytes);
    const names = Object.keys(unzipSync(again.bytes));
    expect(names.filter((n) => n.startsWith('xl/charts/') && n.endsWith('.xml'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('xl/drawings/') && n.endsWith('.xml'))).toHaveLength(1);
    const types = text(unzipSync(again.bytes)['[Content_Types].xml']);
    for (const part of names.filter((n) => n.startsWith('xl/charts/') || n.startsWith('xl/drawings/drawing'))) expect(types).toContain(`/${part}`);
    expect(types.match(/chart\d\.xml/g)).toHaveLength(1);
  });
});

describe('createWorkbook', () => {
  it('writes a minimal valid workbook with a title, merges, freeze, drop-downs and protection with editable ranges', () => {
    const bytes = createWorkbook([
      {
        name: '报送表',
        title: ['2024年重点任务进展', '填报单位：'],
        columns: ['序号', '工作任务', '进展情况'],
        rows: [
          [1, '推进建设', ''],
          [2, '完成验收', ''],
        ],
        widths: [6, 30, 20],
        dataValidations: [{ range: 'C4:C5', list: ['按计划推进', '已完成', '滞后'] }],
        protection: { unlocked: ['C4:C5'] },
        merges: ['A6:C6'],
      },
      { ...sheet, name: '第二张' },
    ]);
    expectWellFormedPackage(bytes);
    const ours = openWorkbook(bytes);
    expect(ours.sheets.map((s) => s.name)).toEqual(['报送表', '第二张']);
    const grid = ours.readSheet('报送表').grid;
    expect(grid.values.slice(0, 3)).toEqual([
      ['2024年重点任务进展', null, null],
      ['填报单位：', null, null],
      ['序号', '工作任务', '进展情况'],
    ]);
    // Reading says which sheet is protected, so a host can refuse to repair it in place.
    expect(ours.readSheet('报送表').protected).toBe(true);
    expect(ours.readSheet('第二张').protected).toBeUndefined();
    const theirs = openpyxlRead(bytes) as {
      sheets: string[];
      values: Record<string, unknown[][]>;
      merged: Record<string, string[]>;
      validations: Record<string, string[][]>;
      protected: Record<string, boolean>;
      unlocked: Record<string, string[]>;
    };
    expect(theirs.sheets).toEqual(['报送表', '第二张']);
    expect(theirs.values['报送表'][3].slice(0, 2)).toEqual([1, '推进建设']);
    expect(theirs.merged['报送表'].sort()).toEqual(['A1:C1', 'A2:C2', 'A6:C6']);
    expect(theirs.validations['报送表']).toEqual([['C4:C5', 'list', '"按计划推进,已完成,滞后"']]);
    expect(theirs.protected['报送表']).toBe(true);
    expect(theirs.unlocked['报送表']).toEqual(['C4', 'C5']);
    expect(theirs.protected['第二张']).toBe(false);
  });
});
