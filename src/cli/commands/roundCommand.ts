import { langFromArgv, usageHint } from '../args';
import { isCliError, EXIT_UNUSABLE } from '../errors';
import type { CliIO } from '../io';
import { compareCommand } from './compare';
import { mergeCommand } from './merge';
import { parseRoundArgs } from './roundArgs';
import { splitCommand } from './split';

/**
 * Run split, merge or compare (main.ts calls this, through the commands bundle, before its own parser). Unusable
 * input is reported here, inside the bundle that threw it: in the built CLI, main's CliError is another copy of the
 * class, so an `instanceof` there would take bad input for an internal error.
 */
export async function runRoundCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const lang = langFromArgv(argv);
  try {
    const options = parseRoundArgs(argv);
    switch (options.command) {
      case 'split':
        return await splitCommand(options, io);
      case 'merge':
        return await mergeCommand(options, io);
      case 'compare':
        return await compareCommand(options, io);
    }
  } catch (error) {
    if (!isCliError(error)) throw error;
    io.progress?.(null);
    io.stderr(`report-tables: ${error.messages[lang]}\n`);
    if (error.showUsageHint) io.stderr(`${usageHint(lang)}\n`);
    return EXIT_UNUSABLE;
  }
}
