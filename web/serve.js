#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script run by Node directly */
/* global require, process, __dirname, console, URL */
/**
 * `npm run web`: serves the built web page (dist/web/index.html) on http://127.0.0.1:8080/ with Node's own http
 * module — no dependency, nothing but files from dist/. Builds it first when dist/web is missing.
 *   npm run web                 port 8080 (or PORT=…)
 *   npm run web -- --port 9000
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.join(__dirname, '..', 'dist');
const PAGE = path.join(ROOT, 'web', 'index.html');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

function portFromArgs() {
  const i = process.argv.indexOf('--port');
  const value = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  const port = Number(value || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效 / not a port: ${value}`);
    process.exit(2);
  }
  return port;
}

if (!fs.existsSync(PAGE)) {
  console.log('dist/web 不存在，先构建（npm run build）… / dist/web is missing, building it first…');
  const cli = require.resolve('webpack-cli/bin/cli.js');
  execFileSync(process.execPath, [cli, '--mode', 'production'], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
}

const server = http.createServer((request, response) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url || '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('bad request');
    return;
  }
  if (pathname === '/' || pathname === '/web') {
    response.writeHead(302, { location: '/web/' }).end();
    return;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(ROOT, `.${pathname}`);
  // Only files under dist/: a path with ".." that leaves it is refused.
  if (!file.startsWith(ROOT + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(response);
});

server.listen(portFromArgs(), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`报表整理网页版 / report-tables web page: http://127.0.0.1:${port}/web/  (Ctrl+C 停止 / to stop)`);
});
