/**
 * Writing the summary sheets into WPS 表格. A refresh replaces sheets of the same names: the new sheets are written
 * under temporary names first and swapped in at the end, so a failure leaves the previous summary untouched.
 * No native chart: the host says so in its capabilities and the pane shows the chart itself.
 */
import type { Lang, Summary } from '../core/types';
import { summarySheets, uniqueSheetName } from '../core/sheets';
import type { Progress } from '../host';
import type { WpsApplication } from './api';
import { deleteSheets, sheetNames } from './applyPlan';
import { findSheet } from './documentStore';
import { toWpsHostError, wpsHostError } from './errors';
import { writeSpecSheet } from './writeCells';

const TEMP_PREFIX = '~rt ';

export async function writeSummarySheets(app: WpsApplication, summary: Summary, lang: Lang, onProgress?: (p: Progress) => void): Promise<{ sheets: string[] }> {
  const specs = summarySheets(summary, lang);
  const book = app.ActiveWorkbook;
  if (!book) throw wpsHostError('no-workbook');
  const names = sheetNames(app);
  const temps: string[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      const temp = uniqueSheetName(`${TEMP_PREFIX}${i + 1}`, names);
      names.push(temp);
      const sheets = book.Worksheets;
      const sheet = sheets.Add(null, sheets.Item(sheets.Count));
      sheet.Name = temp;
      temps.push(temp);
      await writeSpecSheet(sheet, spec);
      onProgress?.({ stage: 'summary', done: i + 1, total: specs.length });
    }
    deleteSheets(app, specs.map((spec) => spec.name).filter((name) => findSheet(app, name) !== null));
    specs.forEach((spec, i) => {
      findSheet(app, temps[i]!)!.Name = spec.name;
    });
    findSheet(app, specs[0]!.name)?.Activate();
    return { sheets: specs.map((spec) => spec.name) };
  } catch (error) {
    try {
      deleteSheets(app, temps);
    } catch {
      // leftover temporary sheets are visible and harmless
    }
    throw toWpsHostError(error);
  }
}
