/**
 * The commands that write or read Word documents and the returns round (export, split, merge, compare): a bundle of
 * their own (build/word-commands.js), since the Word writer alone is a quarter of a megabyte of code to compile.
 */
export { exportCommand } from './export';
export { runRoundCommand } from './roundCommand';
