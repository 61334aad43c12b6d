/**
 * Writing the summary sheets, and any other set of report sheets (the comparison with last period). A refresh replaces sheets of the same names: the new sheets are written under
 * temporary names first and swapped in at the end, so a failure leaves the previous summary untouched. Sheets the
 * add-in made are remembered (by sheet id, in a workbook setting); a sheet of the same name that the office made itself
 * is replaced only after the clerk said so. Deleting the old sheets and renaming the new ones happen in separate syncs,
 * so a rename never meets a name that is still taken.
 */
import type { Lang, Summary } from '../core/types';
import { summarySheets, type SheetSpec } from '../core/sheets';
import { reportSheetSpecs } from '../host/reportSheets';
import { type ReportSheetsWriteOptions, type SummaryWriteOptions, type SummaryWriteResult, throwIfCancelled } from './host';
import { explainAccessDenied, isAccessDenied, toHostError } from './errors';
import { runExcel } from './runtime';
import { uniqueSheetName } from '../core/sheets/sheetName';
import { writeSpecSheet } from './specSheet';

const TEMP_PREFIX = '~rt ';
/** Ids of the sheets this add-in wrote as summaries. */
export const SUMMARY_SHEETS_SETTING = 'reportTables.summarySheets';
/** Ids of the sheets of one report set (`reportTables.reportSheets.compare`, …). */
export function reportSheetsSetting(group: string): string {
  return `reportTables.reportSheets.${group}`;
}

function parseIds(value: unknown): string[] {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(data) ? data.filter((id): id is string => typeof id === 'string') : [];
}

export function writeSummarySheets(summary: Summary, lang: Lang, options: SummaryWriteOptions = {}): Promise<SummaryWriteResult> {
  return writeSheetSet(summarySheets(summary, lang), SUMMARY_SHEETS_SETTING, options);
}

export function writeReportSheets(sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult> {
  return writeSheetSet(reportSheetSpecs(sheets), reportSheetsSetting(options.group), options);
}

/** Writes `specs` as new sheets at the end; the sheets whose ids `settingKey` holds are ours and replaced without asking. */
function writeSheetSet(specs: readonly SheetSpec[], settingKey: string, options: SummaryWriteOptions): Promise<SummaryWriteResult> {
  return runExcel(
    async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name');
      const setting = context.workbook.settings.getItemOrNullObject(settingKey).load('value');
      const previous = specs.map((spec) => worksheets.getItemOrNullObject(spec.name).load('name,id'));
      await context.sync();
      const ours = new Set(setting.isNullObject ? [] : parseIds(setting.value));
      const foreign = previous.filter((sheet) => !sheet.isNullObject && !ours.has(sheet.id)).map((sheet) => sheet.name);
      if (foreign.length > 0 && !options.replace) return { sheets: [], needsConfirmation: foreign };

      const names = worksheets.items.map((sheet) => sheet.name);
      const temps: string[] = [];
      try {
        const written: Excel.Worksheet[] = [];
        for (const [i, spec] of specs.entries()) {
          throwIfCancelled(options.signal);
          const temp = uniqueSheetName(`${TEMP_PREFIX}${i + 1}`, names);
          names.push(temp);
          const sheet = worksheets.add(temp);
          temps.push(temp);
          written.push(sheet);
          await writeSpecSheet(context, sheet, spec, undefined, options.signal);
          options.onProgress?.({ stage: 'summary', done: i + 1, total: specs.length });
        }
        throwIfCancelled(options.signal);
        for (const sheet of previous) if (!sheet.isNullObject) sheet.delete();
        await context.sync();
        written.forEach((sheet, i) => {
          sheet.name = specs[i]!.name;
          sheet.load('id');
        });
        written[0]?.activate();
        await context.sync();
        context.workbook.settings.add(settingKey, JSON.stringify(written.map((sheet) => sheet.id)));
        await context.sync();
        return { sheets: specs.map((spec) => spec.name) };
      } catch (error) {
        await deleteSheets(context, temps);
        if (isAccessDenied(error)) throw await explainAccessDenied([]);
        throw toHostError(error);
      }
    },
    { undoGroup: true },
  );
}

async function deleteSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  if (names.length === 0) return;
  try {
    const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load('name'));
    await context.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    await context.sync();
  } catch {
    // Leftover temporary sheets are visible and harmless; the original error is what the user needs to see.
  }
}
