/**
 * The web page's 合并报送 step in a real browser (Debian Chromium driven by playwright-core), offline: the clerk opens
 * the master (a seed-built workbook), picks the units' returns at once (exceljs and SheetJS workbooks, a bad file, an
 * encrypted one) and drops a Word return onto the step, sees the silent unit named and what will change, applies (as
 * 整理 does: into the page's workbook, then read) and sees 汇总 count the merged statuses, then downloads the workbook.
 * The download is checked with our file layer (every returned progress text on its task) and opened with openpyxl.
 * Any request that leaves the local server fails the test.
 * Screenshot: test-artifacts/screenshots/web-07-merge-returns.png.
 *
 *   npm run test:e2e -- web-returns
 */
import { execFile } from 'child_process';
import { unzipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/core';
import { openWorkbook } from '../../src/files';
import { SHEET } from '../web/support';
import { webRound, type WebRound } from '../web/returnsRound';
import { ROOT, SCREENSHOT_DIR } from './support';
import { dragAway, dragFilesOver, dropFiles, openFile, openWebPage, pickWithKeyboard, serveWebPage, type ServedWebPage } from './webPage';

const run = promisify(execFile);
const WORK = path.join(ROOT, 'test-artifacts', 'web-returns-e2e');
const PYTHON = '/usr/bin/python3';

let served: ServedWebPage;
let round: WebRound;
const written = new Map<string, string>();

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  round = await webRound();
  for (const file of [round.master, ...round.returns, ...round.bad]) {
    const target = path.join(WORK, file.name);
    fs.writeFileSync(target, file.bytes);
    written.set(file.name, target);
  }
  served = await serveWebPage();
}, 600000);

afterAll(async () => {
  await served?.close();
});

const pathOf = (name: string): string => {
  const file = written.get(name);
  if (!file) throw new Error(`${name} was not written`);
  return file;
};

/** The master opened on the page, its table's sheet chosen and read. */
async function openMaster(page: Page): Promise<void> {
  await openFile(page, pathOf(round.master.name));
  await page.getByTestId('sheet-picker').selectOption(SHEET);
  await page.getByTestId('busy').waitFor({ state: 'detached' });
  await page.getByTestId('source-info').waitFor();
}

test('合并报送: open the master, add the returns, see who is silent, apply into the workbook, 汇总 the merged table, download it', async () => {
  const context = await served.newContext();
  const { page, errors } = await openWebPage(context, served.url);
  page.setDefaultTimeout(60000);

  await openMaster(page);

  await page.getByRole('tab', { name: '合并报送' }).click();
  // The step reads as two sections: sending the forms out, then merging what comes back.
  await expect(page.getByTestId('merge-step').getByRole('heading').allTextContents()).resolves.toEqual(['发出报送表', '合并各单位报送']);
  // 发出报送表 first: every unit's form, made in the worker, as one zip.
  const [forms] = await Promise.all([page.waitForEvent('download'), page.getByTestId('split-run').click()]);
  expect(forms.suggestedFilename()).toMatch(/^报送-.*\.zip$/);
  const zip = path.join(WORK, `downloaded-${forms.suggestedFilename()}`);
  await forms.saveAs(zip);
  await page.getByTestId('split-done').waitFor();
  const sentOut = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip))));
  expect(sentOut.some((name) => name.startsWith(round.silent))).toBe(true);
  await expect(page.getByTestId('split-done').textContent()).resolves.toContain(`${sentOut.length} 个文件`);
  // Three workbooks and the bad files through the picker at once; the Word return dropped onto the step.
  const word = round.returns.find((r) => r.name.endsWith('.docx'));
  if (!word) throw new Error('the round has no Word return');
  const picked = [...round.returns.filter((r) => r !== word), ...round.bad].map((r) => pathOf(r.name));
  await page.getByTestId('merge-picker').setInputFiles(picked);
  await page.getByTestId('merge-preview').waitFor();
  await page.getByTestId('merge-busy').waitFor({ state: 'detached' });
  await expect(page.getByTestId('merge-unreadable').count()).resolves.toBe(round.bad.length);
  for (const bad of round.bad) await page.getByTestId('merge-unreadable').filter({ hasText: bad.name }).waitFor();
  await dropFiles(page, 'merge-drop', [pathOf(word.name)]);
  await page.getByTestId('merge-files').getByText(word.name).waitFor();
  await page.getByTestId('merge-busy').waitFor({ state: 'detached' });
  // The drop added a return; it did not open the Word file as the master.
  await page.getByText(`文件：${round.master.name}`).waitFor();
  await expect(page.getByTestId('merge-files').getByRole('listitem').count()).resolves.toBe(round.returns.length);

  // Who answered, who did not, what will change, the disagreement on its task.
  await expect(page.getByTestId('merge-silent').textContent()).resolves.toContain(round.silent);
  for (const unit of ['市委政法委', '市公安局', '市编办', '市文广新局']) await expect(page.getByTestId('merge-answered').textContent()).resolves.toContain(unit);
  await expect(page.getByTestId('merge-conflict').first().textContent()).resolves.toMatch(/报送不一致：市委政法委“[^”]+”、市公安局/);
  await expect(page.getByTestId('merge-findings').textContent()).resolves.not.toMatch(/returns\.[a-z-]+/);
  // The whole step from the top of the page (the split, the returns, who answered): a tall window for this one.
  await page.setViewportSize({ width: 1400, height: 1700 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, 'web-07-merge-returns.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });

  // The changes and the findings before applying, the changes in English too (test-artifacts only: for reviewing the layout).
  for (const [part, name] of [['merge-changes', '07b-merge-changes'], ['merge-findings', '07c-merge-findings']]) {
    await page.getByTestId(part).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, `web-${name}.png`) });
  }
  await page.getByTestId('language').selectOption('en-US');
  await page.getByRole('heading', { name: "Merge the units' returns" }).waitFor();
  await page.getByTestId('merge-changes').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, 'web-07d-merge-english.png') });
  await page.getByTestId('language').selectOption('zh-CN');

  // Apply as 整理 applies: a new sheet with its change log and the merge's sheets, in the page's workbook; then read.
  const mergedSheet = `${SHEET}（整理）`;
  await page.getByTestId('merge-apply').click();
  await page.getByTestId('merge-message').filter({ hasText: `已合并到新工作表“${mergedSheet}”` }).waitFor();
  await expect(page.getByTestId('merge-message').textContent()).resolves.toContain('整理记录');
  // The merged table is read: the grid shows its sheet.
  await page.locator('[data-testid="sheet-picker"]:not([disabled])').waitFor();
  await expect(page.getByTestId('sheet-picker').inputValue()).resolves.toBe(mergedSheet);

  // The workbook as it stands, named after the master, from the step's download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('merge-download').click()]);
  expect(download.suggestedFilename()).toBe('2018年重点工作1-9月（合并后）.xlsx');
  const merged = path.join(WORK, `downloaded-${download.suggestedFilename()}`);
  await download.saveAs(merged);
  const book = openWorkbook(new Uint8Array(fs.readFileSync(merged)));
  const sheets = ['说明', SHEET, '隐藏', mergedSheet, '整理记录', '合并后', '合并记录', '报送情况', '合并问题'];
  expect(book.sheets.map((s) => s.name)).toEqual(sheets);

  // 汇总 counts the merged statuses (those of the merged sheet), not the master's as it was.
  const master = analyze(openWorkbook(round.master.bytes).readSheet(SHEET).grid);
  const after = analyze(book.readSheet(mergedSheet).grid).summary;
  const overall = (summary: typeof after) => `共 ${summary.total} 项，按进度 ${summary.onSchedule} 项`;
  expect(overall(after)).not.toBe(overall(master.summary));
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByTestId('summary-overall').filter({ hasText: overall(after) }).waitFor();
  await expect(page.getByTestId('summary-overall').textContent()).resolves.toContain(`滞后 ${after.lagging.length} 项`);
  // Back on the step: the download is still offered, and the same returns placed on the merged table change nothing
  // more, so 应用合并 is off and a second click cannot stack another merge.
  await page.getByRole('tab', { name: '合并报送' }).click();
  await page.getByTestId('merge-download').waitFor();
  await page.getByTestId('merge-preview').waitFor();
  await expect(page.getByTestId('merge-apply').isEnabled()).resolves.toBe(false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, 'web-07e-merge-applied.png') });

  // The file layer: the original sheet kept, every returned progress text on its task in the merged sheet and in 合并后.
  expect(book.readSheet(SHEET).grid.values).toEqual(openWorkbook(round.master.bytes).readSheet(SHEET).grid.values);
  const progress = master.table.header.columns.find((c) => c.field === 'progress')?.column ?? -1;
  const values = book.readSheet('合并后').grid.values;
  const records = analyze(book.readSheet(mergedSheet).grid).table.records;
  expect(records.map((r) => r.task)).toEqual(master.table.records.map((r) => r.task));
  for (const f of round.filled) {
    const outputRow = master.plan.rowMap.find((m) => m.row === f.row)?.outputRow ?? 0;
    expect({ unit: f.unit, row: f.row, text: String(values[outputRow - 1]?.[progress] ?? '') }).toEqual({ unit: f.unit, row: f.row, text: expect.stringContaining(f.progress) });
    const record = records[master.table.records.findIndex((r) => f.row >= r.row && f.row < r.row + r.rows)];
    expect({ unit: f.unit, row: f.row, text: record?.progress ?? '' }).toEqual({ unit: f.unit, row: f.row, text: expect.stringContaining(f.progress) });
  }

  // openpyxl opens it: the sheets, and each returned text somewhere in 合并后.
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'texts = [str(c.value) for name in ("合并后", sys.argv[2]) for row in wb[name].iter_rows() for c in row if c.value is not None]',
    'print(json.dumps({"sheets": wb.sheetnames, "texts": texts}, ensure_ascii=False))',
  ].join('\n');
  const { stdout } = await run(PYTHON, ['-c', script, merged, mergedSheet], { maxBuffer: 64 * 1024 * 1024 });
  const read = JSON.parse(stdout) as { sheets: string[]; texts: string[] };
  expect(read.sheets).toEqual(sheets);
  for (const f of round.filled) expect(read.texts.filter((t) => t.includes(f.progress)).length).toBeGreaterThanOrEqual(2);

  expect(errors).toEqual([]);
  expect(served.refused).toEqual([]);
  await context.close();
}, 300000);

test('取消 while the returns are read stops between files: those read so far are kept, the master stays read', async () => {
  const context = await served.newContext();
  const { page } = await openWebPage(context, served.url);
  page.setDefaultTimeout(60000);
  await openMaster(page);
  await page.getByRole('tab', { name: '合并报送' }).click();
  // A folder of many returns (the same unit's, under other names): long enough to be stopped half way.
  const many = Array.from({ length: 120 }, (_, i) => ({ name: `市编办-第${i + 1}份.xlsx`, mimeType: 'application/octet-stream', buffer: Buffer.from(round.returns[2].bytes) }));
  await page.getByTestId('merge-picker').setInputFiles(many);
  await page.getByTestId('merge-busy').getByRole('button', { name: '取消' }).click();
  await page.getByTestId('merge-message').filter({ hasText: '已取消' }).waitFor();
  const kept = await page.getByTestId('merge-files').getByRole('listitem').count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(many.length);
  await expect(page.getByTestId('merge-message').textContent()).resolves.toContain(`已读取的 ${kept} 份报送仍保留`);
  // The master was not lost: the preview is there and the merge can still be applied.
  await page.getByTestId('merge-preview').waitFor();
  await expect(page.getByTestId('merge-apply').isEnabled()).resolves.toBe(true);
  expect(served.refused).toEqual([]);
  await context.close();
}, 300000);

test('the returns box works as the open box does: a drag lights it up (not the page\'s), Tab and Enter pick, another type is turned away', async () => {
  const context = await served.newContext();
  const { page, errors } = await openWebPage(context, served.url);
  page.setDefaultTimeout(60000);
  await openMaster(page);
  await page.getByRole('tab', { name: '合并报送' }).click();
  const zone = page.getByTestId('merge-drop');
  const background = (testId: string) => page.getByTestId(testId).evaluate((element) => getComputedStyle(element).backgroundColor);
  const resting = { returns: await background('merge-drop'), page: await background('drop-zone') };

  // Returns held over the box light it up and say they will be added; the page's open box stays as it is.
  const first = round.returns[0]!;
  await dragFilesOver(page, 'merge-drop', [pathOf(first.name)]);
  await zone.getByText('松开鼠标即可添加报送').waitFor();
  expect(await background('merge-drop')).not.toBe(resting.returns);
  expect(await background('drop-zone')).toBe(resting.page);
  await dragAway(page, 'merge-drop');
  await zone.getByText('把报送文件拖到这里（可一次拖入多个）').waitFor();
  expect(await background('merge-drop')).toBe(resting.returns);

  // A text file among the returns: the same one message as the open box; the good return is added, the master stays.
  const note = path.join(WORK, '回复说明.txt');
  fs.writeFileSync(note, '本单位已报送。');
  await dropFiles(page, 'merge-drop', [note, pathOf(first.name)]);
  await expect(zone.getByTestId('file-rejected').textContent()).resolves.toBe('不能读取 回复说明.txt：这里只读取 .xlsx、.xlsm、.xls、.xml、.htm、.html、.docx 文件。其他格式的表格请先另存为 .xlsx 再打开。');
  await page.getByTestId('merge-files').getByText(first.name).waitFor();
  await page.getByTestId('merge-busy').waitFor({ state: 'detached' });
  await expect(page.getByTestId('merge-unreadable').count()).resolves.toBe(0);
  await page.getByText(`文件：${round.master.name}`).waitFor();

  // The keyboard alone: Tab to 选择报送文件…, Enter, pick two more; the message of the wrong file goes.
  const more = round.returns.slice(1, 3).map((r) => pathOf(r.name));
  await pickWithKeyboard(page, '选择报送文件…', more);
  await page.getByTestId('merge-busy').waitFor({ state: 'detached' });
  await expect(page.getByTestId('merge-files').getByRole('listitem').count()).resolves.toBe(3);
  await expect(zone.getByTestId('file-rejected').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  expect(served.refused).toEqual([]);
  await context.close();
}, 300000);
