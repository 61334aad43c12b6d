/**
 * Writing the summary sheets. A refresh replaces sheets of the same names: the new sheets are written under
 * temporary names first and swapped in at the end, so a failure leaves the previous summary untouched.
 */
import type { Lang, Summary } from '../core/types';
import { summarySheets } from '../core/sheets';
import type { Progress } from './host';
import { toHostError } from './errors';
import { runExcel } from './runtime';
import { uniqueSheetName } from './sheetNames';
import { writeSpecSheet } from './specSheet';

const TEMP_PREFIX = '~rt ';

export function writeSummarySheets(summary: Summary, lang: Lang, onProgress?: (p: Progress) => void): Promise<{ sheets: string[] }> {
  const specs = summarySheets(summary, lang);
  return runExcel(
    async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const names = worksheets.items.map((sheet) => sheet.name);
      const temps: string[] = [];
      try {
        const written: Excel.Worksheet[] = [];
        for (const [i, spec] of specs.entries()) {
          const temp = uniqueSheetName(`${TEMP_PREFIX}${i + 1}`, names);
          names.push(temp);
          const sheet = worksheets.add(temp);
          temps.push(temp);
          written.push(sheet);
          await writeSpecSheet(context, sheet, spec);
          onProgress?.({ stage: 'summary', done: i + 1, total: specs.length });
        }
        const previous = specs.map((spec) => worksheets.getItemOrNullObject(spec.name).load('name'));
        await context.sync();
        for (const sheet of previous) if (!sheet.isNullObject) sheet.delete();
        written.forEach((sheet, i) => {
          sheet.name = specs[i]!.name;
        });
        written[0]?.activate();
        await context.sync();
        return { sheets: specs.map((spec) => spec.name) };
      } catch (error) {
        await deleteSheets(context, temps);
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
