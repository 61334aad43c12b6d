import type { Lang } from '../core/types';

/** Exit codes: the contract scripts rely on. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

/** Input the CLI cannot use (bad file, missing sheet, bad option): one line on stderr and exit code 2, never a stack trace. */
export class CliError extends Error {
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
