import type { Lang } from '../core/types';

/** Exit codes: the contract scripts rely on. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

/**
 * The CLI is two bundles (build/cli.js parses arguments, build/commands.js runs a command), each with its own copy of
 * this class, so `instanceof` cannot tell a command's CliError from a bug in build/cli.js. A brand in the global symbol
 * registry is the same in both copies.
 */
const CLI_ERROR = Symbol.for('report-tables.CliError');

/** Input the CLI cannot use (bad file, missing sheet, bad option): one line on stderr and exit code 2, never a stack trace. */
export class CliError extends Error {
  readonly [CLI_ERROR] = true;
  readonly code: string;
  readonly messages: Record<Lang, string>;
  /** Print the usage hint after the message. */
  readonly showUsageHint: boolean;
  constructor(code: string, messages: Record<Lang, string>, showUsageHint = false) {
    super(messages['en-US']);
    this.name = 'CliError';
    this.code = code;
    this.messages = messages;
    this.showUsageHint = showUsageHint;
  }
}

/** A CliError from either bundle (see CLI_ERROR). */
export function isCliError(error: unknown): error is CliError {
  return typeof error === 'object' && error !== null && (error as { [CLI_ERROR]?: unknown })[CLI_ERROR] === true;
}
