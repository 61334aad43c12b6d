#!/usr/bin/env node
'use strict';
// The CLI is bundled into build/cli.js by `npm ci` (the prepare script), `npm run build:cli` and `npm test`.
require('../build/cli.js').run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
