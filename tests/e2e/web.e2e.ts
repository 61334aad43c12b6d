/**
 * The no-install web page in a real browser (Debian Chromium driven by playwright-core), offline: every seed-built
 * workbook is opened through the page's file input, and the three journeys run on it — the clerk's (open → 整理 →
 * download the repaired workbook), the reviewer's (校验 → findings marked in the grid) and the manager's (汇总 →
 * charts → download the summary workbook). The downloads are read back by our file layer, by openpyxl and by
 * LibreOffice. Any request after the page has loaded fails the test; opened from file:// the page makes none at all.
 * Screenshots of each step go to test-artifacts/screenshots/web-*.png.
 *
 *   npm run test:e2e -- web
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { BrowserContext, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { analyze, planToValues } from '../../src/core';
import { sheetNames } from '../../src/core/sheets';
import { openWorkbook } from '../../src/files';
import { outputFileName } from '../../src/web/fileNames';
import { fixtureWorkbooks, SHEET } from '../web/support';
import { ROOT, SCREENSHOT_DIR } from './support';
import { downloadOf, dragAway, dragFilesOver, dropFile, dropFiles, gotoWebPage, openFile, pageErrors, pickWithKeyboard, repair, serveWebPage, WEB_DIST, type ServedWebPage } from './webPage';

const run = promisify(execFile);
const WORK = path.join(ROOT, 'test-artifacts', 'web-e2e');
const INPUTS = path.join(WORK, 'inputs');
const DOWNLOADS = path.join(WORK, 'downloads');
const PYTHON = '/usr/bin/python3';

let served: ServedWebPage;
let inputs: Array<{ name: string; file: string; records: number; findings: number; sheet: string; repaired: string[][] }> = [];

/** Rows as text without trailing empty cells, so a written sheet and the plan's values compare cell for cell. */
function textRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): string[][] {
  return rows.map((row) => {
    const text = row.map((value) => (value === null || value === undefined ? '' : String(value)));
    while (text.length > 0 && text[text.length - 1] === '') text.pop();
    return text;
  });
}
const downloaded: string[] = [];

interface Traffic {
  /** Every request the page made after it had loaded. */
  afterLoad: string[];
  loaded: boolean;
  all: string[];
}

/** The page in a new tab, with every request it makes recorded: this file checks it makes none after loading. */
async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; traffic: Traffic; errors: string[] }> {
  const page = await context.newPage();
  const traffic: Traffic = { afterLoad: [], loaded: false, all: [] };
  page.on('request', (request) => {
    traffic.all.push(request.url());
    // A download goes through a blob: URL the page made itself; that is not the network.
    if (traffic.loaded && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) traffic.afterLoad.push(request.url());
  });
  const errors = pageErrors(page);
  await gotoWebPage(page, url);
  traffic.loaded = true;
  return { page, traffic, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  // From the top of the page, as a user first sees each step.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, `web-${name}.png`) });
}

async function chooseSheet(page: Page, sheet: string): Promise<void> {
  const picker = page.getByTestId('sheet-picker');
  if ((await picker.inputValue()) !== sheet) {
    await picker.selectOption(sheet);
    await page.getByTestId('busy').waitFor({ state: 'detached' });
  }
  await page.getByTestId('source-info').waitFor();
}

async function download(page: Page, testId: string, name: string): Promise<string> {
  const event = await downloadOf(page, () => page.getByTestId(testId).click());
  expect(event.suggestedFilename()).toBe(name);
  // Numbered: the same name comes again for every input of the same stem.
  const target = path.join(DOWNLOADS, `${String(downloaded.length + 1).padStart(3, '0')}-${name}`);
  await event.saveAs(target);
  downloaded.push(target);
  return target;
}

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  for (const dir of [SCREENSHOT_DIR, INPUTS, DOWNLOADS]) fs.mkdirSync(dir, { recursive: true });
  inputs = [];
  for (const fixture of await fixtureWorkbooks()) {
    const file = path.join(INPUTS, `${fixture.name}.xlsx`);
    fs.writeFileSync(file, fixture.bytes);
    // What the page must show and write: the engine on the sheet as the file layer reads it in Node.
    const analysis = analyze(openWorkbook(fixture.bytes).readSheet(SHEET).grid);
    inputs.push({ name: fixture.name, file, records: analysis.table.records.length, findings: analysis.findings.length, sheet: SHEET, repaired: textRows(planToValues(analysis.plan)) });
  }
  // The same Word paste as Excel 2003 XML and as a web-page .xls, written by SheetJS; what our file layer reads from
  // them in Node is what the page must read too.
  const paste = (await fixtureWorkbooks()).find((f) => f.name === '001-word-paste');
  if (paste) {
    for (const [bookType, extension] of [['xlml', 'xml'], ['html', 'xls']] as const) {
      const book = XLSX.read(paste.bytes, { type: 'array' });
      const file = path.join(INPUTS, `001-word-paste-${bookType}.${extension}`);
      fs.writeFileSync(file, XLSX.write(book, { bookType, type: 'buffer' }) as Buffer);
      const opened = openWorkbook(new Uint8Array(fs.readFileSync(file)), { fileName: path.basename(file) });
      const analysis = analyze(opened.readSheet(opened.sheets[0].name).grid);
      inputs.push({
        name: `001-word-paste-${bookType}`,
        file,
        records: analysis.table.records.length,
        findings: analysis.findings.length,
        sheet: opened.sheets[0].name,
        repaired: textRows(planToValues(analysis.plan)),
      });
    }
  }
  served = await serveWebPage();
}, 600000);

afterAll(async () => {
  await served?.close();
});

/** Anything not from the local server is refused and remembered in `served.refused`, so the test can fail on it. */
function newContext(viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  return served.newContext(viewport);
}

test('the three journeys on the Word paste of seed 001, with a screenshot of each step', async () => {
  const context = await newContext();
  const { page, traffic, errors } = await openPage(context, served.url);
  await shot(page, '01-start');
  const input = inputs.find((i) => i.name === '001-word-paste');
  if (!input) throw new Error('no 001-word-paste fixture');

  // Clerk: open → 整理 → download the repaired workbook.
  await openFile(page, input.file);
  await chooseSheet(page, SHEET);
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${input.records} 项任务`);
  // Merged areas (the worker resolves each cell's place in its area) are drawn as one cell: the section heading across
  // the whole width, 工作任务 across B:C, and column A of a section's records down its rows without a border between.
  const cells = (row: number) => page.getByTestId('sheet-grid').locator(`[role="row"][data-row="${row}"] [role="gridcell"]`);
  await expect(cells(4).count()).resolves.toBe(1);
  await expect(cells(5).allTextContents()).resolves.toEqual(['序号', '工作任务', '责任单位', '责任人', '进展情况']);
  await expect(cells(6).first().evaluate((cell) => getComputedStyle(cell).borderBottomColor)).resolves.toBe('rgba(0, 0, 0, 0)');
  // Before 整理 there is no repaired workbook yet: its download is off and says why; the Word document can be had already.
  await expect(page.getByTestId('download-fixed').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('download-fixed-wait').textContent()).resolves.toBe('先点击上面的“整理”，才能下载整理后的工作簿。');
  await expect(page.getByTestId('download-word').isEnabled()).resolves.toBe(true);
  await shot(page, '02-open');
  // The preview lists the merged rows; closed again so the screenshot shows the whole step.
  await page.getByRole('button', { name: /合并的行/ }).click();
  await page.getByText(/第 \d+–\d+ 行/).first().waitFor();
  await page.getByRole('button', { name: /合并的行/ }).click();
  await repair(page);
  await expect(page.getByTestId('download-fixed').isEnabled()).resolves.toBe(true);
  await expect(page.getByTestId('download-fixed-wait').count()).resolves.toBe(0);
  await shot(page, '03-repair');
  const fixed = await download(page, 'download-fixed', outputFileName(path.basename(input.file), 'fixed', 'zh-CN'));
  const fixedBook = openWorkbook(new Uint8Array(fs.readFileSync(fixed)));
  const repairedName = `${SHEET}（整理）`;
  expect(fixedBook.sheets.map((s) => s.name)).toEqual([SHEET, repairedName, '整理记录']);
  const reread = analyze(fixedBook.readSheet(repairedName).grid);
  expect(reread.plan.changes).toEqual([]);
  expect(reread.table.records.length).toBe(input.records);
  // …and the Word document to hand in, which python-docx opens and the page reads back as the same records.
  const word = await download(page, 'download-word', outputFileName(path.basename(input.file), 'word', 'zh-CN'));
  const { stdout: tables } = await run(PYTHON, ['-c', 'import sys, docx; d = docx.Document(sys.argv[1]); print(sum(len(t.rows) for t in d.tables))', word]);
  expect(Number(tables.trim())).toBeGreaterThan(input.records);

  // Reviewer: 校验 → mark in the grid → go to a finding.
  await page.getByRole('tab', { name: '校验' }).click();
  await expect(page.getByTestId('check-counts').textContent()).resolves.toContain(`共 ${input.findings} 个问题`);
  await page.getByRole('button', { name: '在表格中标出' }).click();
  await page.getByText(`已标出 ${input.findings} 处问题`, { exact: false }).first().waitFor();
  const marked = await page.locator('[data-mark]').count();
  expect(marked).toBeGreaterThan(0);
  await page.getByTestId('finding-groups').getByRole('button').first().click();
  await page.getByTestId('finding-groups').getByRole('listitem').first().getByRole('button').click();
  await shot(page, '04-check');
  const findingsFile = await download(page, 'download-findings', outputFileName(path.basename(input.file), 'findings', 'zh-CN'));
  const findingsBook = XLSX.read(fs.readFileSync(findingsFile), { type: 'buffer' });
  expect(XLSX.utils.sheet_to_json(findingsBook.Sheets['问题清单'], { header: 1 })).toHaveLength(input.findings + 1);
  const jsonFile = await download(page, 'download-findingsJson', outputFileName(path.basename(input.file), 'findingsJson', 'zh-CN'));
  expect((JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { findings: unknown[] }).findings).toHaveLength(input.findings);

  // Manager: 汇总 → charts → download the summary workbook and a chart.
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByTestId('chart-by-official').locator('canvas').first().waitFor();
  await page.getByTestId('chart-lagging').locator('canvas').first().waitFor();
  await page.getByRole('button', { name: '生成汇总表' }).click();
  await page.getByText(/已生成汇总表/).waitFor();
  await shot(page, '05-summary');
  const summary = await download(page, 'download-summary', outputFileName(path.basename(input.file), 'summary', 'zh-CN'));
  const summaryBook = openWorkbook(new Uint8Array(fs.readFileSync(summary)));
  for (const kind of ['byOfficial', 'byStatus', 'byUnit', 'lagging'] as const) expect(summaryBook.sheets.map((s) => s.name)).toContain(sheetNames[kind]['zh-CN']);
  const pngEvent = await downloadOf(page, () => page.getByTestId('chart-by-official').getByRole('button').click());
  const png = path.join(DOWNLOADS, pngEvent.suggestedFilename());
  await pngEvent.saveAs(png);
  expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');

  // Settings, then the page in English.
  await page.getByRole('tab', { name: '设置' }).click();
  await shot(page, '06-settings');
  await page.getByTestId('language').selectOption('en-US');
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByTestId('chart-by-official').waitFor();
  await shot(page, '07-english');
  // Seed 001 has a task whose status is no known word: the English table heads its column "Not recognized", not 未识别.
  const headings = await page.getByTestId('summary-table').locator('th').allInnerTexts();
  expect(headings.map((heading) => heading.replace(/\s+/g, ' ').trim())).toContain('Not recognized');
  expect(headings.join(' ')).not.toMatch(/未识别|未填写/);
  await page.getByTestId('language').selectOption('zh-CN');

  expect(errors).toEqual([]);
  expect(traffic.afterLoad).toEqual([]);
  expect(served.refused).toEqual([]);
  await context.close();
}, 180000);

test('the open box: a drag lights it up, a file of another type is turned away in one message, Tab and Enter open the file dialog', async () => {
  const context = await newContext();
  const { page, traffic, errors } = await openPage(context, served.url);
  const input = inputs.find((i) => i.name === '001-word-paste');
  if (!input) throw new Error('no 001-word-paste fixture');
  const zone = page.getByTestId('drop-zone');
  const background = () => zone.evaluate((element) => getComputedStyle(element).backgroundColor);
  const resting = await background();

  // Files held over the box: it changes colour and says what letting go does; taken away, it is as it was.
  await dragFilesOver(page, 'drop-zone', [input.file]);
  await zone.getByText('松开鼠标即可打开').waitFor();
  expect(await background()).not.toBe(resting);
  await dragAway(page, 'drop-zone');
  await zone.getByText(/^把表格文件拖到这里/).waitFor();
  expect(await background()).toBe(resting);

  // A PDF dropped, then picked: one message naming it and what is read, nothing opened.
  const pdf = path.join(INPUTS, '通知.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n');
  const wrongType = '不能读取 通知.pdf：这里只读取 .xlsx、.xlsm、.xls、.xml、.htm、.html、.docx 文件。其他格式的表格请先另存为 .xlsx 再打开。';
  await dropFiles(page, 'drop-zone', [pdf]);
  await expect(zone.getByTestId('file-rejected').textContent()).resolves.toBe(wrongType);
  await shot(page, '01b-wrong-type');
  await pickWithKeyboard(page, '打开文件', [pdf]);
  await expect(page.getByTestId('file-rejected').count()).resolves.toBe(1);
  await expect(page.getByTestId('file-rejected').textContent()).resolves.toBe(wrongType);
  await page.getByTestId('start-hint').waitFor();
  expect(errors).toEqual([]);

  // The table, picked with the keyboard alone: opened, and the message is gone.
  await pickWithKeyboard(page, '打开文件', [input.file]);
  await page.getByText(`文件：${path.basename(input.file)}`).waitFor();
  await page.getByTestId('busy').waitFor({ state: 'detached' });
  await expect(page.getByTestId('file-rejected').count()).resolves.toBe(0);
  await chooseSheet(page, SHEET);
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${input.records} 项任务`);
  expect(errors).toEqual([]);
  expect(traffic.afterLoad).toEqual([]);
  await context.close();
}, 180000);

test('every seed-built workbook: open, repair and summarize, downloads readable', async () => {
  const context = await newContext();
  const { page, traffic, errors } = await openPage(context, served.url);
  for (const input of inputs) {
    await openFile(page, input.file);
    await chooseSheet(page, input.sheet);
    await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${input.records} 项任务`);
    // A newly opened file has not been repaired, whatever was repaired before it.
    await expect(page.getByTestId('download-fixed').isDisabled()).resolves.toBe(true);
    await repair(page);
    const fixed = await download(page, 'download-fixed', outputFileName(path.basename(input.file), 'fixed', 'zh-CN'));
    const book = openWorkbook(new Uint8Array(fs.readFileSync(fixed)));
    const repaired = book.sheets.find((s) => s.name.endsWith('（整理）'));
    if (!repaired) throw new Error(`${input.name}: no repaired sheet in ${book.sheets.map((s) => s.name).join(', ')}`);
    // The page wrote exactly the repaired table the engine makes of this input in Node (title lines as one cell each).
    const written = textRows(book.readSheet(repaired.name).grid.values);
    const expected = input.repaired.map((row, i) => (i < written.length && written[i].length === 1 && row.length > 1 ? [row.filter((v) => v !== '').join(' ')] : row));
    expect({ input: input.name, rows: written }).toEqual({ input: input.name, rows: expected });
    await page.getByRole('tab', { name: '校验' }).click();
    await page.getByRole('button', { name: '在表格中标出' }).click();
    // The marks may all be further down than the grid shows; the count above it says they are there.
    if (input.findings > 0) await page.locator('[data-testid="grid-info"]', { hasText: `已标出 ${input.findings} 处问题` }).waitFor();
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('chart-by-official').locator('canvas').first().waitFor();
    await download(page, 'download-summary', outputFileName(path.basename(input.file), 'summary', 'zh-CN'));
    await page.getByRole('tab', { name: '整理' }).click();
  }
  expect(errors).toEqual([]);
  expect(traffic.afterLoad).toEqual([]);
  expect(served.refused).toEqual([]);
  await context.close();
}, 300000);

test('the downloads open in openpyxl and LibreOffice', async () => {
  const workbooks = downloaded.filter((file) => file.endsWith('.xlsx'));
  expect(workbooks.length).toBeGreaterThan(inputs.length);
  const script = [
    'import json, sys, openpyxl',
    'out = {}',
    'for f in sys.argv[1:]:',
    '    wb = openpyxl.load_workbook(f)',
    '    out[f] = [ws.title for ws in wb.worksheets]',
    'print(json.dumps(out, ensure_ascii=False))',
  ].join('\n');
  const { stdout } = await run(PYTHON, ['-c', script, ...workbooks], { maxBuffer: 16 * 1024 * 1024 });
  const titles = JSON.parse(stdout) as Record<string, string[]>;
  for (const file of workbooks) expect(titles[file].length).toBeGreaterThan(0);

  const converted = path.join(WORK, 'libreoffice');
  fs.mkdirSync(converted, { recursive: true });
  await run('soffice', ['--headless', '--convert-to', 'csv', '--outdir', converted, ...workbooks], { timeout: 300000, maxBuffer: 16 * 1024 * 1024 });
  for (const file of workbooks) {
    const csv = path.join(converted, `${path.basename(file, '.xlsx')}.csv`);
    expect(fs.existsSync(csv) && fs.statSync(csv).size > 0).toBe(true);
  }
}, 400000);

test('opened from a file:// path the page works and makes no request at all', async () => {
  const context = await newContext({ width: 1280, height: 800 });
  const pageUrl = `file://${path.join(WEB_DIST, 'web', 'index.html')}`;
  const { page, traffic, errors } = await openPage(context, pageUrl);
  const input = inputs[0];
  // Dropped onto the page this time, as a user drags it from a folder.
  await dropFile(page, input.file);
  await chooseSheet(page, SHEET);
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${input.records} 项任务`);
  await repair(page);
  const fixed = await download(page, 'download-fixed', outputFileName(path.basename(input.file), 'fixed', 'zh-CN'));
  expect(openWorkbook(new Uint8Array(fs.readFileSync(fixed))).sheets.length).toBe(3);
  await shot(page, '08-file-url');
  // A Word document (the one the clerk's journey downloaded) opens as a table too.
  const word = downloaded.find((file) => file.endsWith('.docx'));
  if (!word) throw new Error('the clerk journey downloaded no Word document');
  await dropFile(page, word);
  await page.getByTestId('source-info').waitFor();
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${inputs.find((i) => i.name === '001-word-paste')?.records ?? -1} 项任务`);
  // Only the page and its script, both from the disk.
  expect(traffic.all.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  expect(traffic.afterLoad).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 180000);
