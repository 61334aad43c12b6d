/**
 * check, fix and summarize, loaded only when one runs (build/commands.js: see scripts/build-cli.js). The Word and
 * returns-round commands are ./wordCommands (build/word-commands.js), so these three never load the Word writer.
 */
export { checkCommand } from './check';
export { fixCommand } from './fix';
export { summarizeCommand } from './summarize';
