/** Building, serving and opening the taskpane harness for the browser end-to-end test. */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';

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

/** Debian's Chromium as every browser test starts it: headless, no sandbox (containers), no background network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
