/**
 * Packages as other producers write them: a prefixed main namespace (Open XML SDK), xmlns:r declared on each element
 * (openpyxl), absolute relationship targets, the workbook somewhere else than xl/workbook.xml, Strict OOXML, stored
 * entries, data descriptors, zip64. Each is read, then written to, and the output checked with a strict parser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { addSheets, openWorkbook, writeSheets } from '../../src/files';
import type { OutputSheet } from '../../src/files';
import { HEAD, MAIN, REL, STRICT_MAIN, expectWellFormedPackage, sheetData, streamedZip, text, workbookParts, zip } from './support/build';

const table = (prefix = ''): string =>
  sheetData(
    [
      [['A1', '序号'], ['B1', '工作任务']],
      [['A2', 1], ['B2', '推进建设']],
    ],
    prefix,
  );

const summary: OutputSheet = { name: '汇总', columns: ['单位', '数量'], rows: [['市发展改革局', 2]], widths: [20, 8] };

function readBack(bytes: Uint8Array, sheet: string): unknown[][] {
  return openWorkbook(bytes).readSheet(sheet).grid.values;
}

describe('packages from other producers', () => {
  it('reads and writes a workbook whose SpreadsheetML namespace is under a prefix (x:), new elements under the same prefix', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table('x') }], { prefix: 'x' }));
    expect(readBack(input, '表1')).toEqual([['序号', '工作任务'], [1, '推进建设']]);
    const output = writeSheets(input, [summary]);
    expectWellFormedPackage(output);
    const workbook = text(unzipSync(output)['xl/workbook.xml']);
    expect(workbook).toContain('<x:sheet name="汇总"');
    expect(openWorkbook(output).sheets.map((s) => s.name)).toEqual(['表1', '汇总']);
    expect(readBack(output, '汇总')).toEqual([['单位', '数量'], ['市发展改革局', 2]]);
  });

  it('adds the new texts used more than once to a prefixed shared-strings part, reusing the entries already there', () => {
    const xml = '<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData>';
    const input = zip(workbookParts([{ name: '表1', xml }], { prefix: 'x', sharedStrings: ['单位', '<x:r><x:t>数</x:t></x:r><x:r><x:t>量</x:t></x:r>'] }));
    const units: OutputSheet = { ...summary, rows: [['市发展改革局', 2], ['市发展改革局', 3], ['市财政局', 1]] };
    const output = writeSheets(input, [units]);
    expectWellFormedPackage(output);
    const sst = text(unzipSync(output)['xl/sharedStrings.xml']);
    // "单位" is reused; "市发展改革局", written twice, is added once; "数量" (there only as rich text) and "市财政局",
    // each written once, are inline strings in the sheet: a shared entry would cost more than it saves.
    expect(sst.split('<x:si>')).toHaveLength(4);
    expect(sst).toContain('uniqueCount="3"');
    expect(sst).toContain('<x:t>市发展改革局</x:t>');
    expect(sst).not.toContain('市财政局');
    expect(readBack(output, '表1')).toEqual([['单位', '数量']]);
    expect(readBack(output, '汇总')).toEqual([['单位', '数量'], ['市发展改革局', 2], ['市发展改革局', 3], ['市财政局', 1]]);
  });

  it('declares the relationship prefix on the new <sheet> when the workbook declares it only on each element (openpyxl)', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table() }], { localRelPrefix: true }));
    const output = writeSheets(input, [summary]);
    expectWellFormedPackage(output);
    expect(readBack(output, '汇总')[1]).toEqual(['市发展改革局', 2]);
  });

  it('reads cells by their namespace, not their prefix: a prefix declared on an inner element, a foreign element named like a cell', () => {
    // The main namespace bound to a second prefix on <sheetData> only, and an element <c> of another namespace inside
    // a row (an extension): its text is not a cell's.
    const xml =
      `<y:sheetData xmlns:y="${MAIN}" xmlns:ext="urn:example:extension"><y:row r="1"><y:c r="A1" t="inlineStr"><y:is><y:t>序号</y:t></y:is></y:c>` +
      '<ext:c r="B1"><ext:v>9</ext:v></ext:c></y:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></y:sheetData>';
    const input = zip(workbookParts([{ name: '表1', xml }], { prefix: 'x' }));
    expect(readBack(input, '表1')).toEqual([['序号'], [1]]);
  });

  it('refuses a sheet that uses a prefix nobody declared, as damaged', () => {
    const xml = '<x:sheetData><x:row r="1"><q:c r="A1"><q:v>1</q:v></q:c></x:row></x:sheetData>';
    const input = zip(workbookParts([{ name: '表1', xml }], { prefix: 'x' }));
    let code = '';
    try {
      openWorkbook(input).readSheet('表1');
    } catch (error) {
      code = (error as { code?: string }).code ?? '';
    }
    expect(code).toBe('xml-damaged');
  });

  it('reads a default namespace undeclared for an inner element as no namespace: its cells are not the sheet\'s', () => {
    const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" xmlns=""><c r="A2"><v>2</v></c></row></sheetData>`;
    const input = zip(workbookParts([{ name: '表1', xml }]));
    expect(readBack(input, '表1')).toEqual([[1]]);
  });

  it('resolves absolute relationship targets and writes the new one absolute too', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table() }], { absolute: true }));
    expect(readBack(input, '表1')[1]).toEqual([1, '推进建设']);
    const output = writeSheets(input, [summary]);
    expectWellFormedPackage(output);
    const rels = text(unzipSync(output)['xl/_rels/workbook.xml.rels']);
    expect(rels).toContain('Target="/xl/worksheets/sheet2.xml"');
    expect(readBack(output, '汇总')[1]).toEqual(['市发展改革局', 2]);
  });

  it('finds the workbook wherever the root relationships put it', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table() }], { workbookPart: 'book/main.xml' }));
    expect(readBack(input, '表1')[0]).toEqual(['序号', '工作任务']);
    const output = writeSheets(input, [summary]);
    expectWellFormedPackage(output);
    expect(Object.keys(unzipSync(output))).toContain('book/worksheets/sheet2.xml');
    expect(readBack(output, '汇总')[1]).toEqual(['市发展改革局', 2]);
  });

  it('reads Strict OOXML and writes the new sheet in the Strict namespaces', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table() }], { strict: true }));
    expect(readBack(input, '表1')[1]).toEqual([1, '推进建设']);
    const output = writeSheets(input, [summary]);
    expectWellFormedPackage(output);
    const files = unzipSync(output);
    expect(text(files['xl/worksheets/sheet2.xml'])).toContain(`xmlns="${STRICT_MAIN}"`);
    expect(text(files['xl/_rels/workbook.xml.rels'])).toContain('http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet');
    expect(readBack(output, '汇总')[1]).toEqual(['市发展改革局', 2]);
  });

  it('reads stored entries and entries with data descriptors', () => {
    const parts = workbookParts([{ name: '表1', xml: table() }]);
    expect(readBack(zip(parts, 0), '表1')[1]).toEqual([1, '推进建设']);
    const streamed = streamedZip(Object.entries(parts));
    expect(readBack(streamed, '表1')[1]).toEqual([1, '推进建设']);
    expect(readBack(writeSheets(streamed, [summary]), '汇总')[1]).toEqual(['市发展改革局', 2]);
  });

  it('reads a zip64 package (written by Python zipfile with force_zip64)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'files-zip64-'));
    const parts = workbookParts([{ name: '表1', xml: table() }]);
    for (const [name, content] of Object.entries(parts)) writeFileSync(path.join(dir, encodeURIComponent(name)), content);
    const script = [
      'import os, sys, zipfile, urllib.parse',
      'd = sys.argv[1]',
      "with zipfile.ZipFile(os.path.join(d, 'out.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:",
      '    for f in sorted(os.listdir(d)):',
      "        if f == 'out.xlsx': continue",
      "        with z.open(urllib.parse.unquote(f), 'w', force_zip64=True) as w: w.write(open(os.path.join(d, f), 'rb').read())",
    ].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, dir]);
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'out.xlsx')));
    expect(readBack(bytes, '表1')[1]).toEqual([1, '推进建设']);
  });

  it('keeps every part it does not edit: same content and the same compressed bytes', () => {
    const parts = workbookParts([{ name: '表1', xml: table() }], {
      extraParts: {
        'xl/charts/chart1.xml': `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><!-- ours --></c:chartSpace>`,
        'customXml/item1.xml': `${HEAD}<root><x>1</x></root>`,
        'xl/media/image1.png': new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
      },
    });
    const input = zip(parts);
    const output = writeSheets(input, [summary]);
    const sizes = (bytes: Uint8Array): Map<string, number> => {
      const out = new Map<string, number>();
      unzipSync(bytes, {
        filter: (info) => {
          out.set(info.name, info.size);
          return false;
        },
      });
      return out;
    };
    const before = unzipSync(input);
    const after = unzipSync(output);
    const beforeSizes = sizes(input);
    const afterSizes = sizes(output);
    const edited = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
    for (const name of Object.keys(before)) {
      expect(after[name]).toBeDefined();
      if (edited.has(name)) continue;
      expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
      expect(afterSizes.get(name)).toBe(beforeSizes.get(name));
    }
  });

  it('gives relationship ids and sheet ids that do not clash, sheet names made unique', () => {
    const input = zip(workbookParts([{ name: '汇总', xml: table() }, { name: '表2', xml: table() }]));
    const result = addSheets(input, [summary, summary]);
    expect(result.names).toEqual(['汇总2', '汇总3']);
    const files = unzipSync(result.bytes);
    const rels = text(files['xl/_rels/workbook.xml.rels']);
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const workbook = text(files['xl/workbook.xml']);
    const sheetIds = [...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(sheetIds).size).toBe(4);
    expectWellFormedPackage(result.bytes);
  });

  it('declares r: on the new element when the prefix r is taken by another namespace', () => {
    const parts = workbookParts([{ name: '表1', xml: table() }], { localRelPrefix: true });
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<workbook ', '<workbook xmlns:r="urn:something-else" ');
    // The existing <sheet> redeclares r locally, so the file stays valid; the new one must not use the root's r.
    const output = writeSheets(zip(parts), [summary]);
    expectWellFormedPackage(output);
    const workbook = text(unzipSync(output)['xl/workbook.xml']);
    expect(workbook).toMatch(new RegExp(`xmlns:r1="${REL}" r1:id="rId`));
    expect(openWorkbook(output).sheets.map((s) => s.name)).toEqual(['表1', '汇总']);
  });
});
