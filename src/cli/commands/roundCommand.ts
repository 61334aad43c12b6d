import type { CliIO } from '../io';
import { compareCommand } from './compare';
import { mergeCommand } from './merge';
import { parseRoundArgs } from './roundArgs';
import { splitCommand } from './split';

/** Run split, merge or compare (main.ts calls this, through the commands bundle, before its own parser). */
export async function runRoundCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseRoundArgs(argv);
  switch (options.command) {
    case 'split':
      return splitCommand(options, io);
    case 'merge':
      return mergeCommand(options, io);
    case 'compare':
      return compareCommand(options, io);
  }
}
