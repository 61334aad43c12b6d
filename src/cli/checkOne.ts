/** Check one file: what `check` does per file, in the main thread or in a worker. */
import path from 'node:path';
import type { Config } from '../core';
import { analyzeBook } from './analyzeBook';
import { isCliError } from './errors';
import type { CliIO } from './io';
import { stageReporter } from './io';
import { bookDocument, sheetDocument } from './report/checkDocument';
import type { CheckDocument } from './report/checkDocument';

export interface CheckRequest {
  file: string;
  sheet: string | null;
  range: string | null;
  /** YYYY-MM-DD, decided once in the main thread so every file of a run has the same day. */
  today: string;
  lang: 'zh-CN' | 'en-US';
}

export type CheckOutcome =
  | { ok: true; doc: CheckDocument; warnings: string[]; notes: string[] }
  | { ok: false; code: string; messages: { 'zh-CN': string; 'en-US': string }; notes: string[] };

export async function checkOne(request: CheckRequest, config: Config | undefined, io: CliIO): Promise<CheckOutcome> {
  const notes: string[] = [];
  // Notes (LibreOffice conversion) go with the outcome, so a worker's lines come out in file order.
  const quiet: CliIO = { stdout: () => undefined, stderr: (text) => notes.push(text), progress: io.progress };
  try {
    const stage = stageReporter(io, path.basename(request.file), request.lang);
    const { tables, skipped, summary, warnings } = await analyzeBook(request.file, {
      sheet: request.sheet,
      range: request.range,
      today: request.today,
      config,
      io: quiet,
      lang: request.lang,
      onStage: stage,
      plan: 'lazy',
    }).finally(() => io.progress?.(null));
    const sheets = tables.map((t) => sheetDocument(t.sheetName, t.analysis, request.lang, t.locate));
    const skippedSheets = skipped.map((s) => ({ sheet: s.name, code: s.code, message: s.messages[request.lang] }));
    const doc = bookDocument(request.file, sheets, summary, skippedSheets);
    return { ok: true, doc, warnings: warnings.map((w) => `report-tables: ${path.basename(request.file)}: ${w.messages[request.lang]}\n`), notes };
  } catch (error) {
    if (!isCliError(error)) throw error;
    return { ok: false, code: error.code, messages: error.messages, notes };
  }
}
