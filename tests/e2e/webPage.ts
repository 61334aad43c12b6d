/**
 * What every e2e file of the no-install web page does the same way: build the page, open it in a browser context that
 * refuses (and remembers) any request leaving the local server, collect the page's own errors, open or drop a file
 * the way a user does, and save a download. One place, so the web e2e files check "offline" and "no error" alike.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { launchChromium, ROOT, serve } from './support';

const run = promisify(execFile);

/** Where `webpack --env webOnly` puts the page (web/index.html and its script). */
export const WEB_DIST = path.join(ROOT, 'test-artifacts', 'web-dist');
/** The page's heading in Chinese, which tells the page has drawn. */
export const WEB_HEADING = '报表整理 · 网页版';

/** Builds only the page (webpack --env webOnly, development mode for speed) in a child process, as support.ts does for the taskpane. */
export async function buildWebPage(): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js');
  await run(process.execPath, [cli, '--mode', 'development', '--env', 'webOnly'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * A browser context in Chinese, with downloads, where anything not from `serverUrl` (or the page's own file:, blob: and
 * data: URLs) is refused and pushed onto `refused`, so the test can fail on it: the page must work with no network.
 */
export async function offlineContext(browser: Browser, serverUrl: string, refused: string[], viewport = { width: 1400, height: 1000 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(serverUrl) || url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return context;
}

/** The built page served on 127.0.0.1, and a browser to open it in. */
export interface ServedWebPage {
  /** The page's address on the local server. */
  url: string;
  /** Requests refused because they left the local server: a test fails on any. */
  refused: string[];
  /** A new browser context in which only the local server answers (see offlineContext). */
  newContext: (viewport?: { width: number; height: number }) => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/** Builds the page, serves web-dist and launches Chromium: what every web e2e file needs before its first test. */
export async function serveWebPage(): Promise<ServedWebPage> {
  await buildWebPage();
  const server = await serve(WEB_DIST, {});
  const browser = await launchChromium();
  const refused: string[] = [];
  return {
    url: `${server.url}web/index.html`,
    refused,
    newContext: (viewport) => offlineContext(browser, server.url, refused, viewport),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects the page's uncaught errors and console errors (the list fills as the test goes on). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // React's and Fluent's development-build warnings (the e2e build is a development one) are not failures of the page.
    if (message.type() === 'error' && !/^Warning: |^mergeClasses\(\)/.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** Goes to the page and waits until it has drawn its heading. */
export async function gotoWebPage(page: Page, url: string): Promise<void> {
  page.setDefaultTimeout(30000);
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('heading', { name: WEB_HEADING }).waitFor();
}

/** A new tab on the page, its errors collected. */
export async function openWebPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = pageErrors(page);
  await gotoWebPage(page, url);
  return { page, errors };
}

/** Waits until the page has opened `name` and finished reading it. */
async function opened(page: Page, name: string): Promise<void> {
  await page.getByText(`文件：${name}`).waitFor();
  await page.getByTestId('busy').waitFor({ state: 'detached' });
}

/** Opens a file through the page's 打开文件 button (its file input), as a clerk picks one. */
export async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await opened(page, path.basename(file));
}

/** The files as the browser hands them to a drag: a DataTransfer holding them, in the page. */
async function filesTransfer(page: Page, files: string[]) {
  const payload = files.map((file) => ({ name: path.basename(file), base64: fs.readFileSync(file).toString('base64') }));
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) transfer.items.add(new File([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], name));
    return transfer;
  }, payload);
}

/** Drops files on an element as the browser does when they are dragged in from a folder. */
export async function dropFiles(page: Page, testId: string, files: string[]): Promise<void> {
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: await filesTransfer(page, files) });
}

/** Drags files over an element (not dropped yet), as the browser does while a user holds them above it. */
export async function dragFilesOver(page: Page, testId: string, files: string[]): Promise<void> {
  await page.getByTestId(testId).dispatchEvent('dragover', { dataTransfer: await filesTransfer(page, files) });
}

/** Drags them away again, out of the window (no element to go to). */
export async function dragAway(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).dispatchEvent('dragleave');
}

/** Picks files with the keyboard only: Tab to the button named `button`, Enter, then the browser's file dialog. */
export async function pickWithKeyboard(page: Page, button: string, files: string[]): Promise<void> {
  const target = page.getByRole('button', { name: button, exact: true });
  await target.focus();
  // Focus came from the keyboard's point of view too: the button is in the tab order, not only clickable.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  if (!(await target.evaluate((element) => element === document.activeElement))) throw new Error(`Tab does not reach the button ${button}`);
  // Chromium drops a file dialog asked for within moments of the last one closing (a test is that fast, a person is
  // not): Enter again then, as a person would when nothing opened.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 3000 }), page.keyboard.press('Enter')]);
      await chooser.setFiles(files);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Presses 整理 and waits until the repaired sheet is written. */
export async function repair(page: Page): Promise<void> {
  await page.getByRole('button', { name: '整理', exact: true }).click();
  await page.getByText(/已生成工作表/).waitFor();
}

/** Drops a file on the page's drop zone and waits until the page has opened it. */
export async function dropFile(page: Page, file: string): Promise<void> {
  await dropFiles(page, 'drop-zone', [file]);
  await opened(page, path.basename(file));
}

/** Clicks what starts a download and returns the download the browser got. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [event] = await Promise.all([page.waitForEvent('download'), click()]);
  return event;
}
