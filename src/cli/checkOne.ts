/** Check one file: what `check` does per file, in the main thread or in a worker. */
import path from 'node:path';
import type { Config } from '../core';
import { analyzeFile } from './analyzeFile';
import { isCliError } from './errors';
import type { CliIO } from './io';
import { stageReporter } from './io';
import { checkDocument } from './report/checkDocument';
import type { CheckDocument } from './report/checkDocument';

export interface CheckRequest {
  file: string;
  sheet: string | null;
  range: string | null;
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
    const { sheetName, analysis, warnings, locate } = await analyzeFile(request.file, {
      sheet: request.sheet,
      range: request.range,
      config,
      io: quiet,
      lang: request.lang,
      onStage: stage,
    }).finally(() => io.progress?.(null));
    const doc = checkDocument(request.file, sheetName, analysis, request.lang, locate);
    return { ok: true, doc, warnings: warnings.map((w) => `report-tables: ${path.basename(request.file)}: ${w.messages[request.lang]}\n`), notes };
  } catch (error) {
    if (!isCliError(error)) throw error;
    return { ok: false, code: error.code, messages: error.messages, notes };
  }
}
