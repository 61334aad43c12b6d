import path from 'node:path';
import type { CliOptions } from '../args';
import { analyzeFile } from '../analyzeFile';
import { loadConfig } from '../config';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from '../errors';
import { stageReporter, type CliIO } from '../io';
import { checkDocument } from '../report/checkDocument';
import type { CheckDocument, CheckFailureDocument } from '../report/checkDocument';
import { readableReport } from '../report/readable';

/**
 * `check`: report each file. A file that cannot be used does not stop the others; the exit code is the worst one
 * (2 unusable, 1 errors found, 0 clean).
 */
export async function checkCommand(options: CliOptions, io: CliIO): Promise<number> {
  const config = await loadConfig(options.config);
  const documents: Array<CheckDocument | CheckFailureDocument> = [];
  let exitCode = EXIT_OK;
  for (const [i, file] of options.files.entries()) {
    try {
      const stage = stageReporter(io, path.basename(file), options.lang);
      const { worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config, stage).finally(() => io.progress?.(null));
      const doc = checkDocument(file, worksheet.name, analysis, options.lang);
      if (doc.summary.errors > 0) exitCode = Math.max(exitCode, EXIT_FINDINGS);
      if (options.json) documents.push(doc);
      else io.stdout(`${i > 0 ? '\n' : ''}${readableReport(doc, options.lang)}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      exitCode = EXIT_UNUSABLE;
      io.stderr(`report-tables: ${error.messages[options.lang]}\n`);
      if (options.json) documents.push({ file, error: { code: error.code, message: error.messages[options.lang] } });
    }
  }
  if (options.json) {
    // One file: its document, or nothing when it was unusable (the reason is on stderr). Several: an array.
    if (options.files.length > 1) io.stdout(`${JSON.stringify(documents, null, 2)}\n`);
    else if (documents.length === 1 && !('error' in documents[0])) io.stdout(`${JSON.stringify(documents[0], null, 2)}\n`);
  }
  return exitCode;
}
