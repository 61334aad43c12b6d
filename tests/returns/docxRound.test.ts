/**
 * The round in Word: the units' return forms written as .docx (splitRoundFiles), checked by readers we did not write
 * (python-docx opens every one and sees the layout, the drop-down and the empty cells; LibreOffice converts them all
 * to PDF in one call), then filled with python-docx as a unit would — picking a status in the drop-down as Word does
 * (the placeholder flag removed, the item's text in the control), typing one status over the control in other words,
 * leaving some rows empty — and merged back with other units' Excel returns: every filled progress lands on its task.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { defaultConfig, analyze } from '../../src/core';
import { matchReturns, type MasterTask, type ReturnInput } from '../../src/core/returns';
import { openTableFile } from '../../src/files/docx';
import { splitRoundFiles, splitZipName, zipFiles, type SplitFile } from '../../src/files/round/splitRound';
import { parseXml } from '../../src/files/xml/dom';
import { convertWithLibreOffice, PYTHON, tempDir } from '../docx/support/producers';
import { asReturn, defaultProgress, defaultStatus, fillReturn, seedMaster, sheetGrid, unitPart, type Filled } from './round';

const STATUSES = defaultConfig().vocabulary.map((v) => v.status);
const WORD_UNITS = ['市委政法委', '市公安局', '市编办', '市文广新局'];

/** What python-docx sees in a form: page, paragraphs above the table, header, rows, the status controls. */
const INSPECT = `
import json, sys, docx
from docx.oxml.ns import qn
out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    t = d.tables[0]
    header = [c.text for c in t.rows[0].cells]
    si, pi = header.index("进展状态"), header.index("进展情况")
    controls = []
    for row in t.rows[1:]:
        sdt = row.cells[si]._tc.find(".//" + qn("w:sdt"))
        if sdt is None:
            controls.append(None)
            continue
        pr = sdt.find(qn("w:sdtPr"))
        items = [i.get(qn("w:displayText")) for i in pr.iter(qn("w:listItem"))]
        controls.append({"items": items, "placeholder": pr.find(qn("w:showingPlcHdr")) is not None,
                         "text": "".join(x.text or "" for x in sdt.iter(qn("w:t")))})
    trPr = t.rows[0]._tr.trPr
    out[path] = {
        "landscape": s.orientation == 1, "widthMm": round(s.page_width.mm), "heightMm": round(s.page_height.mm),
        "paragraphs": [p.text for p in d.paragraphs if p.text.strip()],
        "header": header,
        "headerRepeats": trPr is not None and trPr.find(qn("w:tblHeader")) is not None,
        "rows": [[c.text for c in r.cells] for r in t.rows[1:]],
        "progress": [r.cells[pi].text for r in t.rows[1:]],
        "controls": controls,
    }
print(json.dumps(out, ensure_ascii=False))
`;

/** Fill a form as a unit does: progress typed in; the status picked in the drop-down (as Word writes it) or typed over it. */
const FILL = `
import json, sys, docx
from docx.oxml.ns import qn
path, answers = sys.argv[1], json.loads(sys.argv[2])
d = docx.Document(path)
t = d.tables[0]
header = [c.text for c in t.rows[0].cells]
si, pi = header.index("进展状态"), header.index("进展情况")
for a in answers:
    row = t.rows[a["row"]]
    row.cells[pi].text = a["progress"]
    cell = row.cells[si]
    if a["typed"]:
        cell.text = a["status"]
    else:
        sdt = cell._tc.find(".//" + qn("w:sdt"))
        pr = sdt.find(qn("w:sdtPr"))
        pr.remove(pr.find(qn("w:showingPlcHdr")))
        sdt.find(".//" + qn("w:t")).text = a["status"]
d.save(path)
`;

const dir = tempDir('docx-round');
let files: SplitFile[] = [];
const fileOf = (unit: string) => path.join(dir, `${unitPart(unit).baseName}.docx`);

beforeAll(async () => {
  const made = await splitRoundFiles(seedMaster().analysis, { period: '2018年1-10月', format: 'docx' });
  files = made.files;
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Inspected = {
  landscape: boolean;
  widthMm: number;
  heightMm: number;
  paragraphs: string[];
  header: string[];
  headerRepeats: boolean;
  rows: string[][];
  progress: string[];
  controls: Array<{ items: string[]; placeholder: boolean; text: string } | null>;
};

describe('the Word return forms of a round', () => {
  test('one .docx per unit, named after it; every part parses strictly and python-docx opens every form', () => {
    expect(files.every((f) => f.format === 'docx' && f.name.endsWith('.docx'))).toBe(true);
    expect(new Set(files.map((f) => f.unit)).size).toBe(files.length);
    for (const f of files) {
      for (const [name, bytes] of Object.entries(unzipSync(f.bytes))) if (name.endsWith('.xml') || name.endsWith('.rels')) parseXml(bytes, name);
    }
    const seen = JSON.parse(execFileSync(PYTHON, ['-c', INSPECT, ...files.map((f) => path.join(dir, f.name))], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, Inspected>;
    expect(Object.keys(seen)).toHaveLength(files.length);
    for (const f of files) {
      const form = seen[path.join(dir, f.name)];
      const part = unitPart(f.unit);
      // 公文 page: A4 landscape, the header row repeated on every page.
      expect(form).toMatchObject({ landscape: true, widthMm: 297, heightMm: 210, headerRepeats: true });
      expect(form.header).toEqual(part.sheet.columns);
      expect(form.rows).toHaveLength(part.leads.length + part.shares.length);
      // Progress empty, the status a drop-down of the vocabulary still showing its placeholder.
      expect(form.progress.every((p) => p === '')).toBe(true);
      expect(form.controls.every((c) => c !== null && c.placeholder && c.text === '请选择' && c.items.join() === STATUSES.join())).toBe(true);
    }
  });

  test('title with unit and period, lead tasks first, last period\'s progress beside, the allowed words stated', () => {
    const seen = JSON.parse(execFileSync(PYTHON, ['-c', INSPECT, fileOf('市公安局')], { encoding: 'utf8' })) as Record<string, Inspected>;
    const form = seen[fileOf('市公安局')];
    const part = unitPart('市公安局');
    expect(form.paragraphs[0]).toBe('市公安局2018年1-10月重点工作进展情况报送表');
    expect(form.paragraphs[1]).toBe(`（共${part.leads.length + part.shares.length}项，其中牵头${part.leads.length}项）`);
    for (const status of STATUSES) expect(form.paragraphs[2]).toContain(status);
    const role = form.header.indexOf('承担方式');
    expect(form.rows.map((r) => r[role])).toEqual([...part.leads.map(() => '牵头'), ...part.shares.map(() => '配合')]);
    const last = form.header.indexOf('上期进展情况（参考）');
    [...part.leads, ...part.shares].forEach((t: MasterTask, i) => expect(form.rows[i][last]).toBe(t.progress));
  });

  test('LibreOffice converts every form to PDF in one call', () => {
    const out = tempDir('docx-round-pdf');
    try {
      const pdfs = convertWithLibreOffice(files.map((f) => path.join(dir, f.name)), 'pdf', out);
      for (const pdf of pdfs) expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // Writer takes the status cell for what it is: a content control listing the vocabulary, showing its placeholder.
      const [odt] = convertWithLibreOffice([fileOf('市委政法委')], 'odt', out);
      const content = execFileSync(PYTHON, ['-c', 'import sys,zipfile\nsys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("content.xml").decode())', odt], { encoding: 'utf8' });
      const doc = parseXml(content, 'content.xml');
      const LOEXT = 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0';
      const controls = Array.from(doc.getElementsByTagNameNS(LOEXT, 'content-control'));
      expect(controls).toHaveLength(unitPart('市委政法委').leads.length);
      for (const control of controls) {
        expect(control.getAttributeNS(LOEXT, 'showing-place-holder')).toBe('true');
        expect(Array.from(control.getElementsByTagNameNS(LOEXT, 'list-item')).map((item) => item.getAttributeNS(LOEXT, 'display-text'))).toEqual(STATUSES);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 600000);

  test('a form sent back untouched answers nothing: the placeholder is not read as a status', () => {
    const input = readForm(fileOf('市委政法委'), unitPart('市委政法委').fileName);
    expect(input.analysis.table.records.length).toBe(unitPart('市委政法委').leads.length);
    const plan = matchReturns(seedMaster().analysis, [input], { config: defaultConfig() });
    expect(plan.matches).toHaveLength(0);
    // Only the title's period moves on (1-9月 → 1-10月); no cell is taken from the form.
    expect(plan.cells.filter((c) => c.sources.length > 0)).toHaveLength(0);
  });

  test('filled with python-docx and merged with Excel returns: every filled progress lands on its task, statuses read', () => {
    const filled: Filled[] = [];
    const typed: Array<{ row: number; written: string; status: string }> = [];
    const returns: ReturnInput[] = [];
    for (const [u, unit] of WORD_UNITS.entries()) {
      const part = unitPart(unit);
      const tasks = [...part.leads, ...part.shares];
      // Some rows left empty (every third, from the second on); one status typed over the control in other words.
      const answers = tasks.flatMap((t, i) => {
        if (i % 3 === 1) return [];
        const progress = defaultProgress(t, unit);
        const typeOver = u === 0 && i === 0;
        const status = typeOver ? '基本完成' : defaultStatus(t);
        filled.push({ unit, taskId: t.id, row: t.row, status: typeOver ? '基本按进度完成' : status, progress });
        if (typeOver) typed.push({ row: t.row, written: status, status: '基本按进度完成' });
        return [{ row: i + 1, progress, status, typed: typeOver }];
      });
      const file = path.join(dir, `filled-${u}.docx`);
      fs.copyFileSync(fileOf(unit), file);
      execFileSync(PYTHON, ['-c', FILL, file, JSON.stringify(answers)]);
      returns.push(readForm(file, `${part.baseName}.docx`));
    }
    // Two units answer in Excel, as before.
    for (const unit of ['市民政局', '市工商联']) {
      const r = fillReturn(unitPart(unit));
      filled.push(...r.filled);
      returns.push(asReturn(unitPart(unit).fileName, sheetGrid(r.sheet)));
    }
    const { analysis } = seedMaster();
    const plan = matchReturns(analysis, returns, { config: defaultConfig() });
    const progressColumn = analysis.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
    const merged = (row: number): string => {
      const outputRow = analysis.plan.rowMap.find((m) => m.row === row)?.outputRow;
      return outputRow ? plan.rows[outputRow - 1][progressColumn] : '';
    };
    for (const f of filled) expect(merged(f.row)).toContain(f.progress);
    // The senders are known from the forms' titles, and every Word answer is matched with its status.
    for (const r of plan.returns.slice(0, WORD_UNITS.length)) expect(r).toMatchObject({ unitSource: 'title' });
    expect(plan.returns.slice(0, WORD_UNITS.length).map((r) => r.unit)).toEqual(WORD_UNITS);
    for (const f of filled.filter((x) => WORD_UNITS.includes(x.unit))) {
      const match = plan.matches.find((m) => m.unit === f.unit && m.master.row === f.row && m.returned.progress === f.progress);
      expect(match?.returned.status).toBe(f.status);
    }
    expect(typed).toHaveLength(1);
    const typedMatch = plan.matches.find((m) => m.master.row === typed[0].row && m.unit === WORD_UNITS[0]);
    expect(typedMatch?.returned.statusWritten).toBe('基本完成');
    // The rows left empty were not taken as answers.
    const answered = plan.matches.filter((m) => WORD_UNITS.includes(m.unit ?? '')).length;
    expect(answered).toBe(filled.filter((x) => WORD_UNITS.includes(x.unit)).length);
  });
});

describe('the round as one zip', () => {
  test('every unit\'s files in one zip, names as made, which Python\'s zipfile lists in UTF-8', async () => {
    const made = await splitRoundFiles(seedMaster().analysis, { period: '2018年1-10月', format: 'both' });
    expect(made.files.length).toBe(made.plan.units.length * 2);
    const zip = zipFiles(made.files);
    const file = path.join(dir, splitZipName(made.plan.period));
    expect(path.basename(file)).toBe('报送-2018年1-10月.zip');
    fs.writeFileSync(file, zip);
    const names = JSON.parse(execFileSync(PYTHON, ['-c', 'import json,sys,zipfile\nprint(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist(), ensure_ascii=False))', file], { encoding: 'utf8' })) as string[];
    expect(names).toEqual(made.files.map((f) => f.name));
    expect(names).toContain('市委政法委-2018年1-10月.xlsx');
    expect(names).toContain('市委政法委-2018年1-10月.docx');
    // The bytes inside are the files as made.
    const back = unzipSync(zip);
    expect(Buffer.from(back['市公安局-2018年1-10月.docx']).equals(Buffer.from(made.files.find((f) => f.name === '市公安局-2018年1-10月.docx')?.bytes ?? []))).toBe(true);
  }, 120000);

  test('stopped between two units when cancelled; progress reported for each unit', async () => {
    const signal = { aborted: false };
    const seen: string[] = [];
    const made = await splitRoundFiles(seedMaster().analysis, {
      format: 'xlsx',
      signal,
      onProgress: (done, total, unit) => {
        seen.push(`${done}/${total} ${unit}`);
        if (done === 2) signal.aborted = true;
      },
    });
    expect(made.cancelled).toBe(true);
    expect(made.files).toHaveLength(3);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBe(`0/${made.plan.units.length} ${made.plan.units[0].unit}`);
  });

  test('a name met twice or holding a folder is refused, never written as a path', () => {
    const bytes = new Uint8Array([1]);
    expect(() => zipFiles([{ name: 'a.xlsx', bytes }, { name: 'a.xlsx', bytes }])).toThrow();
    expect(() => zipFiles([{ name: '../a.xlsx', bytes }])).toThrow();
    expect(splitZipName(null)).toBe('报送-各单位.zip');
    expect(splitZipName('2018/10')).toBe('报送-2018_10.zip');
  });
});

/** A returned form read as the merge reads it: the file layer's Word reader, then the engine. */
function readForm(file: string, name: string): ReturnInput {
  const book = openTableFile(new Uint8Array(fs.readFileSync(file)), { fileName: name });
  const { grid } = book.readSheet(book.sheets[0].name);
  return { file: name, analysis: analyze(grid, { config: defaultConfig() }) };
}
