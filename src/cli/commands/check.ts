import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CliOptions } from '../args';
import { checkOne } from '../checkOne';
import type { CheckOutcome, CheckRequest } from '../checkOne';
import { localToday } from '../analyzeBook';
import { loadConfig } from '../config';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from '../errors';
import type { CliIO } from '../io';
import type { CheckDocument, CheckFailureDocument } from '../report/checkDocument';
import { readableReport } from '../report/readable';

/** From this many files on, `check` spreads them over worker threads (one per core). */
const PARALLEL_FROM = 4;

/** The worker script sits next to the bundled CLI (build/check-worker.js); run from source, files are checked in turn. */
function workerScript(): string | null {
  const file = path.join(__dirname, 'check-worker.js');
  return existsSync(file) ? file : null;
}

async function checkInWorkers(script: string, requests: CheckRequest[], config: string | null, onOutcome: (index: number, outcome: CheckOutcome) => void): Promise<void> {
  const count = Math.min(requests.length, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { config } });
        const send = (): void => {
          if (next >= requests.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next;
          next += 1;
          worker.postMessage({ index, request: requests[index] });
        };
        worker.on('message', (message: { index: number; outcome?: CheckOutcome; failure?: string }) => {
          if (message.outcome) onOutcome(message.index, message.outcome);
          else failures.push(message.failure ?? '');
          send();
        });
        worker.on('error', reject);
        send();
      }),
    ),
  );
  if (failures.length > 0) throw new Error(failures[0]);
}

/**
 * `check`: report each file. A file that cannot be used does not stop the others; the exit code is the worst one
 * (2 unusable, 1 errors found, 0 clean).
 */
export async function checkCommand(options: CliOptions, io: CliIO): Promise<number> {
  const config = await loadConfig(options.config);
  const today = options.today ?? localToday();
  const requests: CheckRequest[] = options.files.map((file) => ({ file, sheet: options.sheet, range: options.range, today, lang: options.lang }));
  const outcomes: Array<CheckOutcome | undefined> = new Array(requests.length);
  let printed = 0;
  const documents: Array<CheckDocument | CheckFailureDocument> = [];
  let exitCode = EXIT_OK;
  // Print in file order as soon as every earlier file is done.
  const flush = (): void => {
    while (printed < outcomes.length && outcomes[printed] !== undefined) {
      const outcome = outcomes[printed] as CheckOutcome;
      const file = requests[printed].file;
      for (const note of outcome.notes) io.stderr(note);
      if (outcome.ok) {
        for (const warning of outcome.warnings) io.stderr(warning);
        if (outcome.doc.summary.errors > 0) exitCode = Math.max(exitCode, EXIT_FINDINGS);
        if (options.json) documents.push(outcome.doc);
        else io.stdout(`${printed > 0 ? '\n' : ''}${readableReport(outcome.doc, options.lang)}\n`);
      } else {
        exitCode = EXIT_UNUSABLE;
        io.stderr(`report-tables: ${outcome.messages[options.lang]}\n`);
        if (options.json) documents.push({ file, error: { code: outcome.code, message: outcome.messages[options.lang] } });
      }
      printed += 1;
    }
  };
  const script = requests.length >= PARALLEL_FROM ? workerScript() : null;
  if (script !== null) {
    await checkInWorkers(script, requests, options.config, (index, outcome) => {
      outcomes[index] = outcome;
      flush();
    });
  } else {
    for (const [i, request] of requests.entries()) {
      outcomes[i] = await checkOne(request, config, io);
      flush();
    }
  }
  if (options.json) {
    // One file: its document, or nothing when it was unusable (the reason is on stderr). Several: an array.
    if (options.files.length > 1) io.stdout(`${JSON.stringify(documents, null, 2)}\n`);
    else if (documents.length === 1 && !('error' in documents[0])) io.stdout(`${JSON.stringify(documents[0], null, 2)}\n`);
  }
  return exitCode;
}
