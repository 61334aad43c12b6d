/**
 * The taskpane in a real browser (Debian Chromium driven by playwright-core) at the width Excel opens task panes (350 px),
 * against the in-memory Excel preloaded with seed-built workbooks. Three user journeys: the clerk (clicks a merged section
 * cell, 整理, 应用整理), the reviewer (校验 with findings, go to one, mark and clear), the manager (汇总: chart and table, the
 * summary sheets). Then settings, English, in place, outside Excel, and office.js with Microsoft's CDN blocked. Every
 * screenshot goes to test-artifacts/screenshots/ and each Chinese screen is checked for English words and rule ids.
 *
 *   bash scripts/install-chromium.sh   (once, as root)
 *   npm run test:e2e
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { HU_TAI_SECTION, ZHANG_SECTION, bucketsTable, noOfficialSection } from '../fixtures/summaryBuckets';
import { analyze, ruleCatalog } from '../../src/core';
import { DOCX_SHEET_NAME, openDocx } from '../../src/files/docx';
import { GROUP_LIMIT } from '../../taskpane/components/CheckPanel';
import { groupFindings } from '../../taskpane/findings';
import { OFFICE_CDN_URL } from '../../taskpane/officeLoader';
import { renderPdfConversion, renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { compareSheets, compareTables } from '../../src/core/returns';
import { lastPeriodOf, lastPeriodWorkbook } from '../support/lastPeriod';
import type { HarnessFixture } from './harness';
import { buildHarness, HARNESS_DIR, launchChromium, SCREENSHOT_DIR, serve, settle, shownText, sidewaysOverflow, type StaticServer } from './support';

const SHEET = '重点工作';
const PANE_WIDTH = 350;
const grid = renderWordPaste(loadSeed('001')).grid;
const expected = analyze(grid);
/** The clerk clicks C4, inside the merged section row A4:F4 (一、胡钛同志分管工作…): Excel selects the whole merged cell. */
const fixture: HarnessFixture = { grid, sheet: SHEET, displayLanguage: 'zh-CN', select: 'C4' };
/** The reviewer's workbook: the PDF-conversion rendering of seed 000 (repeated headers, page numbers, split records). */
const reviewerGrid = renderPdfConversion(loadSeed('000')).grid;
const reviewerFixture: HarnessFixture = { grid: reviewerGrid, sheet: '进展', displayLanguage: 'zh-CN', select: 'B6' };
const reviewerExpected = analyze(reviewerGrid);
/**
 * A manager whose Excel is in English: one task per status the summary can show, each under its own official so the
 * table is as wide as a real one, and two the summary names itself: an empty progress cell (未填写) and a first line
 * that is no known status (未识别). The last section names no official: the summary groups its task as 未标明分管领导.
 */
const englishGrid = bucketsTable(HU_TAI_SECTION, ZHANG_SECTION, noOfficialSection('三', '6'));
const englishFixture: HarnessFixture = { grid: englishGrid, sheet: 'Tasks', displayLanguage: 'en-US', select: 'A1:E10' };

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const officeRequests: string[] = [];

interface BookState {
  sheetNames: string[];
  selection: { sheet: string; row: number; column: number; rowCount: number; columnCount: number } | null;
  filledCells: number;
}

function bookState(on: Page = page, sheet = SHEET): Promise<BookState> {
  return on.evaluate((name) => {
    const book = window.e2eBook;
    if (!book) throw new Error('no e2eBook');
    const selection = book.selection;
    const source = book.sheets.find((s) => s.name === name);
    let filledCells = 0;
    for (const cell of source?.cells.values() ?? []) if (cell.fill !== null && cell.fill.toUpperCase() !== '#FFFFFF') filledCells += 1;
    return {
      sheetNames: book.sheets.filter((s) => !s.deleted).map((s) => s.name),
      selection: selection ? { sheet: selection.sheet.name, ...selection.rect } : null,
      filledCells,
    };
  }, sheet);
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

/** Words a Chinese screen may show in Latin letters: product names and the language switch. */
// 'office' is for office.js, the script's own name, which the IT staff helping a clerk need to see.
const ALLOWED_LATIN = new Set(['Excel', 'English', 'JSON', 'Microsoft', 'Office', 'office', 'Word', 'PDF', 'WPS', 'Enter', 'Esc']);
const RULE_IDS = ruleCatalog().map((rule) => rule.id);

/**
 * A screenshot at the pane's width, and what a reviewer of it would check: nothing runs off the right edge (the page
 * never scrolls sideways; wide tables scroll inside their own box), no English words and no rule ids on a zh-CN screen.
 * Animations are run to their end first (Fluent's expanding panels were caught half open).
 */
async function shot(name: string, on: Page = page, lang: 'zh-CN' | 'en-US' = 'zh-CN', alsoAllowed: string[] = []): Promise<void> {
  await on.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const overflow = await sidewaysOverflow(on);
  expect([name, overflow]).toEqual([name, 0]);
  const clipped = await on.evaluate(() => {
    // Text cut off by its own box without a way to scroll to it.
    const out: string[] = [];
    for (const element of Array.from(document.querySelectorAll('main *'))) {
      const style = getComputedStyle(element);
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX === 'hidden' && style.textOverflow !== 'ellipsis' && element.clientWidth > 0) {
        out.push(`${element.tagName}.${element.className}: ${(element.textContent ?? '').slice(0, 40)}`);
      }
    }
    return out;
  });
  expect([name, clipped]).toEqual([name, []]);
  if (lang !== 'zh-CN') return;
  // Only the pane's own content: the harness around it is not the clerk's screen.
  const text = await shownText(on, 'main');
  const latin = (text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((word) => !ALLOWED_LATIN.has(word) && !alsoAllowed.includes(word));
  expect([name, latin]).toEqual([name, []]);
  expect([name, RULE_IDS.filter((id) => text.includes(id))]).toEqual([name, []]);
}

/**
 * The lightest pixel (0 black … 255 white) the page draws in a strip, read from a screenshot of it: where the strip
 * crosses text too, its blank background is still the lightest part.
 */
async function lightestIn(on: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await on.screenshot({ clip });
  return on.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let lightest = 0;
    for (let i = 0; i < data.length; i += 4) lightest = Math.max(lightest, Math.round((data[i] + data[i + 1] + data[i + 2]) / 3));
    return lightest;
  }, png.toString('base64'));
}

/** The five tabs sit inside the pane's width (wrapping onto a second line is fine; running off the edge is not). */
async function tabsFit(on: Page = page, oneLine = false): Promise<void> {
  const boxes = await on.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((tab) => {
      const box = tab.getBoundingClientRect();
      const label = tab as HTMLElement;
      return { text: label.innerText, top: box.top, left: box.left, right: box.right, cut: label.scrollWidth > label.clientWidth + 1 };
    }),
  );
  const main = boxes.filter((box) => box.text !== '' && box.text !== 'JSON');
  expect(main.length).toBeGreaterThanOrEqual(5);
  for (const box of main) expect([box.text, box.left >= 0 && box.right <= PANE_WIDTH, box.cut]).toEqual([box.text, true, false]);
  if (oneLine) expect(new Set(main.map((box) => Math.round(box.top))).size).toBe(1);
}

/** The write-mode radios as a clerk sees them: which one is checked in the DOM, and whether its dot is drawn. */
async function radioLooks(on: Page = page): Promise<Array<{ checked: boolean; dot: string }>> {
  return on.getByRole('radio').evaluateAll((inputs) =>
    inputs.map((input) => {
      const indicator = input.parentElement?.querySelector('.fui-Radio__indicator');
      const after = indicator ? getComputedStyle(indicator, '::after') : null;
      return { checked: (input as HTMLInputElement).checked, dot: after ? `${after.content}|${after.width}|${after.backgroundColor}|${after.opacity}` : '' };
    }),
  );
}

async function openTab(name: string, on: Page = page): Promise<void> {
  await on.getByRole('tab', { name }).click();
}

async function notice(text: string | RegExp, on: Page = page): Promise<void> {
  await on.getByText(text).first().waitFor({ state: 'visible' });
}

/**
 * The label a clerk sees for a field once it is filled in: the text of the <label> elements tied to it that are on
 * screen ('' when the field is labelled only by a placeholder or by an aria-label nobody sees).
 */
async function shownLabel(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const labels = Array.from((element as HTMLInputElement | HTMLTextAreaElement).labels ?? []);
    return labels
      .filter((label) => {
        const box = label.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(label).visibility !== 'hidden';
      })
      .map((label) => label.innerText.trim())
      .join(' ');
  });
}

/**
 * The settings cards (status words or units) whose delete button is not on the line of the entry's name: below it,
 * over it, or outside the card. Names the cards by their number.
 */
async function removeButtonsOffTheNameLine(entries: string, nameLabel: string, on: Page = page): Promise<string[]> {
  return on.getByTestId(entries).evaluateAll(
    (cards, label) =>
      cards.flatMap((card, i) => {
        const name = card.querySelector(`input[aria-label^="${label}"]`)?.getBoundingClientRect();
        const button = card.querySelector('button')?.getBoundingClientRect();
        const frame = card.getBoundingClientRect();
        if (!name || !button) return [`${i + 1}: missing`];
        const sameLine = button.top < name.bottom && button.bottom > name.top;
        const beside = button.left >= name.right - 0.5 && button.right <= frame.right;
        return sameLine && beside ? [] : [`${i + 1}: name ${Math.round(name.top)}–${Math.round(name.bottom)}, button ${Math.round(button.top)}–${Math.round(button.bottom)} at x ${Math.round(button.left)}`];
      }),
    nameLabel,
  );
}

/** List boxes (aliases, other spellings) that hide part of their text: taller or wider inside than shown. */
async function cutListBoxes(boxes: Locator): Promise<string[]> {
  return boxes.evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1 || element.tagName !== 'TEXTAREA')
      .map((element) => `${element.getAttribute('aria-label') ?? ''} (${element.tagName}): ${(element as HTMLTextAreaElement).value}`),
  );
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await buildHarness();
  server = await serve(HARNESS_DIR, { 'fixture.json': JSON.stringify(fixture), 'reviewer.json': JSON.stringify(reviewerFixture), 'english.json': JSON.stringify(englishFixture) });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  // Nothing leaves the machine: every other address fails, Microsoft's CDN included (as on an intranet that blocks it).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.includes('office-js/') || url === OFFICE_CDN_URL) officeRequests.push(url);
    return url.startsWith(server.url) ? route.continue() : route.abort('blockedbyclient');
  });
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
  for (const tab of ['整理', '校验', '汇总', '合并报送', '设置']) await expect(page.getByRole('tab', { name: tab }).isVisible()).resolves.toBe(true);
  await tabsFit(page, true);
  await expect(page.getByTestId('not-in-excel').count()).resolves.toBe(0);
  await shot('01-start');
});

test('clerk: a click on a merged section cell, 整理, then 应用整理 writes a new sheet, with progress under the button', async () => {
  // Excel reports the click on C4 as the whole merged row A4:F4; the pane reads the table around it, not one cell.
  await expect(bookState().then((state) => state.selection)).resolves.toMatchObject({ row: 3, column: 0, rowCount: 1, columnCount: 6 });
  await page.getByRole('button', { name: '读取选区并分析' }).click();
  const info = page.getByTestId('source-info');
  await info.waitFor();
  await expect(info.textContent()).resolves.toContain(`${expected.table.records.length} 项任务`);
  await expect(info.textContent()).resolves.toContain(SHEET);
  await page.getByRole('button', { name: /合并的行/ }).click();
  await page.getByText(/\d+ 行合并为 \d+ 行/).waitFor();
  // 写入新工作表 is the choice, in the DOM and on screen: its dot is drawn and the other's is not.
  const radios = await radioLooks();
  expect(radios.map((r) => r.checked)).toEqual([true, false]);
  expect(radios[0].dot).not.toBe(radios[1].dot);
  await shot('02-clerk-preview');
  const collapsed = expected.plan.changes.filter((c) => c.op === 'collapse-rows').length;
  await expect(page.getByRole('button', { name: /合并的行/ }).textContent()).resolves.toContain(`${collapsed} 处`);

  const before = await bookState();
  await page.getByRole('button', { name: '应用整理' }).click();
  const apply = page.getByTestId('repair-apply');
  const status = page.getByTestId('status-apply');
  await status.getByText(/已写入工作表/).waitFor();
  await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
  // Done: the button says so and cannot write the same repair a second time; the note says how to repair again.
  await expect(apply.textContent()).resolves.toBe('已整理');
  await expect(apply.isDisabled()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: '应用整理' }).count()).resolves.toBe(0);
  await expect(page.getByTestId('repair-done-hint').textContent()).resolves.toBe('这次读取的表格已经整理过了。表格再有改动，请先点“重新读取选区”，再点“应用整理”。');
  // The notice sits right under the button that started the work.
  const [button, box] = await Promise.all([apply.boundingBox(), status.boundingBox()]);
  expect(box!.y - (button!.y + button!.height)).toBeLessThan(40);
  const after = await bookState();
  const added = after.sheetNames.filter((name) => !before.sheetNames.includes(name));
  expect(added.length).toBeGreaterThanOrEqual(1);
  expect(after.sheetNames).toContain(SHEET); // the original stays
  await status.scrollIntoViewIfNeeded();
  await shot('03-clerk-applied');
});

test('reviewer: 校验 lists findings in words (rule ids only in tooltips), goes to a finding, marks and clears', async () => {
  const reviewer = await page.context().newPage();
  reviewer.on('pageerror', (error) => pageErrors.push(error.message));
  await reviewer.goto(`${server.url}taskpane.html?fixture=reviewer`);
  await openTab('校验', reviewer);
  await reviewer.getByRole('button', { name: '校验选区' }).click();
  const counts = reviewer.getByTestId('check-counts');
  await counts.waitFor();
  await expect(counts.textContent()).resolves.toContain(`共 ${reviewerExpected.findings.length} 个问题`);
  const groups = groupFindings(reviewerExpected.findings);
  expect(groups.length).toBeGreaterThan(0);
  const first = groups[0];
  const title = ruleCatalog().find((r) => r.id === first.rule)?.description['zh-CN'];
  expect(title).toBeDefined();
  const header = reviewer.getByRole('button', { name: new RegExp(escapeRegExp(title!)) });
  await header.click();
  await expect(reviewer.locator(`[title*="${first.rule}"]`).count()).resolves.toBeGreaterThan(0);
  if (first.findings.length > GROUP_LIMIT) await reviewer.getByRole('button', { name: `显示全部 ${first.findings.length} 条` }).waitFor();
  await shot('04-reviewer-findings', reviewer);

  const target = first.findings[0];
  const label = target.cell ?? `第 ${target.row} 行`;
  await reviewer.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) }).first().click();
  const want = `进展!${target.cell ?? a1(target.row - 1, reviewerGrid.origin.column - 1)}`;
  const selected = await settle(async () => {
    const state = await bookState(reviewer, '进展');
    return state.selection ? `${state.selection.sheet}!${a1(state.selection.row, state.selection.column)}` : null;
  }, want);
  expect(selected?.split(':')[0]).toBe(want);

  await reviewer.getByRole('button', { name: '在表中标出' }).click();
  await notice(/已在表中标出/, reviewer);
  expect((await bookState(reviewer, '进展')).filledCells).toBeGreaterThan(0);
  await shot('05-reviewer-marked', reviewer);
  await reviewer.getByRole('button', { name: '清除标记' }).click();
  await notice('已清除标记。', reviewer);
  expect((await bookState(reviewer, '进展')).filledCells).toBe(0);
  await reviewer.close();
});

test('manager: 汇总 shows the stacked bar per official and the whole table at 350 px, and writes the summary sheets', async () => {
  await openTab('汇总');
  const chart = page.getByTestId('official-chart');
  await chart.waitFor();
  await expect(chart.getByRole('img').count()).resolves.toBe(expected.summary.byOfficial.length);
  const table = page.getByTestId('summary-table');
  // header row + one row per official + the total row
  await expect(table.locator('tr').count()).resolves.toBe(expected.summary.byOfficial.length + 2);
  // Every status column can be reached: it fits, or the table's own box scrolls to it.
  const reach = await table.evaluate((element) => {
    const box = element.parentElement as HTMLElement;
    const style = getComputedStyle(box);
    return { fits: box.scrollWidth <= box.clientWidth + 1, scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll' };
  });
  expect(reach.fits || reach.scrolls).toBe(true);
  for (const status of expected.summary.statuses) await expect(table.getByRole('columnheader', { name: status, exact: true }).count()).resolves.toBe(1);
  await shot('06-manager-summary');
  await table.evaluate((element) => element.parentElement?.scrollBy({ left: 1000 }));
  // Scrolled to the end, the last column is wholly inside the box, header and numbers.
  const last = await table.evaluate((element) => {
    const box = (element.parentElement as HTMLElement).getBoundingClientRect();
    const cells = Array.from(element.querySelectorAll('tr')).map((row) => row.lastElementChild?.getBoundingClientRect());
    return cells.every((cell) => cell !== undefined && cell.right <= box.right + 0.5 && cell.left >= box.left - 0.5);
  });
  expect(last).toBe(true);
  await shot('07-manager-summary-scrolled');
  await page.getByRole('button', { name: '生成汇总表' }).click();
  await notice(/已写入汇总表/);
  const state = await bookState();
  expect(state.sheetNames).toEqual(expect.arrayContaining(['按分管领导汇总', '滞后事项清单']));
});

test('manager: 导出 Word（附件） saves a .docx holding the chosen official\'s tasks (Excel on the web downloads it)', async () => {
  const official = expected.table.records.find((r) => r.official)?.official;
  expect(official).toBeTruthy();
  await page.getByRole('combobox', { name: '导出范围' }).selectOption(official!);
  const button = page.getByRole('button', { name: '导出 Word（附件）' });
  await button.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe(`${SHEET}-${official}.docx`);
  const file = await download.path();
  const bytes = new Uint8Array(fs.readFileSync(file!));
  const back = analyze(openDocx(bytes).readSheet(DOCX_SHEET_NAME).grid);
  expect(back.table.records.length).toBe(expected.table.records.filter((r) => r.official === official).length);
  await page.getByTestId('word-export-done').waitFor();
  // The notice names the saved file, extension and all.
  await shot('07b-manager-word', page, 'zh-CN', ['docx']);
});

test('manager: 与上期对比 — last period\'s file picked in the pane, changes per official, comparison sheets with a native chart', async () => {
  const last = lastPeriodOf(expected);
  const names = compareSheets(compareTables(last.analysis, expected), 'zh-CN').map((spec) => spec.name);
  await page.getByTestId('compare-picker').setInputFiles({
    name: '重点工作1-8月.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(lastPeriodWorkbook(expected)),
  });
  const summary = page.getByTestId('compare-summary');
  await summary.waitFor();
  const { newlyLagging, stillLagging, recovered, completed } = last.expected;
  await expect(summary.textContent()).resolves.toBe(`新增滞后 ${newlyLagging}，持续滞后 ${stillLagging}，已恢复 ${recovered}，本期完成 ${completed}`);
  await expect(page.getByTestId('compare-total').textContent()).resolves.toBe(`合计${newlyLagging}${stillLagging}${recovered}${completed}`);
  // The tasks that fell behind head the lagging list, with their official.
  const lagging = page.getByTestId('compare-lagging').locator('li');
  await expect(lagging.count()).resolves.toBe(newlyLagging + stillLagging);
  await expect(lagging.first().textContent()).resolves.toMatch(/^新增滞后 · /);
  await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
  // File names shown: last period's (.xlsx) and the Word attachment saved just before (.docx).
  await shot('06b-compare', page, 'zh-CN', ['xlsx', 'docx']);

  await page.getByRole('button', { name: '写入对比表' }).click();
  await notice(/已写入对比表/);
  const written = await page.evaluate(
    (sheets) => sheets.map((name) => {
      const sheet = window.e2eBook?.sheets.find((s) => s.name === name && !s.deleted);
      return { name, found: sheet !== undefined, charts: sheet?.charts.map((c) => ({ title: c.title, series: c.series.length })) ?? [] };
    }),
    names,
  );
  expect(written).toEqual([
    { name: names[0], found: true, charts: [] },
    { name: names[1], found: true, charts: [{ title: '各分管领导本期状态变化', series: 4 }] },
  ]);
  // Written again: replaced in place, not added twice, and nobody is asked.
  await page.getByRole('button', { name: '写入对比表' }).click();
  await notice(/已写入对比表/);
  await expect(page.getByTestId('compare-question').count()).resolves.toBe(0);
  const state = await bookState();
  for (const name of names) expect(state.sheetNames.filter((n) => n === name)).toHaveLength(1);
});

test('合并报送: the returns tab offers the file picker, in Chinese', async () => {
  await openTab('合并报送');
  await page.getByRole('button', { name: '选择报送文件…' }).waitFor();
  await expect(page.getByTestId('merge-picker').getAttribute('type')).resolves.toBe('file');
  await expect(page.getByTestId('merge-picker').getAttribute('multiple')).resolves.not.toBeNull();
  await tabsFit(page, true);
  // The intro names the file types a unit may send back.
  await shot('07c-merge-returns', page, 'zh-CN', ['xlsx', 'xls', 'docx']);
});

test('settings: lists and JSON, problems shown with their path, saved to the workbook', async () => {
  await openTab('设置');
  await page.getByRole('textbox', { name: '单位名称 2', exact: true }).waitFor();
  await shot('08-settings-lists');
  // Every field keeps its label on screen once filled in (no placeholder standing in for it).
  const fields: Array<[string, string]> = [
    ['状态 1', '状态'],
    ['同义写法（用顿号或逗号分隔） 1', '同义写法（用顿号或逗号分隔）'],
    ['单位名称 1', '单位名称'],
    ['责任人 1', '责任人'],
    ['别名（用顿号或逗号分隔） 1', '别名（用顿号或逗号分隔）'],
  ];
  for (const [name, label] of fields) {
    const field = page.getByRole('textbox', { name, exact: true });
    await field.fill(`${await field.inputValue()}甲`);
    await expect(field.getAttribute('placeholder')).resolves.toBeNull();
    await expect(shownLabel(field)).resolves.toBe(label);
  }
  // The delete button stays on the name's line in every card at the pane's width.
  await expect(removeButtonsOffTheNameLine('unit-entry', '单位名称')).resolves.toEqual([]);
  await expect(removeButtonsOffTheNameLine('status-entry', '状态')).resolves.toEqual([]);
  // Every alias shows: 市发展改革局's three, and a long list typed in, which the box grows to hold.
  const aliasBoxes = page.getByRole('textbox', { name: /^别名（用顿号或逗号分隔） \d+$/ });
  const unitNames = await page.getByRole('textbox', { name: /^单位名称 \d+$/ }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const reform = unitNames.indexOf('市发展改革局') + 1;
  expect(reform).toBeGreaterThan(0);
  const reformAliases = page.getByRole('textbox', { name: `别名（用顿号或逗号分隔） ${reform}`, exact: true });
  await expect(reformAliases.inputValue()).resolves.toBe('市发改局、江门市发展和改革局、市发展和改革局');
  await reformAliases.fill('市发改局、江门市发展和改革局、市发展和改革局、江门市发改局、市发展改革委员会、市发改委、发改局、发展改革局');
  await expect(cutListBoxes(aliasBoxes)).resolves.toEqual([]);
  await expect(cutListBoxes(page.getByRole('textbox', { name: /^同义写法（用顿号或逗号分隔） \d+$/ }))).resolves.toEqual([]);
  await reformAliases.scrollIntoViewIfNeeded();
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, '08b-settings-units.png') });
  // Both lists (statuses, units) add a blank entry at their end and remove the one asked for.
  for (const [list, label] of [[0, '状态'], [1, '单位名称']] as const) {
    const entries = page.getByRole('textbox', { name: new RegExp(`^${label} \\d+$`) });
    const before = await entries.count();
    await page.getByRole('button', { name: '添加', exact: true }).nth(list).click();
    await expect(settle(() => entries.count(), before + 1)).resolves.toBe(before + 1);
    await expect(page.getByRole('textbox', { name: `${label} ${before + 1}`, exact: true }).inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: `删除 ${before + 1}`, exact: true }).click();
    await expect(settle(() => entries.count(), before)).resolves.toBe(before);
  }
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: '设置（JSON）' });
  await editor.fill(JSON.stringify({ vocabulary: [{ status: '完成' }, { status: '已完成', synonyms: ['完成'] }] }));
  await page.getByRole('button', { name: '检查' }).click();
  await notice(/设置有 1 处问题/);
  await expect(page.getByText(/^状态词：/).count()).resolves.toBeGreaterThan(0);
  // The JSON the clerk typed shows its keys (vocabulary, units…); the problem is placed in the settings' own words (状态词).
  await shot('09-settings-invalid', page, 'zh-CN', ['vocabulary', 'units', 'status', 'synonyms']);
  await editor.fill(JSON.stringify({ units: [{ name: '市财政局' }, { name: '市发展改革局', aliases: ['市发改局'] }] }));
  await page.getByRole('button', { name: '保存到工作簿' }).click();
  await notice('设置已保存到工作簿。');
});

test('switches to English', async () => {
  await page.getByRole('combobox', { name: '语言' }).selectOption('en-US');
  await page.getByRole('tab', { name: 'Repair' }).click();
  await page.getByRole('heading', { name: 'Report tables' }).waitFor();
  await tabsFit();
  // An empty sheet's cell is selected: nothing to read, and the pane says so in English.
  await page.evaluate(() => {
    const book = window.e2eBook;
    if (!book) throw new Error('no e2eBook');
    book.addSheet('空表');
    book.select('空表', 'C3');
  });
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByRole('alert').waitFor();
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^[A-Za-z]/);
  await shot('10-english-error', page, 'en-US');
  await page.evaluate(({ sheet, range }) => window.e2eBook?.select(sheet, range), { sheet: SHEET, range: fullRange() });
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByTestId('source-info').waitFor();
  await expect(page.getByTestId('source-info').textContent()).resolves.toMatch(/^Read /);
  await shot('11-english', page, 'en-US');
});

test('English summary: an empty status reads "Not filled in", an unknown one "Not recognized", tasks without an official "No official named"; headings break between words; a shadow says the table scrolls', async () => {
  // A context of its own, so the language the earlier tests chose (kept in localStorage) does not carry over.
  const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, locale: 'en-US', reducedMotion: 'reduce' });
  await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient')));
  const english = await context.newPage();
  english.on('pageerror', (error) => pageErrors.push(error.message));
  english.setDefaultTimeout(20000);
  await english.goto(`${server.url}taskpane.html?fixture=english`);
  await english.getByRole('tab', { name: 'Summary' }).click();
  await english.getByRole('button', { name: 'Read selection and analyze' }).click();
  const table = english.getByTestId('summary-table');
  await table.waitFor();
  for (const heading of ['Not filled in', 'Not recognized', '按进度完成']) await expect(table.getByRole('columnheader', { name: heading, exact: true }).count()).resolves.toBe(1);
  const legend = english.getByTestId('official-chart').locator('figcaption');
  await expect(legend.textContent()).resolves.toMatch(/Not filled in.*Not recognized|Not recognized.*Not filled in/);
  // The task of the section that names no official: its row and its bar say so in English.
  await expect(table.getByRole('cell', { name: 'No official named', exact: true }).count()).resolves.toBe(1);
  await expect(english.getByTestId('official-chart').getByRole('img', { name: /^No official named: / }).count()).resolves.toBe(1);
  const shown = await shownText(english, 'main');
  expect(shown).not.toMatch(/未填写|未识别|未标明分管领导/);
  // Every heading's lines break between words: each line of an English heading is whole words of it.
  const lines = await table.locator('th').evaluateAll((cells) =>
    cells.map((cell) => {
      const text = (cell as HTMLElement).innerText.trim();
      const range = document.createRange();
      const node = Array.from(cell.querySelectorAll('*')).concat(cell).flatMap((el) => Array.from(el.childNodes)).find((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '');
      if (!node) return { text, lines: [text] };
      // Group the heading's characters by the line (top) they are drawn on.
      const byTop = new Map<number, string>();
      const chars = node.textContent ?? '';
      for (let i = 0; i < chars.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        const top = Math.round(rect.top);
        byTop.set(top, (byTop.get(top) ?? '') + chars[i]);
      }
      return { text, lines: [...byTop.values()].map((line) => line.trim()) };
    }),
  );
  // …and no heading runs into the next column: each fits inside its own cell.
  const spill = await table.locator('th').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const own = cell.getBoundingClientRect();
      return Array.from(cell.querySelectorAll('span')).filter((span) => span.getBoundingClientRect().right > own.right + 0.5).map((span) => span.textContent);
    }),
  );
  expect(spill).toEqual([]);
  for (const heading of lines.filter((h) => /^[A-Za-z ]+$/.test(h.text))) {
    const words = heading.text.split(/\s+/);
    for (const line of heading.lines) expect([heading.text, line.split(/\s+/).every((word) => words.includes(word))]).toEqual([heading.text, true]);
  }
  // Wider than the pane: the box scrolls and its right edge is shaded; scrolled to the end, the shade is covered.
  const box = english.getByTestId('summary-scroll');
  const wider = await box.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
  expect(wider).toBe(true);
  // A strip 2 px wide at the box's right edge, over the officials' rows (the totals row has its own background).
  const edge = () =>
    box.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const rows = Array.from(element.querySelectorAll('tbody tr')).slice(0, -1);
      const top = rows[0]!.getBoundingClientRect().top;
      const bottom = rows[rows.length - 1]!.getBoundingClientRect().bottom;
      // Clear of the rows' edges by 2 px, where the totals row's background may bleed in.
      return { x: Math.floor(rect.right) - 4, y: Math.ceil(top) + 2, width: 2, height: Math.floor(bottom - top) - 4 };
    });
  const shadeBefore = await lightestIn(english, await edge());
  await shot('11b-english-summary', english, 'en-US');
  await box.evaluate((element) => element.scrollBy({ left: 2000 }));
  const shadeAfter = await lightestIn(english, await edge());
  await shot('11c-english-summary-scrolled', english, 'en-US');
  // Darker while there is more to the right, page-white once the last column is in view.
  expect([shadeBefore, shadeAfter]).toEqual([expect.any(Number), 255]);
  expect(shadeBefore).toBeLessThan(235);
  await context.close();
});

test('repair in place keeps a backup, and the repaired table reads back as tidy', async () => {
  const before = await bookState();
  await page.getByRole('radio', { name: /In place/ }).check();
  await page.getByRole('button', { name: 'Apply repair' }).click();
  await notice(/Written to sheet/);
  const apply = page.getByTestId('repair-apply');
  await expect(apply.textContent()).resolves.toBe('Repaired');
  await expect(apply.isDisabled()).resolves.toBe(true);
  await apply.scrollIntoViewIfNeeded();
  await shot('12a-in-place-applied', page, 'en-US');
  const after = await bookState();
  expect(after.sheetNames).toContain(SHEET);
  // the backup sits next to the original, named after it
  const added = after.sheetNames.filter((name) => !before.sheetNames.includes(name));
  expect(added.filter((name) => name.startsWith(SHEET))).toHaveLength(1);
  await page.getByRole('button', { name: 'Read the selection again' }).click();
  await page.getByTestId('source-info').waitFor();
  await page.getByText('The table is already tidy: nothing to repair.').waitFor();
  // A new reading is a new table to repair: the button is offered again (here with nothing left to change).
  await expect(apply.textContent()).resolves.toBe('Apply repair');
  await expect(apply.isEnabled()).resolves.toBe(true);
  await expect(page.getByTestId('repair-done-hint').count()).resolves.toBe(0);
  await expect(page.getByTestId('source-info').textContent()).resolves.toContain(`${expected.table.records.length} tasks`);
  await shot('12-in-place-reread', page, 'en-US');
});

test('settings in English: labels stay on screen when filled in, delete buttons beside the names, every alias shown', async () => {
  await openTab('Settings');
  const name = page.getByRole('textbox', { name: 'Unit name 2', exact: true });
  await name.waitFor();
  // The units saved in Chinese above: 市财政局 and 市发展改革局 (alias 市发改局).
  await expect(name.inputValue()).resolves.toBe('市发展改革局');
  await name.fill('市发展和改革局');
  await expect(shownLabel(name)).resolves.toBe('Unit name');
  const person = page.getByRole('textbox', { name: 'Responsible person 2', exact: true });
  await person.fill('王长青');
  await expect(shownLabel(person)).resolves.toBe('Responsible person');
  const aliases = page.getByRole('textbox', { name: 'Aliases (comma separated) 2', exact: true });
  await aliases.fill('市发改局, 江门市发展和改革局, 市发展改革委员会, 市发改委');
  await expect(shownLabel(aliases)).resolves.toBe('Aliases (comma separated)');
  await expect(shownLabel(page.getByRole('textbox', { name: 'Status 1', exact: true }))).resolves.toBe('Status');
  await expect(removeButtonsOffTheNameLine('unit-entry', 'Unit name')).resolves.toEqual([]);
  await expect(removeButtonsOffTheNameLine('status-entry', 'Status')).resolves.toEqual([]);
  await expect(cutListBoxes(page.getByRole('textbox', { name: /^Aliases \(comma separated\) \d+$/ }))).resolves.toEqual([]);
  await shot('08e-settings-english', page, 'en-US');
  await aliases.scrollIntoViewIfNeeded();
  await page.screenshot({ animations: 'disabled', path: path.join(SCREENSHOT_DIR, '08f-settings-english-units.png') });
});

test('outside Excel it still renders, with a notice', async () => {
  const outside = await page.context().newPage();
  outside.on('pageerror', (error) => pageErrors.push(error.message));
  await outside.goto(`${server.url}taskpane.html?outside=1&lang=zh-CN`);
  await outside.evaluate(() => window.localStorage.removeItem('report-tables.lang'));
  await outside.reload();
  await outside.getByTestId('not-in-excel').waitFor();
  await expect(outside.getByTestId('not-in-excel').textContent()).resolves.toContain('需要在 Excel 中运行');
  await shot('13-outside-excel', outside);
  await outside.close();
});

test('with Microsoft\'s CDN blocked the pane loads the bundled office.js and comes up', async () => {
  officeRequests.length = 0;
  const blocked = await page.context().newPage();
  await blocked.goto(`${server.url}taskpane.html?office=load&lang=zh-CN`);
  await blocked.getByRole('heading', { name: '报表整理' }).waitFor();
  // In a plain browser the real office.js answers "no Office host": the pane says it must run in Excel, in Chinese.
  await blocked.getByTestId('not-in-excel').waitFor({ timeout: 30000 });
  expect(officeRequests[0]).toBe(OFFICE_CDN_URL);
  expect(officeRequests.some((url) => url.endsWith('/office-js/office.js'))).toBe(true);
  await expect(blocked.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe('object');
  await shot('14-cdn-blocked-bundled', blocked);
  await blocked.close();
});

test('with both the CDN and the bundled copy unreachable the pane says so in Chinese', async () => {
  const none = await page.context().newPage();
  await none.route('**/office-js/**', (route) => route.abort('blockedbyclient'));
  await none.goto(`${server.url}taskpane.html?office=load&lang=zh-CN`);
  await none.getByTestId('office-missing').waitFor({ timeout: 30000 });
  await expect(none.getByTestId('office-missing').textContent()).resolves.toContain('无法加载 Office 脚本');
  await shot('15-office-missing', none);
  await none.close();
});

test('no script errors on the page', () => {
  expect(pageErrors).toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('发出报送表 (the round sent out from the 合并报送 tab)', () => {
  test('the master read, Word forms chosen: one zip download, every unit\'s .docx inside, read back with its tasks', async () => {
    const pane = await page.context().newPage();
    pane.on('pageerror', (error) => pageErrors.push(error.message));
    await pane.goto(`${server.url}taskpane.html?lang=zh-CN`);
    await pane.getByRole('button', { name: '读取选区并分析' }).click();
    await pane.getByTestId('source-info').waitFor();
    await openTab('合并报送', pane);
    await pane.getByTestId('split-panel').waitFor();
    await pane.getByRole('textbox', { name: '报送期别' }).fill('2018年1-10月');
    await pane.getByRole('radio', { name: 'Word' }).check();
    const button = pane.getByRole('button', { name: '生成各单位报送表' });
    const [download] = await Promise.all([pane.waitForEvent('download', { timeout: 120000 }), button.click()]);
    expect(download.suggestedFilename()).toBe('报送-2018年1-10月.zip');
    const entries = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    const names = Object.keys(entries);
    expect(names.length).toBeGreaterThan(50);
    expect(names.every((name) => name.endsWith('-2018年1-10月.docx'))).toBe(true);
    const form = analyze(openDocx(entries['市委政法委-2018年1-10月.docx']).readSheet(DOCX_SHEET_NAME).grid);
    expect(form.table.titleLines.join('')).toContain('市委政法委2018年1-10月');
    expect(form.table.records).toHaveLength(4);
    // The one-line result: units, files, tasks without a unit; beside the zip's name only the file types the returns may come in are in Latin letters.
    await expect(pane.getByTestId('split-done').textContent()).resolves.toContain(`${names.length} 个单位，${names.length} 个文件`);
    await shot('07d-split-round', pane, 'zh-CN', ['zip', 'xlsx', 'xls', 'docx']);
    await pane.close();
    // This block runs after the page-wide check: its own page's script errors are checked here.
    expect(pageErrors).toEqual([]);
  }, 180000);
});
