/**
 * Word documents from producers we did not write — python-docx, and LibreOffice Writer (from HTML, and re-saving a
 * python-docx file) — built from the seed tables the way offices lay them out: a title, per official a heading
 * paragraph and a table with its header row, a paragraph per unit and per person, merged cells, and a table split over
 * pages with its header repeated. The engine must find the same records as on the same table pasted into a workbook.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readDocx, describeDocxPosition, type DocxSheet } from '../../src/files/docx';
import { renderWordPaste, subItemsLogicalTable } from '../fixtures/render';
import { loadSeed, type LogicalTable } from '../fixtures/seedTable';
import { buildWithPythonDocx, convertWithLibreOffice, documentBlocks, documentHtml, PYTHON, tempDir, type DocumentSpec } from './support/producers';
import { recordKeys, run } from './support/records';

const tables: Record<string, LogicalTable> = {
  '000': loadSeed('000'),
  '001': loadSeed('001'),
  subitems: subItemsLogicalTable(loadSeed('001')),
};

const dir = tempDir('docx-producers');
const specs: DocumentSpec[] = Object.entries(tables).map(([name, table]) => ({ path: path.join(dir, `${name}.docx`), blocks: documentBlocks(table) }));
/** name → producer → file */
const files: Record<string, Record<string, string>> = {};

beforeAll(() => {
  buildWithPythonDocx(specs);
  const htmlFiles = specs.map((spec) => {
    const file = spec.path.replace(/\.docx$/, '.html');
    fs.writeFileSync(file, documentHtml(spec.blocks));
    return file;
  });
  const fromHtml = convertWithLibreOffice(htmlFiles, 'docx:MS Word 2007 XML', path.join(dir, 'writer-html'), 'HTML (StarWriter)');
  const resaved = convertWithLibreOffice(
    specs.map((s) => s.path),
    'docx:MS Word 2007 XML',
    path.join(dir, 'writer-resaved'),
  );
  Object.keys(tables).forEach((name, i) => {
    files[name] = { 'python-docx': specs[i].path, 'LibreOffice from HTML': fromHtml[i], 'LibreOffice re-saved': resaved[i] };
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases = Object.keys(tables).flatMap((name) => ['python-docx', 'LibreOffice from HTML', 'LibreOffice re-saved'].map((producer) => [name, producer] as const));

describe.each(cases)('seed %s written by %s', (name, producer) => {
  let sheet: DocxSheet;
  beforeAll(() => {
    sheet = readDocx(new Uint8Array(fs.readFileSync(files[name][producer]))).sheets[0];
  });

  test('the same records as the same table pasted into a workbook', () => {
    const fromWord = run(sheet.grid);
    const fromWorkbook = run(renderWordPaste(tables[name]).grid);
    expect(fromWord.table.records.length).toBeGreaterThan(0);
    expect(recordKeys(fromWord)).toEqual(recordKeys(fromWorkbook));
    expect(fromWord.table.sections.map((s) => [s.title, s.declared, s.found])).toEqual(fromWorkbook.table.sections.map((s) => [s.title, s.declared, s.found]));
    expect(fromWord.table.titleLines).toEqual(fromWorkbook.table.titleLines);
  });

  test('no warnings: every table lines up', () => {
    expect(sheet.warnings).toEqual([]);
  });
});

test('a position found in the grid is that cell in Word, as python-docx reads it', () => {
  const sheet = readDocx(new Uint8Array(fs.readFileSync(files['001']['python-docx']))).sheets[0];
  const analysis = run(sheet.grid);
  // One record per section: its 序号 and task cells must be where the description says.
  const picks = analysis.table.sections.map((s) => analysis.table.records.find((r) => r.section === s.index)).filter((r) => r !== undefined);
  const places = picks.map((record) => {
    const text = describeDocxPosition(sheet.positions, record.row, 2, 'en-US');
    const match = /^table (\d+), row (\d+), column 2 \(under “(.+)”\)$/.exec(text);
    expect(match).not.toBeNull();
    return { table: Number(match?.[1]), row: Number(match?.[2]), heading: match?.[3] ?? '', record };
  });
  const script = `
import json, sys
from docx import Document
doc = Document(sys.argv[1])
out = []
for t, r in json.loads(sys.argv[2]):
    row = doc.tables[t - 1].rows[r - 1]
    out.append([row.cells[0].text, row.cells[1].text])
print(json.dumps(out, ensure_ascii=False))`;
  const cells = JSON.parse(
    execFileSync(PYTHON, ['-c', script, files['001']['python-docx'], JSON.stringify(places.map((p) => [p.table, p.row]))], { encoding: 'utf8' }),
  ) as string[][];
  places.forEach((place, i) => {
    expect(cells[i]).toEqual([place.record.number, place.record.task]);
    expect(analysis.table.sections[(place.record.section ?? 0) - 1].title.startsWith(place.heading.replace(/…$/, ''))).toBe(true);
  });
});
