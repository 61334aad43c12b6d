/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run by Node directly */
/* global require, __dirname, process */
/**
 * `npm run build:cli`: the command line as one bundled, minified file (build/cli.js). Node then reads one file instead
 * of resolving and compiling hundreds of modules, which is most of a short command's time.
 */
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = {
  outdir: path.join(root, 'build'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
// build/cli.js holds argument parsing and help only; the commands (engine, file layer) are build/commands.js, read
// when a command runs; build/check-worker.js is a worker thread of `check` over many files.
Promise.all([
  esbuild.build({ ...common, entryPoints: { cli: path.join(root, 'src/cli/main.ts') }, external: ['./commands'] }),
  esbuild.build({
    ...common,
    entryPoints: { commands: path.join(root, 'src/cli/commands/index.ts'), 'check-worker': path.join(root, 'src/cli/checkWorker.ts') },
  }),
]).catch(() => process.exit(1));
