/**
 * `report-tables export` end to end: a Word document from python-docx and a workbook from exceljs in, a document to hand
 * in out; Word files we cannot read (an old .doc from LibreOffice, a .wps, an encrypted document) refused in one line
 * with exit code 2.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbook } from '../../src/files';
import { readDocx } from '../../src/files/docx';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { writeGridXlsx } from '../fixtures/writeXlsx';
import { runCli } from '../cli/support/runCli';
import { compoundFile } from './support/packages';
import { buildWithPythonDocx, convertWithLibreOffice, documentBlocks, tempDir } from './support/producers';
import { recordKeys, run } from './support/records';

const dir = tempDir('docx-cli');
const input = path.join(dir, '汇总表.docx');
const workbook = path.join(dir, '汇总表.xlsx');
let oldDoc = '';

beforeAll(async () => {
  buildWithPythonDocx([{ path: input, blocks: documentBlocks(loadSeed('000')) }]);
  await writeGridXlsx(renderWordPaste(loadSeed('000')).grid, workbook);
  [oldDoc] = convertWithLibreOffice([input], 'doc:MS Word 97', path.join(dir, 'doc'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('export from a Word document writes a document with the same records', async () => {
  const out = path.join(dir, '附件.docx');
  const result = await runCli(['export', input, '-o', out]);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toContain('已写入 附件.docx：11 项事项');
  const back = run(readDocx(new Uint8Array(fs.readFileSync(out))).sheets[0].grid);
  const original = run(readDocx(new Uint8Array(fs.readFileSync(input))).sheets[0].grid);
  expect(recordKeys(back, { ignoreMarks: true })).toEqual(recordKeys(original, { ignoreMarks: true }));
});

test('export from a workbook, lagging tasks only, in English', async () => {
  const out = path.join(dir, 'lagging.docx');
  const result = await runCli(['export', workbook, '-o', out, '--lagging-only', '--lang', 'en']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Wrote lagging\.docx: 3 tasks/);
  const back = run(readDocx(new Uint8Array(fs.readFileSync(out))).sheets[0].grid);
  expect(back.table.records.every((r) => r.statusRaw.startsWith('▲'))).toBe(true);
  expect(back.table.records).toHaveLength(3);
});

test.each([
  ['an old .doc (LibreOffice "MS Word 97")', () => oldDoc, 'docx-legacy-format'],
  ['a .wps', () => copyAs(oldDoc, '汇总表.wps'), 'WPS'],
  ['an encrypted .docx', () => writeBytes('加密.docx', compoundFile(['EncryptionInfo', 'EncryptedPackage'])), '密码'],
])('%s is refused in one line with exit code 2', async (_name, file, words) => {
  const result = await runCli(['export', file(), '-o', path.join(dir, 'x.docx')]);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain('请在 Word 中另存为 .docx');
  if (words !== 'docx-legacy-format') expect(result.stderr).toContain(words);
  expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
});

test('bad options: unknown official, output not .docx, no input', async () => {
  const official = await runCli(['export', input, '-o', path.join(dir, 'y.docx'), '--official', '张三']);
  expect([official.code, official.stderr]).toEqual([2, expect.stringContaining('没有“张三”分管的事项')]);
  const notDocx = await runCli(['export', input, '-o', path.join(dir, 'y.xlsx')]);
  expect([notDocx.code, notDocx.stderr]).toEqual([2, expect.stringContaining('.docx')]);
  const none = await runCli(['export', '-o', path.join(dir, 'y.docx')]);
  expect(none.code).toBe(2);
});

test('usage names the export command in both languages', async () => {
  expect((await runCli(['--help'])).stdout).toContain('report-tables export');
  expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('export     write OUT.docx');
  expect((await runCli(['export', '--help'])).stdout).toContain('--lagging-only');
});

test('check on a Word document: the same records as on the workbook, findings named by table, row and column', async () => {
  const word = await runCli(['check', input, '--json']);
  const book = await runCli(['check', workbook, '--json']);
  expect(word.code).toBe(book.code);
  type Doc = { records: Array<Record<string, unknown>>; sections: unknown[]; findings: Array<{ rule: string; place?: string; cell: string | null }> };
  const [fromWord, fromBook] = [JSON.parse(word.stdout) as Doc, JSON.parse(book.stdout) as Doc];
  const strip = (doc: Doc) => doc.records.map(({ number, task, units, persons, status }) => ({ number, task, units, persons, status }));
  expect(strip(fromWord)).toEqual(strip(fromBook));
  expect(fromWord.findings.map((f) => f.rule)).toEqual(fromBook.findings.map((f) => f.rule));
  expect(fromWord.findings.length).toBeGreaterThan(0);
  for (const finding of fromWord.findings) expect(finding.place).toMatch(/^第[1-3]个表格第\d+行(第\d列)?/);
  for (const finding of fromBook.findings) expect(finding.place).toBeUndefined();
  const readable = await runCli(['check', input]);
  expect(readable.stdout).toMatch(/第[1-3]个表格第\d+行/);
});

test('fix on a Word document writes a new workbook, one row per record, and says so', async () => {
  const out = path.join(dir, '整理后.xlsx');
  const result = await runCli(['fix', input, '-o', out]);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('输入是 Word 文档');
  const book = openWorkbook(new Uint8Array(fs.readFileSync(out)));
  expect(book.format).toBe('xlsx');
  const repaired = book.sheets.find((s) => s.name !== 'Word表格' && !/记录|log/i.test(s.name));
  expect(repaired).toBeDefined();
  const values = book.readSheet(repaired?.name ?? '').grid.values;
  const numbers = values.map((row) => String(row[0] ?? '')).filter((v) => /^\d+$/.test(v));
  expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
});

test('summarize on a Word document writes the summary workbook', async () => {
  const out = path.join(dir, '汇总.xlsx');
  const result = await runCli(['summarize', input, '-o', out]);
  expect(result.code).toBe(0);
  expect(openWorkbook(new Uint8Array(fs.readFileSync(out))).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['滞后事项清单']));
});

function copyAs(file: string, name: string): string {
  const target = path.join(dir, name);
  fs.copyFileSync(file, target);
  return target;
}

function writeBytes(name: string, bytes: Uint8Array): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
}
