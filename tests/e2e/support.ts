/** Building, serving and opening the taskpane harness for the browser end-to-end test. */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import webpack from 'webpack';

export const ROOT = path.join(__dirname, '..', '..');
export const HARNESS_DIR = path.join(ROOT, 'test-artifacts', 'e2e-dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type WebpackConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<webpack.Configuration>;

/** Builds tests/e2e/harness.tsx with the project's webpack config (`--env e2e`, development mode for speed). */
export async function buildHarness(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'webpack.config.js')) as WebpackConfigFactory;
  const config = await factory({ e2e: true }, { mode: 'development' });
  config.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      resolve();
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
