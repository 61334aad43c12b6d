import path from 'node:path';
import type { Workbook } from 'exceljs';
import { summarySheetNames, summarySheets } from '../../core/sheets';
import type { CliOptions } from '../args';
import { analyzeFile } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { checkOutputPath, writeWorkbook } from '../outputFile';
import { existingTableNames, writeSpecSheet } from '../xlsx/writeSheets';

/** `summarize`: OUT.xlsx is the workbook plus the summary sheets; summary sheets from an earlier run (either language) are replaced. */
export async function summarizeCommand(options: CliOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const output = options.output ?? '';
  await checkOutputPath(file, output);
  const config = await loadConfig(options.config);
  const { workbook, worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config);
  const replaced = removeSummarySheets(workbook, worksheet.name);
  const tableNames = existingTableNames(workbook);
  const specs = summarySheets(analysis.summary, options.lang);
  for (const spec of specs) writeSpecSheet(workbook, spec, { asTable: true, tableNames });
  await writeWorkbook(workbook, output);
  const names = specs.map((spec) => spec.name);
  const { total, onSchedule, lagging } = analysis.summary;
  io.stdout(
    options.lang === 'en-US'
      ? `Wrote ${path.basename(output)}: ${names.map((n) => `"${n}"`).join(', ')}${replaced > 0 ? ` (replacing ${replaced} earlier summary sheets)` : ''}; ${total} tasks, ${onSchedule} on schedule, ${lagging.length} lagging.\n`
      : `已写入 ${path.basename(output)}：${names.map((n) => `“${n}”`).join('、')}${replaced > 0 ? `（替换了原有的 ${replaced} 张汇总表）` : ''}；共 ${total} 项，按进度 ${onSchedule} 项，滞后 ${lagging.length} 项。\n`,
  );
  return EXIT_OK;
}

/** Remove summary sheets an earlier run wrote, in either language; never the sheet being summarized. */
function removeSummarySheets(workbook: Workbook, sourceSheet: string): number {
  const known = new Set(summarySheetNames.map((name) => name.toLowerCase()));
  const stale = workbook.worksheets.filter((ws) => known.has(ws.name.toLowerCase()) && ws.name !== sourceSheet);
  for (const ws of stale) workbook.removeWorksheet(ws.id);
  return stale.length;
}
