import path from 'node:path';
import { sheetNames, summarySheets, uniqueSheetName } from '../../core/sheets';
import type { SheetSpec } from '../../core/sheets';
import type { CliOptions } from '../args';
import { analyzeFile } from '../analyzeFile';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import { stageReporter, type CliIO, type Stage } from '../io';
import type { Analysis, Config } from '../../core';
import { checkOutputPath, openOutputPackage, writeOutput } from '../outputFile';
import type { XlsxPackage } from '../xlsx/xlsxPackage';
import { specSheetXml } from '../xlsx/writeSheets';

/** The kinds of summarySheets(), in its order. */
const SUMMARY_KINDS = ['byOfficial', 'byStatus', 'byUnit', 'lagging'] as const;

/**
 * `summarize`: OUT.xlsx is the input package, every part kept byte for byte, plus the summary sheets; a summary sheet
 * from an earlier run (either language) is replaced in place instead of adding another.
 */
export async function summarizeCommand(options: CliOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const output = options.output ?? '';
  await checkOutputPath(file, output);
  const config = await loadConfig(options.config);
  const stage = stageReporter(io, path.basename(file), options.lang);
  const { analysis, names, replaced } = await writeSummary(file, output, options, config, stage).finally(() => io.progress?.(null));
  const { total, onSchedule, lagging } = analysis.summary;
  io.stdout(
    options.lang === 'en-US'
      ? `Wrote ${path.basename(output)}: ${names.map((n) => `"${n}"`).join(', ')}${replaced > 0 ? ` (replacing ${replaced} earlier summary sheets)` : ''}; ${total} tasks, ${onSchedule} on schedule, ${lagging.length} lagging.\n`
      : `已写入 ${path.basename(output)}：${names.map((n) => `“${n}”`).join('、')}${replaced > 0 ? `（替换了原有的 ${replaced} 张汇总表）` : ''}；共 ${total} 项，按进度 ${onSchedule} 项，滞后 ${lagging.length} 项。\n`,
  );
  return EXIT_OK;
}

/**
 * Write each summary sheet over the earlier one of its kind (found by its name in either language, never the sheet
 * being summarized), or add it at the end. Returns the names written and how many sheets were replaced.
 */
/** Analyze, then write the input package with the summary sheets added as OUT.xlsx. */
async function writeSummary(
  file: string,
  output: string,
  options: CliOptions,
  config: Config | undefined,
  stage: (stage: Stage) => void,
): Promise<{ analysis: Analysis; names: string[]; replaced: number }> {
  const { bytes, worksheet, analysis } = await analyzeFile(file, options.sheet, options.range, config, stage);
  stage('writing');
  const pkg = await openOutputPackage(bytes, file);
  const written = await putSummarySheets(pkg, summarySheets(analysis.summary, options.lang), worksheet.name);
  await writeOutput(output, await pkg.toBuffer());
  return { analysis, ...written };
}

async function putSummarySheets(pkg: XlsxPackage, specs: SheetSpec[], sourceSheet: string): Promise<{ names: string[]; replaced: number }> {
  const styles = await pkg.styles();
  let existing = await pkg.sheetNames();
  const names: string[] = [];
  let replaced = 0;
  for (const [i, spec] of specs.entries()) {
    const kind = SUMMARY_KINDS[i];
    const known = new Set(kind === undefined ? [] : Object.values(sheetNames[kind]).map((name) => name.toLowerCase()));
    const earlier = existing.find((name) => name !== sourceSheet && known.has(name.toLowerCase()));
    const xml = specSheetXml(spec, styles);
    let name = uniqueSheetName(spec.name, existing.filter((other) => other !== earlier));
    if (earlier !== undefined && (await pkg.replaceWorksheet(earlier, name, xml))) {
      replaced += 1;
    } else {
      name = uniqueSheetName(spec.name, existing);
      await pkg.addWorksheet(name, xml);
    }
    names.push(name);
    existing = await pkg.sheetNames();
  }
  return { names, replaced };
}
