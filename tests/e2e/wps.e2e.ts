/**
 * The WPS task pane in a real browser (Debian Chromium driven by playwright-core), with `window.Application` provided
 * by the in-memory WPS preloaded with seed-built workbooks. Three journeys, each opened as the ribbon opens the pane:
 * a clerk's 整理 → apply, a reviewer's 校验 with marks on and off, a manager's 汇总. The pane is ~350 px wide, as WPS
 * docks it; screenshots go to test-artifacts/screenshots/wps-*.png.
 *
 *   npm run test:e2e
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core';
import { renderPdfConversion, renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { compareSheets, compareTables } from '../../src/core/returns';
import { gridAddress } from '../host-contract/contract';
import { lastPeriodOf, lastPeriodWorkbook } from '../support/lastPeriod';
import { buildHarness, HARNESS_DIR, launchChromium, SCREENSHOT_DIR, serve, settle, shownText, sidewaysOverflow, type StaticServer } from './support';
import type { WpsHarnessFixture } from './wpsHarness';

const SHEET = '重点工作';
const clerkGrid = renderWordPaste(loadSeed('001')).grid;
const reviewGrid = renderPdfConversion(loadSeed('000')).grid;
// The clerk clicks a merged section heading: WPS selects the whole merged area, and the pane reads the whole table.
const section = clerkGrid.merges.find((m) => m.rowCount === 1 && m.columnCount === clerkGrid.values[0]!.length && m.row > 2)!;
const fixtures: Record<string, WpsHarnessFixture> = {
  clerk: { grid: clerkGrid, sheet: SHEET, select: `B${clerkGrid.origin.row + section.row}` },
  review: { grid: reviewGrid, sheet: SHEET, select: 'B3' },
};
const WIDTH = 350;

let server: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

interface BookState {
  sheets: string[];
  filled: number;
  comments: number;
}

function bookState(page: Page): Promise<BookState> {
  return page.evaluate((sheet) => {
    const book = window.e2eWpsBook;
    if (!book) throw new Error('no e2eWpsBook');
    const source = book.sheets.find((s) => s.name === sheet);
    let filled = 0;
    let comments = 0;
    for (const cell of source?.cells.values() ?? []) {
      if (cell.color !== null) filled += 1;
      if (cell.comment !== null) comments += 1;
    }
    return { sheets: book.sheets.filter((s) => s.visible === -1).map((s) => s.name), filled, comments };
  }, SHEET);
}

/** The ribbon's button as WPS's ribbon script presses it: the step goes into PluginStorage, the open pane follows. */
async function pressRibbon(page: Page, step: string): Promise<void> {
  await page.evaluate((asked) => {
    (window as unknown as { Application: { PluginStorage: { setItem(k: string, v: unknown): void } } }).Application.PluginStorage.setItem('report-tables.step', `${asked}@${Date.now()}`);
  }, step);
}

async function openPane(fixture: string, step: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  // Nothing leaves the machine.
  await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(20000);
  await page.goto(`${server.url}wps-taskpane.html?fixture=${fixture}&step=${step}`);
  await page.getByRole('heading', { name: '报表整理' }).waitFor();
  return page;
}

async function selectedTab(page: Page): Promise<string | null> {
  return page.getByRole('tab', { selected: true }).first().textContent();
}

/** Nothing wider than the pane, and no English words on the Chinese pane (rule ids, cell addresses and "WPS" aside). */
async function expectFitsInChinese(page: Page): Promise<void> {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const text = await shownText(page);
  const words = (text.match(/[A-Za-z][A-Za-z.\-_]{2,}/g) ?? []).filter((word) => !/^(WPS|JSON|Word|report-tables|export)$/.test(word) && !/^[a-z]+\.[a-z.-]+$/.test(word));
  expect(words).toEqual([]);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, `wps-${name}.png`), fullPage });
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await buildHarness();
  server = await serve(HARNESS_DIR, Object.fromEntries(Object.entries(fixtures).map(([name, fixture]) => [`${name}.json`, JSON.stringify(fixture)])));
  browser = await launchChromium();
}, 600000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('clerk: a click on a merged section heading, 整理 reads the whole pasted table in WPS, 应用整理 writes the repaired sheet beside it', async () => {
  const page = await openPane('clerk', 'repair');
  const expected = analyze(clerkGrid);
  expect(await selectedTab(page)).toBe('整理');
  await expect(page.getByTestId('not-in-excel').count()).resolves.toBe(0);
  await shot(page, '01-clerk-start');
  await page.getByRole('button', { name: '读取选区并分析' }).click();
  const info = page.getByTestId('source-info');
  await info.waitFor();
  await expect(info.textContent()).resolves.toContain(`${expected.table.records.length} 项任务`);
  await expect(info.textContent()).resolves.toContain(`${SHEET}!${gridAddress(clerkGrid)}`);
  await expectFitsInChinese(page);
  // 写入新工作表 is the choice on screen too: its dot is drawn.
  const dots = () => page.getByRole('radio').evaluateAll((inputs) =>
    inputs.map((input) => {
      const indicator = input.parentElement?.querySelector('.fui-Radio__indicator');
      const after = indicator ? getComputedStyle(indicator, '::after') : null;
      return `${(input as HTMLInputElement).checked}|${after ? `${after.content}|${after.width}|${after.backgroundColor}` : ''}`;
    }),
  );
  const [chosen, other] = await dots();
  expect(chosen.startsWith('true|')).toBe(true);
  expect(chosen.slice('true|'.length)).not.toBe(other.slice('false|'.length));
  await shot(page, '02-clerk-preview');
  const before = await bookState(page);
  await page.getByRole('button', { name: '应用整理' }).click();
  await page.getByText(/已写入工作表/).first().waitFor();
  const after = await bookState(page);
  const added = after.sheets.filter((name) => !before.sheets.includes(name));
  expect(added).toHaveLength(2); // the repaired sheet and the change log
  expect(after.sheets).toContain(SHEET);
  await expectFitsInChinese(page);
  await shot(page, '03-clerk-applied');
  await page.context().close();
});

test('reviewer: 校验 from the ribbon finds the problems, marks them in the sheet and clears them', async () => {
  const page = await openPane('review', 'repair');
  await pressRibbon(page, 'check');
  expect(await settle(() => selectedTab(page), '校验')).toBe('校验');
  const expected = analyze(reviewGrid);
  await page.getByRole('button', { name: /读取选区并分析|校验选区/ }).first().click();
  const counts = page.getByTestId('check-counts');
  await counts.waitFor();
  await expect(counts.textContent()).resolves.toContain(`共 ${expected.findings.length} 个问题`);
  await expectFitsInChinese(page);
  await shot(page, '04-reviewer-findings');
  await page.getByRole('button', { name: '在表中标出' }).click();
  await page.getByText(/已在表中标出/).first().waitFor();
  const marked = await bookState(page);
  expect(marked.filled).toBeGreaterThan(0);
  expect(marked.comments).toBeGreaterThan(0);
  await shot(page, '05-reviewer-marked');
  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText('已清除标记。').first().waitFor();
  const cleared = await bookState(page);
  expect([cleared.filled, cleared.comments]).toEqual([0, 0]);
  await page.context().close();
});

test('manager: 汇总 from the ribbon writes the summary sheets', async () => {
  const page = await openPane('review', 'repair');
  await pressRibbon(page, 'summary');
  expect(await settle(() => selectedTab(page), '汇总')).toBe('汇总');
  await page.getByRole('button', { name: '读取选区并分析' }).first().click();
  const table = page.getByTestId('summary-table');
  await table.waitFor();
  const expected = analyze(reviewGrid);
  await expect(table.locator('tr').count()).resolves.toBe(expected.summary.byOfficial.length + 2);
  await page.getByRole('button', { name: '生成汇总表' }).click();
  await page.getByText(/已写入汇总表/).first().waitFor();
  const state = await bookState(page);
  expect(state.sheets).toEqual(expect.arrayContaining(['按分管领导汇总', '滞后事项清单']));
  await expectFitsInChinese(page);
  await shot(page, '06-manager-summary');
  await pressRibbon(page, 'settings');
  expect(await settle(() => selectedTab(page), '设置')).toBe('设置');
  await shot(page, '07-settings', false); // the unit list is long: the first screen is what a user sees
  await page.context().close();
});

test('manager: 与上期对比 in WPS — last period picked in the pane, comparison sheets written, the chart drawn in the pane', async () => {
  const page = await openPane('clerk', 'repair');
  await pressRibbon(page, 'summary');
  expect(await settle(() => selectedTab(page), '汇总')).toBe('汇总');
  await page.getByRole('button', { name: '读取选区并分析' }).first().click();
  await page.getByTestId('summary-table').waitFor();
  const current = analyze(clerkGrid);
  const last = lastPeriodOf(current);
  const comparison = compareTables(last.analysis, current);
  await page.getByTestId('compare-picker').setInputFiles({
    name: '重点工作1-8月.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(lastPeriodWorkbook(current)),
  });
  const { newlyLagging, stillLagging, recovered, completed } = last.expected;
  await expect(page.getByTestId('compare-summary').textContent()).resolves.toBe(`新增滞后 ${newlyLagging}，持续滞后 ${stillLagging}，已恢复 ${recovered}，本期完成 ${completed}`);
  // WPS writes no native chart: one bar per official with a change is drawn in the pane instead.
  const officials = comparison.byOfficial.filter((o) => o.counts['newly-lagging'] + o.counts['still-lagging'] + o.counts.recovered + o.counts.completed > 0);
  await expect(page.getByTestId('compare-bars').getByRole('img').count()).resolves.toBe(officials.length);
  await page.getByRole('button', { name: '写入对比表' }).click();
  await page.getByText(/已写入对比表/).first().waitFor();
  const state = await bookState(page);
  expect(state.sheets).toEqual(expect.arrayContaining(compareSheets(comparison, 'zh-CN').map((spec) => spec.name)));
  // Fits the pane's width (the Chinese-only check would trip over the file name it shows, 重点工作1-8月.xlsx).
  await expect(sidewaysOverflow(page)).resolves.toBeLessThanOrEqual(0);
  await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
  await shot(page, '06b-compare');
  await page.context().close();
});

test('no script errors on the pane', () => {
  expect(pageErrors).toEqual([]);
});
