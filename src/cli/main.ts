/**
 * `report-tables` command line: check, fix and summarize report tables in .xlsx files with the same engine as the add-in.
 * bin/report-tables.js calls run(argv) and exits with the code it returns.
 */
import { langFromArgv, parseArgs, usage, usageHint } from './args';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { fixCommand } from './commands/fix';
import { summarizeCommand } from './commands/summarize';
import { CliError, EXIT_OK, EXIT_UNUSABLE } from './errors';
import { processIO } from './io';
import type { CliIO } from './io';

export type { CliIO } from './io';

export async function run(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const lang = langFromArgv(argv);
  try {
    if (argv[0] === 'export') return await exportCommand(argv.slice(1), io);
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout(`${usage(parsed.lang)}\n`);
      return EXIT_OK;
    }
    const { options } = parsed;
    switch (options.command) {
      case 'check':
        return await checkCommand(options, io);
      case 'fix':
        return await fixCommand(options, io);
      case 'summarize':
        return await summarizeCommand(options, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
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
