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
// build/cli.js holds argument parsing and help only; check, fix and summarize (engine, file layer) are
// build/commands.js, read when one runs; export and the returns round, which also need the Word writer, are
// build/commands/wordCommands.js (the path that src/cli/main.ts requires from the source too); build/check-worker.js
// is a worker thread of `check` over many files.
Promise.all([
  esbuild.build({ ...common, entryPoints: { cli: path.join(root, 'src/cli/main.ts') }, external: ['./commands', './commands/wordCommands'] }),
  esbuild.build({
    ...common,
    entryPoints: {
      commands: path.join(root, 'src/cli/commands/index.ts'),
      'commands/wordCommands': path.join(root, 'src/cli/commands/wordCommands.ts'),
      'check-worker': path.join(root, 'src/cli/checkWorker.ts'),
    },
  }),
]).catch(() => process.exit(1));
