#!/usr/bin/env node
'use strict';
// The CLI is compiled to build/ by `npm ci` (the prepare script) and by `npm test`.
require('../build/cli/main.js').run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
