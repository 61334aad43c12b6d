/**
 * Building, serving and opening the taskpane harness for the browser end-to-end tests, and what every e2e file checks
 * the same way: the browser launched with the house flags, a value the pane settles on, the text a reader sees.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');
export const HARNESS_DIR = path.join(ROOT, 'test-artifacts', 'e2e-dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds tests/e2e/harness.tsx with the project's webpack config (`--env e2e`, development mode for speed), in a child
 * process: webpack's plugins load ES modules, which jest's module sandbox does not allow.
 */
export async function buildHarness(): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [cli, '--mode', 'development', '--env', 'e2e'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`building the e2e harness failed:\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a folder (and extra in-memory files) on 127.0.0.1 at a random port. */
export async function serve(dir: string, extra: Record<string, string>): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'taskpane.html';
    if (pathname in extra) {
      response.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? 'application/octet-stream' });
      response.end(extra[pathname]);
      return;
    }
    const file = path.resolve(dir, pathname);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium with the project's flags (DEVELOPERS.md): headless, no sandbox, no GPU, nothing fetched behind our back. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh as root first`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Reads until the value is `want` (the pane works asynchronously) or about five seconds pass; returns the last read. */
export async function settle<T>(read: () => Promise<T>, want: T): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && value !== want; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** How far the page runs off its right edge, in CSS pixels: the pane never scrolls sideways, so anything above 0 is cut. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The text a reader sees under `root` (the whole body when there is none), for the language checks: without the
 * language picker, which names English in English as language pickers do, and without form inputs.
 */
export function shownText(page: Page, root = 'body'): Promise<string> {
  return page.evaluate((selector) => {
    const copy = (document.querySelector(selector) ?? document.body).cloneNode(true) as HTMLElement;
    copy.querySelectorAll('select').forEach((select) => select.remove());
    // A copied checked radio joins the pane's radio group (same name) and would uncheck the clerk's choice on screen.
    copy.querySelectorAll('input').forEach((input) => input.remove());
    document.body.appendChild(copy);
    const shown = copy.innerText;
    copy.remove();
    return shown;
  }, root);
}
