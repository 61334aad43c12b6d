import path from 'node:path';
import { planToValues } from '../../core';
import type { Config } from '../../core';
import type { Lang } from '../../core/types';
import { changeLogSheet, repairedSheetName, uniqueSheetName } from '../../core/sheets';
import type { CliOptions } from '../args';
import { analyzeFile } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import { stageReporter, type CliIO, type Stage } from '../io';
import { checkOutputPath, openOutputPackage, writeOutput } from '../outputFile';
import { repairedSheetXml, specSheetXml } from '../xlsx/writeSheets';

/**
 * `fix`: OUT.xlsx is the input package with every part kept byte for byte, plus the repaired table on a new sheet and
 * the change log. Run on its own output's repaired sheet, the plan has no changes.
 */
export async function fixCommand(options: CliOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const output = options.output ?? '';
  await checkOutputPath(file, output);
  const config = await loadConfig(options.config);
  const stage = stageReporter(io, path.basename(file), options.lang);
  const outcome = await writeRepaired(file, output, options, config, stage).finally(() => io.progress?.(null));
  io.stdout(`${fixReport(path.basename(output), outcome, options.lang)}\n`);
  if (outcome.truncatedCells > 0) io.stderr(`report-tables: ${truncationWarning(outcome.truncatedCells, options.lang)}\n`);
  return EXIT_OK;
}

async function writeRepaired(file: string, output: string, options: CliOptions, config: Config | undefined, stage: (stage: Stage) => void): Promise<FixOutcome> {
  const { bytes, outcome } = await addRepairSheets(file, options, config, stage);
  stage('writing');
  await writeOutput(output, bytes);
  return outcome;
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

/** Analyze, then add the two sheets to a copy of the input package. Only the output bytes outlive this call. */
async function addRepairSheets(
  file: string,
  options: CliOptions,
  config: Config | undefined,
  stage: (stage: Stage) => void,
): Promise<{ bytes: Buffer; outcome: FixOutcome }> {
  const { bytes: input, worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config, stage);
  const { plan } = analysis;
  const pkg = await openOutputPackage(input, file);
  // Names from workbook.xml, not exceljs: they include chart sheets, which exceljs does not list.
  const names = await pkg.sheetNames();
  const styles = await pkg.styles();
  const sheet = repairedSheetName(worksheet.name, names, options.lang);
  const repaired = repairedSheetXml(plan, planToValues(plan), styles);
  await pkg.addWorksheet(sheet, repaired.xml);
  const log = changeLogSheet(plan, options.lang);
  log.name = uniqueSheetName(log.name, [...names, sheet]);
  await pkg.addWorksheet(log.name, specSheetXml(log, styles));
  return {
    bytes: await pkg.toBuffer(),
    outcome: {
      sheet,
      logSheet: log.name,
      rows: repaired.rows,
      logRows: log.rows.length,
      changes: plan.changes.length,
      removed: plan.removed.length,
      mergesRemoved: plan.mergesRemoved,
      truncatedCells: repaired.truncatedCells,
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
