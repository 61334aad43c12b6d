import path from 'node:path';
import { planToValues } from '../../core';
import type { Workbook } from 'exceljs';
import type { Config } from '../../core';
import type { Lang } from '../../core/types';
import { changeLogSheet, repairedSheetName, uniqueSheetName } from '../../core/sheets';
import type { CliOptions } from '../args';
import { analyzeFile } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { checkOutputPath, writeWorkbook } from '../outputFile';
import { existingTableNames, writeRepairedSheet, writeSpecSheet } from '../xlsx/writeSheets';

/**
 * `fix`: OUT.xlsx is the workbook as it was (the source sheet untouched) plus the repaired table on a new sheet and the
 * change log. Run on its own output's repaired sheet, the plan has no changes.
 */
export async function fixCommand(options: CliOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const output = options.output ?? '';
  await checkOutputPath(file, output);
  const config = await loadConfig(options.config);
  const { workbook, outcome } = await addRepairSheets(file, options, config);
  await writeWorkbook(workbook, output);
  io.stdout(`${fixReport(path.basename(output), outcome, options.lang)}\n`);
  if (outcome.truncatedCells > 0) io.stderr(`report-tables: ${truncationWarning(outcome.truncatedCells, options.lang)}\n`);
  return EXIT_OK;
}

interface FixOutcome {
  sheet: string;
  logSheet: string;
  rows: number;
  logRows: number;
  changes: number;
  removed: number;
  mergesRemoved: number;
  truncatedCells: number;
}

/** Analyze and add the two sheets. Only the workbook outlives this call: the grid and analysis are freed before writing. */
async function addRepairSheets(file: string, options: CliOptions, config: Config | undefined): Promise<{ workbook: Workbook; outcome: FixOutcome }> {
  const { workbook, worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config);
  const { plan } = analysis;
  const names = () => workbook.worksheets.map((ws) => ws.name);
  const sheet = repairedSheetName(worksheet.name, names(), options.lang);
  const written = writeRepairedSheet(workbook, sheet, plan, planToValues(plan));
  const log = changeLogSheet(plan, options.lang);
  log.name = uniqueSheetName(log.name, names());
  writeSpecSheet(workbook, log, { asTable: true, tableNames: existingTableNames(workbook) });
  return {
    workbook,
    outcome: {
      sheet,
      logSheet: log.name,
      rows: written.rows,
      logRows: log.rows.length,
      changes: plan.changes.length,
      removed: plan.removed.length,
      mergesRemoved: plan.mergesRemoved,
      truncatedCells: written.truncatedCells,
    },
  };
}

function fixReport(output: string, o: FixOutcome, lang: Lang): string {
  const nothing = o.changes === 0 && o.removed === 0;
  if (lang === 'en-US') {
    const what = nothing ? 'no changes were needed' : `${o.logRows} entries in "${o.logSheet}", ${o.removed} rows removed, ${o.mergesRemoved} merges undone`;
    return `Wrote ${output}: sheet "${o.sheet}" (${o.rows} rows); ${what}.`;
  }
  const what = nothing ? '无需整理' : `整理记录“${o.logSheet}”${o.logRows} 条，删除 ${o.removed} 行，取消合并 ${o.mergesRemoved} 处`;
  return `已写入 ${output}：工作表“${o.sheet}”（${o.rows} 行）；${what}。`;
}

function truncationWarning(cells: number, lang: Lang): string {
  return lang === 'en-US'
    ? `${cells} cells were longer than Excel's 32,767-character limit and were cut`
    : `${cells} 个单元格超过 Excel 的 32767 字符上限，已截断`;
}
