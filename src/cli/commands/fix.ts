import path from 'node:path';
import { planToValues } from '../../core';
import type { Lang, RepairPlan } from '../../core/types';
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
  const { workbook, worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config);
  const { plan } = analysis;
  const names = () => workbook.worksheets.map((ws) => ws.name);
  const repairedName = repairedSheetName(worksheet.name, names(), options.lang);
  const written = writeRepairedSheet(workbook, repairedName, plan, planToValues(plan));
  const log = changeLogSheet(plan, options.lang);
  log.name = uniqueSheetName(log.name, names());
  writeSpecSheet(workbook, log, { asTable: true, tableNames: existingTableNames(workbook) });
  await writeWorkbook(workbook, output);
  io.stdout(`${fixReport(path.basename(output), repairedName, log.name, written.rows, log.rows.length, plan, options.lang)}\n`);
  if (written.truncatedCells > 0) io.stderr(`report-tables: ${truncationWarning(written.truncatedCells, options.lang)}\n`);
  return EXIT_OK;
}

function fixReport(output: string, sheet: string, logSheet: string, rows: number, logRows: number, plan: RepairPlan, lang: Lang): string {
  const removed = plan.removed.length;
  if (lang === 'en-US') {
    const what = plan.changes.length === 0 && removed === 0 ? 'no changes were needed' : `${logRows} entries in "${logSheet}", ${removed} rows removed, ${plan.mergesRemoved} merges undone`;
    return `Wrote ${output}: sheet "${sheet}" (${rows} rows); ${what}.`;
  }
  const what = plan.changes.length === 0 && removed === 0 ? '无需整理' : `整理记录“${logSheet}”${logRows} 条，删除 ${removed} 行，取消合并 ${plan.mergesRemoved} 处`;
  return `已写入 ${output}：工作表“${sheet}”（${rows} 行）；${what}。`;
}

function truncationWarning(cells: number, lang: Lang): string {
  return lang === 'en-US'
    ? `${cells} cells were longer than Excel's 32,767-character limit and were cut`
    : `${cells} 个单元格超过 Excel 的 32767 字符上限，已截断`;
}
