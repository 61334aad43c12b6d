/**
 * 与上期对比 on the no-install web page, in a real browser (Debian Chromium driven by playwright-core), offline: this
 * period's seed-built workbook is opened, last period's file (built from it by code, some statuses changed) is picked
 * in the summary step, the counts per official and the chart appear, and the workbook with the comparison sheets is
 * downloaded — read back by our file layer and by openpyxl (the chart included). Screenshot: web-06b-compare.png.
 *
 *   npm run test:e2e -- web-compare
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/core';
import { compareSheets, compareTables } from '../../src/core/returns';
import { openWorkbook } from '../../src/files';
import { lastPeriodOf, lastPeriodWorkbook } from '../support/lastPeriod';
import { packageCharts } from '../support/packageCharts';
import { fixtureWorkbooks, SHEET } from '../web/support';
import { ROOT, SCREENSHOT_DIR } from './support';
import { downloadOf, openFile, openWebPage, serveWebPage, type ServedWebPage } from './webPage';

const run = promisify(execFile);
const WORK = path.join(ROOT, 'test-artifacts', 'web-compare-e2e');
const PYTHON = '/usr/bin/python3';

let served: ServedWebPage;
let errors: string[] = [];

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  for (const dir of [SCREENSHOT_DIR, WORK]) fs.mkdirSync(dir, { recursive: true });
  served = await serveWebPage();
}, 600000);

afterAll(async () => {
  await served?.close();
});

async function openPage(): Promise<Page> {
  const context = await served.newContext();
  const opened = await openWebPage(context, served.url);
  errors = opened.errors;
  return opened.page;
}

test('the manager picks last period\'s file in 汇总, sees the changes per official and their chart, and downloads the comparison', async () => {
  const fixture = (await fixtureWorkbooks()).find((f) => f.name === '001-word-paste')!;
  const thisFile = path.join(WORK, '重点工作1-9月.xlsx');
  fs.writeFileSync(thisFile, fixture.bytes);
  // What the page must find: the engine on the sheet as the file layer reads it in Node.
  const current = analyze(openWorkbook(fixture.bytes).readSheet(SHEET).grid);
  const last = lastPeriodOf(current);
  const lastFile = path.join(WORK, '重点工作1-8月.xlsx');
  fs.writeFileSync(lastFile, lastPeriodWorkbook(current));
  const names = compareSheets(compareTables(last.analysis, current), 'zh-CN').map((spec) => spec.name);

  const page = await openPage();
  await openFile(page, thisFile);
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByTestId('compare-picker').setInputFiles(lastFile);
  const summary = page.getByTestId('compare-summary');
  await summary.waitFor();
  const { newlyLagging, stillLagging, recovered, completed } = last.expected;
  await expect(summary.textContent()).resolves.toBe(`新增滞后 ${newlyLagging}，持续滞后 ${stillLagging}，已恢复 ${recovered}，本期完成 ${completed}`);
  await expect(page.getByTestId('compare-total').textContent()).resolves.toBe(`合计${newlyLagging}${stillLagging}${recovered}${completed}`);
  await expect(page.getByTestId('compare-lagging').locator('li').count()).resolves.toBe(newlyLagging + stillLagging);
  // A lagging task written without a 序号 is named by its section and its place there, counted in the table as read.
  const comparison = compareTables(last.analysis, current);
  const unnumbered = comparison.tasks.find((x) => (x.change === 'newly-lagging' || x.change === 'still-lagging') && x.number === '');
  if (!unnumbered || unnumbered.section === null) throw new Error('the fixture no longer has a lagging task without a number in a section');
  const place = current.table.records.filter((r) => r.section === unnumbered.section).findIndex((r) => r.row === unnumbered.row) + 1;
  const start = unnumbered.task.split('\n')[0]!.slice(0, 10);
  await expect(page.getByTestId('compare-lagging').locator('li', { hasText: start }).textContent()).resolves.toContain(`第 ${unnumbered.section} 部分第 ${place} 项（无序号）：${start}`);
  const chart = page.getByTestId('chart-compare');
  await chart.locator('canvas').first().waitFor();
  await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, 'web-06b-compare.png'), fullPage: true });

  // The chart as a picture, named after the file.
  const png = await downloadOf(page, () => chart.getByRole('button').click());
  expect(png.suggestedFilename()).toBe('重点工作1-9月（各分管领导本期状态变化）.png');

  const event = await downloadOf(page, () => page.getByTestId('compare-write').click());
  expect(event.suggestedFilename()).toBe('重点工作1-9月（与上期对比）.xlsx');
  const saved = path.join(WORK, 'downloaded.xlsx');
  await event.saveAs(saved);
  await page.getByText(/已下载 重点工作1-9月（与上期对比）\.xlsx/).waitFor();
  const bytes = new Uint8Array(fs.readFileSync(saved));
  const book = openWorkbook(bytes);
  expect(book.sheets.map((s) => s.name)).toEqual([SHEET, ...names]);
  const byOfficial = book.readSheet(names[1]!).grid.values;
  expect(byOfficial[byOfficial.length - 1]!.slice(0, 5)).toEqual(['合计', newlyLagging, stillLagging, recovered, completed]);
  expect(packageCharts(bytes, names[1]!)).toEqual([{ title: '各分管领导本期状态变化', series: 4 }]);
  // An independent reader: openpyxl opens it, finds the rows and the chart.
  const script = 'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames); ws = wb[sys.argv[2]]; print(ws.max_row, len(ws._charts))';
  const { stdout } = await run(PYTHON, ['-c', script, saved, names[1]!]);
  const [sheetsLine, countsLine] = stdout.trim().split('\n');
  for (const name of [SHEET, ...names]) expect(sheetsLine).toContain(name);
  expect(countsLine).toBe(`${byOfficial.length} 1`);
  // The sheet picker shows the sheets the page wrote.
  await expect(page.getByTestId('sheet-picker').locator('option').allTextContents()).resolves.toEqual([SHEET, ...names]);

  expect(served.refused).toEqual([]);
  expect(errors).toEqual([]);
}, 300000);
