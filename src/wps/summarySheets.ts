/**
 * Writing the summary sheets, and any other set of report sheets (the comparison with last period), into WPS 表格. A refresh replaces sheets of the same names: the new sheets are written
 * under temporary names first and swapped in at the end, so a failure leaves the previous summary untouched.
 * No native chart: the host says so in its capabilities and the pane shows the chart itself.
 */
import type { Lang, Summary } from '../core/types';
import { summarySheets, uniqueSheetName, type SheetSpec } from '../core/sheets';
import { type ReportSheetsWriteOptions, type SummaryWriteOptions, type SummaryWriteResult, throwIfCancelled } from '../host';
import { reportSheetSpecs } from '../host/reportSheets';
import type { WpsApplication } from './api';
import { deleteSheets, sheetNames } from './applyPlan';
import { findSheet, readStored, writeStored } from './documentStore';
import { toWpsHostError, wpsHostError } from './errors';
import { freezeRows, writeSpecSheet } from './writeCells';

const TEMP_PREFIX = '~rt ';
/** Names of the sheets this add-in wrote as summaries, kept in the workbook (WPS gives sheets no stable id to keep). */
export const SUMMARY_SHEETS_KEY = 'summarySheets';

/** Names of the sheets of one report set (`reportSheets.compare`, …). */
export function reportSheetsKey(group: string): string {
  return `reportSheets.${group}`;
}

export function writeSummarySheets(app: WpsApplication, summary: Summary, lang: Lang, options: SummaryWriteOptions = {}): Promise<SummaryWriteResult> {
  return writeSheetSet(app, summarySheets(summary, lang), SUMMARY_SHEETS_KEY, options);
}

export function writeReportSheets(app: WpsApplication, sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult> {
  return writeSheetSet(app, reportSheetSpecs(sheets), reportSheetsKey(options.group), options);
}

/** Writes `specs` as new sheets at the end; the sheets whose names `key` holds are ours and replaced without asking. */
async function writeSheetSet(app: WpsApplication, specs: readonly SheetSpec[], key: string, options: SummaryWriteOptions): Promise<SummaryWriteResult> {
  const book = app.ActiveWorkbook;
  if (!book) throw wpsHostError('no-workbook');
  // A sheet of a summary's name that the add-in did not write is the office's own: replaced only once the clerk agreed.
  const stored = readStored(app, key);
  const ours = new Set(Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : []);
  const foreign = specs.map((spec) => spec.name).filter((name) => !ours.has(name) && findSheet(app, name) !== null);
  if (foreign.length > 0 && !options.replace) return { sheets: [], needsConfirmation: foreign };
  const names = sheetNames(app);
  const temps: string[] = [];
  const updating = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    for (const [i, spec] of specs.entries()) {
      throwIfCancelled(options.signal);
      const temp = uniqueSheetName(`${TEMP_PREFIX}${i + 1}`, names);
      names.push(temp);
      const sheets = book.Worksheets;
      const sheet = sheets.Add(null, sheets.Item(sheets.Count));
      sheet.Name = temp;
      temps.push(temp);
      await writeSpecSheet(sheet, spec, undefined, options.signal);
      freezeRows(app, sheet, 1);
      options.onProgress?.({ stage: 'summary', done: i + 1, total: specs.length });
    }
    throwIfCancelled(options.signal);
    deleteSheets(app, specs.map((spec) => spec.name).filter((name) => findSheet(app, name) !== null));
    specs.forEach((spec, i) => {
      findSheet(app, temps[i]!)!.Name = spec.name;
    });
    writeStored(app, key, specs.map((spec) => spec.name));
    if (specs.length > 0) findSheet(app, specs[0]!.name)?.Activate();
    return { sheets: specs.map((spec) => spec.name) };
  } catch (error) {
    try {
      deleteSheets(app, temps);
    } catch {
      // leftover temporary sheets are visible and harmless
    }
    throw toWpsHostError(error);
  } finally {
    app.ScreenUpdating = updating;
  }
}
