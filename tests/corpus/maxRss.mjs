/* global process */
// Preloaded (node --import) into a CLI process the corpus runs: on exit, writes the process's peak resident memory
// (KB) to the file named by CORPUS_MAX_RSS_FILE, so a test can tell a zip bomb refused with bounded memory from one
// inflated in full.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.CORPUS_MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
