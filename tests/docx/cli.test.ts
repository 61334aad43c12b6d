/**
 * `report-tables export` end to end: a Word document from python-docx and a workbook from exceljs in, a document to hand
 * in out; Word files we cannot read (an old .doc from LibreOffice, a .wps, an encrypted document) refused in one line
 * with exit code 2.
 */
import * as fs from 'fs';
import * as path from 'path';
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
