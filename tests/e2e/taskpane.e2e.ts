/**
 * The taskpane in a real browser (Debian Chromium driven by playwright-core), against the in-memory Excel preloaded
 * with seed 001 as a Word paste leaves it. A clerk's path: read + repair, check + go to a finding + mark, summarize,
 * settings, the language switch, and the pane opened outside Excel. Screenshots go to test-artifacts/screenshots/.
 *
 *   bash scripts/install-chromium.sh   (once, as root)
 *   npm run test:e2e
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze, ruleCatalog } from '../../src/core';
import { groupFindings } from '../../taskpane/findings';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import type { HarnessFixture } from './harness';
import { buildHarness, CHROMIUM, HARNESS_DIR, SCREENSHOT_DIR, serve, type StaticServer } from './support';

const SHEET = '重点工作';
const grid = renderWordPaste(loadSeed('001')).grid;
const expected = analyze(grid);
const fixture: HarnessFixture = { grid, sheet: SHEET, displayLanguage: 'zh-CN' };

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

interface BookState {
  sheetNames: string[];
  selection: { sheet: string; row: number; column: number; rowCount: number; columnCount: number } | null;
  filledCells: number;
}

function bookState(): Promise<BookState> {
  return page.evaluate((sheet) => {
    const book = window.e2eBook;
    if (!book) throw new Error('no e2eBook');
    const selection = book.selection;
    const source = book.sheets.find((s) => s.name === sheet);
    let filledCells = 0;
    for (const cell of source?.cells.values() ?? []) if (cell.fill !== null && cell.fill.toUpperCase() !== '#FFFFFF') filledCells += 1;
    return {
      sheetNames: book.sheets.filter((s) => !s.deleted).map((s) => s.name),
      selection: selection ? { sheet: selection.sheet.name, ...selection.rect } : null,
      filledCells,
    };
  }, SHEET);
}

function fullRange(): string {
  const width = Math.max(...grid.values.map((row) => row.length));
  return `${a1(grid.origin.row - 1, grid.origin.column - 1)}:${a1(grid.origin.row - 1 + grid.values.length - 1, grid.origin.column - 1 + width - 1)}`;
}

function a1(row0: number, column0: number): string {
  let n = column0 + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row0 + 1}`;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function notice(text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible' });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh as root first`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await buildHarness();
  server = await serve(HARNESS_DIR, { 'fixture.json': JSON.stringify(fixture) });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 380, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  // Nothing leaves the machine: office.js comes from Microsoft's CDN in production; here the in-memory Excel stands in.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
  );
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(20000);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('opens in Excel in Chinese with the three jobs and settings', async () => {
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole('heading', { name: '报表整理' }).waitFor();
  for (const tab of ['整理', '校验', '汇总', '设置']) await expect(page.getByRole('tab', { name: tab }).isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('not-in-excel').count()).resolves.toBe(0);
  await shot('01-start');
});

test('repair: reads the selection, previews the changes, writes a new sheet', async () => {
  await page.getByRole('button', { name: '读取选区并分析' }).click();
  const info = page.getByTestId('source-info');
  await info.waitFor();
  await expect(info.textContent()).resolves.toContain(`${expected.table.records.length} 项任务`);
  await expect(info.textContent()).resolves.toContain(SHEET);
  await page.getByRole('button', { name: /合并的行/ }).click();
  await page.getByText(/\d+ 行合并为 \d+ 行/).waitFor();
  await shot('02-repair-preview');
  const collapsed = expected.plan.changes.filter((c) => c.op === 'collapse-rows').length;
  await expect(page.getByRole('button', { name: /合并的行/ }).textContent()).resolves.toContain(String(collapsed));

  const before = await bookState();
  await page.getByRole('button', { name: '应用整理' }).click();
  await notice(/已写入工作表/);
  const after = await bookState();
  const added = after.sheetNames.filter((name) => !before.sheetNames.includes(name));
  expect(added.length).toBeGreaterThanOrEqual(1);
  expect(after.sheetNames).toContain(SHEET); // the original stays
  await shot('03-repair-applied');
});

test('check: findings grouped by rule; a finding selects its cell; marks go on and off', async () => {
  await openTab('校验');
  const counts = page.getByTestId('check-counts');
  await counts.waitFor();
  await expect(counts.textContent()).resolves.toContain(`共 ${expected.findings.length} 个问题`);
  const groups = groupFindings(expected.findings);
  expect(groups.length).toBeGreaterThan(0);
  const first = groups[0];
  const title = ruleCatalog().find((r) => r.id === first.rule)?.description['zh-CN'] ?? first.rule;
  await page.getByRole('button', { name: new RegExp(escapeRegExp(title)) }).click();
  const target = first.findings[0];
  const label = target.cell ?? `第 ${target.row} 行`;
  await page.getByText(first.rule, { exact: true }).waitFor();
  await shot('04-check-findings');

  await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) }).first().click();
  const want = `${SHEET}!${target.cell ?? a1(target.row - 1, grid.origin.column - 1)}`;
  const selected = await settle(async () => {
    const state = await bookState();
    return state.selection ? `${state.selection.sheet}!${a1(state.selection.row, state.selection.column)}` : null;
  }, want);
  expect(selected).toBe(want);

  await page.getByRole('button', { name: '在表中标出' }).click();
  await notice(/已在表中标出/);
  expect((await bookState()).filledCells).toBeGreaterThan(0);
  await shot('05-check-highlighted');
  await page.getByRole('button', { name: '清除标记' }).click();
  await notice('已清除标记。');
  expect((await bookState()).filledCells).toBe(0);
});

test('summary: writes the summary sheets and shows the table by official', async () => {
  await openTab('汇总');
  const table = page.getByTestId('summary-table');
  await table.waitFor();
  // header row + one row per official + the total row
  await expect(table.locator('tr').count()).resolves.toBe(expected.summary.byOfficial.length + 2);
  await page.getByRole('button', { name: '生成汇总表' }).click();
  await notice(/已写入汇总表/);
  const state = await bookState();
  expect(state.sheetNames).toEqual(expect.arrayContaining(['按分管领导汇总', '滞后事项清单']));
  await shot('06-summary');
});

test('settings: lists and JSON, problems shown with their path, saved to the workbook', async () => {
  await openTab('设置');
  await page.getByRole('textbox', { name: '单位名称 2', exact: true }).waitFor();
  await shot('07-settings-lists');
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: '设置（JSON）' });
  await editor.fill(JSON.stringify({ vocabulary: [{ status: '完成' }, { status: '已完成', synonyms: ['完成'] }] }));
  await page.getByRole('button', { name: '检查' }).click();
  await notice(/设置有 1 处问题/);
  await expect(page.getByText(/^vocabulary: /).count()).resolves.toBeGreaterThan(0);
  await shot('08-settings-invalid');
  await editor.fill(JSON.stringify({ units: [{ name: '市财政局' }, { name: '市发展改革局', aliases: ['市发改局'] }] }));
  await page.getByRole('button', { name: '保存到工作簿' }).click();
  await notice('设置已保存到工作簿。');
});

test('switches to English', async () => {
  await page.getByRole('combobox', { name: '语言' }).selectOption('en-US');
  await page.getByRole('tab', { name: 'Repair' }).click();
  await page.getByRole('heading', { name: 'Report tables' }).waitFor();
  // The finding clicked earlier left one cell selected: not a table, and the pane says so in English.
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByRole('alert').waitFor();
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^[A-Za-z]/);
  await shot('09-english-error');
  await page.evaluate(({ sheet, range }) => window.e2eBook?.select(sheet, range), { sheet: SHEET, range: fullRange() });
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByTestId('source-info').waitFor();
  await expect(page.getByTestId('source-info').textContent()).resolves.toMatch(/^Read /);
  await shot('10-english');
});

test('repair in place keeps a backup, and the repaired table reads back as tidy', async () => {
  const before = await bookState();
  await page.getByRole('radio', { name: /In place/ }).check();
  await page.getByRole('button', { name: 'Apply repair' }).click();
  await notice(/Written to sheet/);
  const after = await bookState();
  expect(after.sheetNames).toContain(SHEET);
  // the backup sits next to the original, named after it
  const added = after.sheetNames.filter((name) => !before.sheetNames.includes(name));
  expect(added.filter((name) => name.startsWith(SHEET))).toHaveLength(1);
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByTestId('source-info').waitFor();
  await page.getByText('The table is already tidy: nothing to repair.').waitFor();
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${expected.table.records.length} tasks`);
  await shot('11-in-place-reread');
});

test('outside Excel it still renders, with a notice', async () => {
  const outside = await page.context().newPage();
  outside.on('pageerror', (error) => pageErrors.push(error.message));
  await outside.goto(`${server.url}taskpane.html?outside=1&lang=zh-CN`);
  await outside.evaluate(() => window.localStorage.removeItem('report-tables.lang'));
  await outside.reload();
  await outside.getByTestId('not-in-excel').waitFor();
  await expect(outside.getByTestId('not-in-excel').textContent()).resolves.toContain('需要在 Excel 中运行');
  await outside.screenshot({ path: path.join(SCREENSHOT_DIR, '12-outside-excel.png'), fullPage: true });
  await outside.close();
});

test('no script errors on the page', () => {
  expect(pageErrors).toEqual([]);
});

/** Reads until the value is `want` (the pane works asynchronously) or a few seconds pass; returns the last read. */
async function settle<T>(read: () => Promise<T>, want: T): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && value !== want; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
