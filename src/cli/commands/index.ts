/** The commands, loaded only when one runs (a separate file in the bundle: see scripts/build-cli.js). */
export { checkCommand } from './check';
export { fixCommand } from './fix';
export { summarizeCommand } from './summarize';
export { runRoundCommand } from './roundCommand';
