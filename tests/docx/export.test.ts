/**
 * Word out, checked by readers we did not write: python-docx (page setup, header row repeat, rows kept whole, merges,
 * text of every section and task, font table, footer) and LibreOffice (converts every export to PDF and to text; the
 * text holds every section and task). Round trip: reading an export back gives the same records.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { Analysis, TaskRecord } from '../../src/core';
import { buildExportModel, exportDocx, readDocx, type DocxExportOptions } from '../../src/files/docx';
import { parseXml } from '../../src/files/xml/dom';
import { renderWordPaste, subItemsLogicalTable } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { convertWithLibreOffice, PYTHON, tempDir } from './support/producers';
import { recordKeys, run, type RecordKey } from './support/records';

interface InspectedRow {
  header: boolean;
  cantSplit: boolean;
  cells: Array<{ text: string; gridSpan: number; vMerge: string | null }>;
}
interface Inspected {
  sections: Array<{ landscape: boolean; widthMm: number; heightMm: number }>;
  paragraphs: string[];
  tables: Array<{ rows: InspectedRow[] }>;
  fonts: Array<{ name: string; altName: string | null }>;
  footer: { text: string; pageField: boolean };
}

const analyses: Record<string, Analysis> = {
  '000': run(renderWordPaste(loadSeed('000')).grid),
  '001': run(renderWordPaste(loadSeed('001')).grid),
  subitems: run(renderWordPaste(subItemsLogicalTable(loadSeed('001'))).grid),
};

interface ExportCase {
  name: string;
  source: keyof typeof analyses;
  options: DocxExportOptions;
  /** The records the export must hold. */
  records: (a: Analysis) => TaskRecord[];
}

const laggingRows = (a: Analysis) => new Set(a.summary.lagging.map((t) => t.row));
const cases: ExportCase[] = [
  { name: '001-full', source: '001', options: {}, records: (a) => a.table.records },
  { name: '001-official', source: '001', options: { official: '张元醒' }, records: (a) => a.table.records.filter((r) => r.official === '张元醒') },
  { name: '001-lagging', source: '001', options: { laggingOnly: true }, records: (a) => a.table.records.filter((r) => laggingRows(a).has(r.row)) },
  { name: '000-titled', source: '000', options: { title: '新会区重点工作任务完成情况', date: '（截至2021年9月30日）' }, records: (a) => a.table.records },
  { name: 'subitems', source: 'subitems', options: {}, records: (a) => a.table.records },
];

const dir = tempDir('docx-export');
const fileOf = (name: string) => path.join(dir, `${name}.docx`);
const bytesOf: Record<string, Uint8Array> = {};
let inspected: Record<string, Inspected> = {};
let pdfs: string[] = [];
let texts: string[] = [];

beforeAll(async () => {
  for (const c of cases) {
    bytesOf[c.name] = await exportDocx(analyses[c.source], c.options);
    fs.writeFileSync(fileOf(c.name), bytesOf[c.name]);
  }
  const files = cases.map((c) => fileOf(c.name));
  inspected = JSON.parse(execFileSync(PYTHON, [path.resolve(__dirname, '../../scripts/docx/inspect_docx.py'), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, Inspected>;
  pdfs = convertWithLibreOffice(files, 'pdf', path.join(dir, 'pdf'));
  texts = convertWithLibreOffice(files, 'txt:Text (encoded):UTF8', path.join(dir, 'txt'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const compact = (text: string) => text.replace(/\s+/g, '');

describe.each(cases.map((c, i) => [c.name, c, i] as const))('export %s', (_name, c, index) => {
  const analysis = analyses[c.source];
  const expected = c.records(analysis);
  test('the case exports something', () => expect(expected.length).toBeGreaterThan(0));
  const doc = () => inspected[fileOf(c.name)];
  const rows = () => doc().tables[0].rows;
  const width = () => rows()[0].cells.reduce((n, cell) => n + cell.gridSpan, 0);

  test('python-docx: A4 landscape, one table, header row repeated on every page, no row split across pages', () => {
    expect(doc().sections).toEqual([{ landscape: true, widthMm: 297, heightMm: 210 }]);
    expect(doc().tables).toHaveLength(1);
    expect(rows().map((r) => r.header)).toEqual(rows().map((_, i) => i === 0));
    expect(rows().every((r) => r.cantSplit)).toBe(true);
    expect(rows()[0].cells.map((cell) => cell.text)).toEqual(
      analysis.table.header.columns.filter((col) => col.field !== 'subItem').map((col) => analysis.plan.columns[analysis.table.header.columns.indexOf(col)]),
    );
  });

  test('python-docx: every section across the full width, every task in its cell', () => {
    const sectionRows = rows().filter((r) => r.cells.length === 1);
    expect(sectionRows.every((r) => r.cells[0].gridSpan === width())).toBe(true);
    const sectionIndexes = [...new Set(expected.map((r) => r.section).filter((s): s is number => s !== null))];
    expect(sectionRows.map((r) => compact(r.cells[0].text).replace(/（共\d+项）/, ''))).toEqual(
      sectionIndexes.map((s) => compact(analysis.table.sections[s - 1].title).replace(/（共\d+项）/, '')),
    );
    const taskCells = new Set(rows().flatMap((r) => r.cells.map((cell) => cell.text)));
    for (const record of expected) expect(taskCells.has(record.task)).toBe(true);
    const numbers = rows().filter((r) => r.cells.length > 1 && !r.header && r.cells[0].vMerge !== 'continue').map((r) => r.cells[0].text);
    expect(numbers).toEqual(expected.map((r) => r.number));
  });

  test('python-docx: units and persons one per paragraph; 序号 merged down over sub-items; ▲ on lagging tasks', () => {
    const byNumberAndTask = new Map<string, InspectedRow[]>();
    let current: InspectedRow[] = [];
    for (const row of rows().slice(1)) {
      if (row.cells.length === 1) continue;
      if (row.cells[0].vMerge !== 'continue') {
        current = [row];
        byNumberAndTask.set(`${row.cells[0].text}|${row.cells[1].text}|${byNumberAndTask.size}`, current);
      } else current.push(row);
    }
    const groups = [...byNumberAndTask.values()];
    expect(groups).toHaveLength(expected.length);
    const columns = analysis.table.header.columns.filter((col) => col.field !== 'subItem' || groups.some((g) => g.length > 1));
    const unitsAt = columns.findIndex((col) => col.field === 'units');
    const personsAt = columns.findIndex((col) => col.field === 'persons');
    const progressAt = columns.findIndex((col) => col.field === 'progress');
    const lagging = laggingRows(analysis);
    expected.forEach((record, i) => {
      const group = groups[i];
      const subItems = record.subItems?.length ?? 0;
      expect(group).toHaveLength(Math.max(1, subItems));
      if (subItems > 1) expect(group.map((r) => r.cells[0].vMerge)).toEqual(group.map((_, k) => (k === 0 ? 'restart' : 'continue')));
      // A row without sub-items spans 工作任务 over the 子项 column, so the cells shift left by one.
      const shift = subItems === 0 && columns.some((col) => col.field === 'subItem') ? 1 : 0;
      const first = group[0].cells;
      const lines = (at: number) => first[at - shift].text.split('\n').filter((l) => l !== '');
      if (unitsAt >= 0 && subItems === 0) expect(lines(unitsAt)).toEqual(record.units);
      if (personsAt >= 0 && subItems === 0) expect(lines(personsAt)).toEqual(record.persons);
      if (progressAt >= 0) expect(first[progressAt - shift].text.startsWith('▲')).toBe(lagging.has(record.row) || /^[\s\u3000]*[▲△]/.test(record.statusRaw));
    });
  });

  test('python-docx: 公文 fonts with fallbacks in the font table; "— 1 —" page numbers in the footer', () => {
    const fonts = new Map(doc().fonts.map((f) => [f.name, f.altName]));
    expect(fonts.get('仿宋_GB2312')).toBe('仿宋');
    expect(fonts.get('仿宋')).toBe('FangSong');
    expect(fonts.get('黑体')).toBe('SimHei');
    expect(fonts.get('方正小标宋简体')).toBe('宋体');
    expect(doc().footer).toEqual({ text: '—  —', pageField: true });
  });

  test('LibreOffice: converts to PDF, and its text holds every section and task', () => {
    const pdf = fs.readFileSync(pdfs[index]);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = compact(fs.readFileSync(texts[index], 'utf8'));
    for (const record of expected) {
      expect(text).toContain(compact(record.task));
      if (record.section !== null) expect(text).toContain(compact(analysis.table.sections[record.section - 1].title).replace(/（共\d+项）$/, ''));
    }
  });

  test('round trip: the export read back gives the same records', () => {
    const back = run(readDocx(bytesOf[c.name]).sheets[0].grid);
    const keys = (list: RecordKey[]) => list.map((k) => ({ ...k, section: null }));
    const original = recordKeys(analysis, { ignoreMarks: true }).filter((_, i) => expected.includes(analysis.table.records[i]));
    expect(keys(recordKeys(back, { ignoreMarks: true }))).toEqual(keys(original));
    if (c.options.official === undefined && !c.options.laggingOnly) {
      expect(back.table.sections.map((s) => s.title)).toEqual(analysis.table.sections.map((s) => s.title));
    }
  });

  test('every XML part parses as namespace-aware XML', () => {
    const parts = unzipSync(bytesOf[c.name]);
    const xmlParts = Object.keys(parts).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'));
    expect(xmlParts).toEqual(expect.arrayContaining(['word/document.xml', 'word/fontTable.xml', '[Content_Types].xml']));
    for (const part of xmlParts) expect(parseXml(parts[part], part).documentElement).toBeTruthy();
  });
});

test('PDF of the whole table runs over several pages (the header repeat matters)', () => {
  const pdf = fs.readFileSync(pdfs[0]).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThan(5);
});

describe('title lines and filters', () => {
  test('title and date replace and follow the table title; the count line stays', () => {
    expect(inspected[fileOf('000-titled')].paragraphs).toEqual(['附件', '新会区重点工作任务完成情况', '（截至2021年9月30日）', '（共11项）']);
  });

  test('one official: the count lines say how many of that official’s tasks are in the document', () => {
    const model = buildExportModel(analyses['001'], { official: '张元醒' });
    const count = analyses['001'].table.records.filter((r) => r.official === '张元醒').length;
    expect(model.titleLines.map((l) => l.text)).toContain(`（共${count}项）`);
    expect(model.rows.filter((r) => r.kind === 'section').map((r) => (r.kind === 'section' ? r.text : ''))).toEqual([`二、张元醒同志分管工作（共${count}项）`]);
  });

  test('lagging only: every task is marked ▲ and counted', () => {
    const model = buildExportModel(analyses['001'], { laggingOnly: true });
    expect(model.recordCount).toBe(analyses['001'].summary.lagging.length);
    expect(model.titleLines.map((l) => l.text)).toContain(`（未按进度完成事项，共${model.recordCount}项）`);
    expect(model.rows.filter((r) => r.kind === 'record').every((r) => r.kind === 'record' && r.lagging)).toBe(true);
  });

  test('an official with no tasks is refused with the officials the table has', () => {
    expect(() => buildExportModel(analyses['001'], { official: '张三' })).toThrow(expect.objectContaining({ code: 'export-no-official' }));
  });
});
