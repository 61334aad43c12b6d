/**
 * `report-tables` command line: check, fix and summarize report tables in .xlsx files with the same engine as the add-in.
 * bin/report-tables.js calls run(argv) and exits with the code it returns.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { langFromArgv, parseArgs, usage, usageHint } from './args';
import { requireBundle } from './loadBundle';
import { isRoundCommand } from './commands/roundArgs';
import { isCliError, EXIT_OK, EXIT_UNUSABLE } from './errors';
import { processIO } from './io';
import type { CliIO } from './io';

export type { CliIO } from './io';

/**
 * The commands, read only when one runs: in the bundle they are build/commands.js next to build/cli.js, so `--help`
 * and a mistyped option never load the engine and the file layer. A plain require keeps that file a separate one.
 */
function loadCommands(): typeof import('./commands') {
  const bundle = path.join(__dirname, 'commands.js');
  if (existsSync(bundle)) {
    // Built: with V8's code cache (src/cli/loadBundle.ts), refreshed when the process ends if it was missing or stale.
    const { exports, saveCache } = requireBundle<typeof import('./commands')>(bundle);
    process.once('exit', saveCache);
    return exports;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./commands') as typeof import('./commands');
}

/**
 * export and the returns round: the Word writer is compiled only by the commands that use it. The same path from the
 * source and from build/cli.js (the bundle is build/commands/wordCommands.js).
 */
function loadWordCommands(): typeof import('./commands/wordCommands') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./commands/wordCommands') as typeof import('./commands/wordCommands');
}

export async function run(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const lang = langFromArgv(argv);
  try {
    if (argv[0] === 'export') return await loadWordCommands().exportCommand(argv.slice(1), io);
    if (isRoundCommand(argv[0])) return await loadWordCommands().runRoundCommand(argv, io);
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout(`${usage(parsed.lang)}\n`);
      return EXIT_OK;
    }
    const { options } = parsed;
    switch (options.command) {
      // Each command is loaded when it runs: `--help` and a bad option never pay for the engine and the file layer.
      case 'check':
        return await loadCommands().checkCommand(options, io);
      case 'fix':
        return await loadCommands().fixCommand(options, io);
      case 'summarize':
        return await loadCommands().summarizeCommand(options, io);
    }
  } catch (error) {
    if (isCliError(error)) {
      io.stderr(`report-tables: ${error.messages[lang]}\n`);
      if (error.showUsageHint) io.stderr(`${usageHint(lang)}\n`);
      return EXIT_UNUSABLE;
    }
    // A bug, not bad input: say so in one line; REPORT_TABLES_DEBUG=1 shows the stack for a bug report.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      lang === 'en-US'
        ? `report-tables: internal error: ${message} (please report it; set REPORT_TABLES_DEBUG=1 for details)\n`
        : `report-tables：内部错误：${message}（请反馈此问题；设置 REPORT_TABLES_DEBUG=1 可查看详情）\n`,
    );
    if (process.env.REPORT_TABLES_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 3;
  }
}
