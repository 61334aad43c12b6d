import path from 'node:path';
import { sheetNames, summarySheets } from '../../core/sheets';
import type { OutputSheet } from '../../files';
import type { CliOptions } from '../args';
import { printWarnings } from '../analyzeFile';
import { analyzeBook, localToday } from '../analyzeBook';
import { skippedLine } from './fix';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import { stageReporter, type CliIO } from '../io';
import { checkOutputPath } from '../outputFile';
import { writeSource, writeWorkbook } from '../writeWorkbook';

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
  try {
    const input = await analyzeBook(file, { sheet: options.sheet, range: options.range, today: options.today ?? localToday(), config, io, lang: options.lang, onStage: stage, plan: 'lazy' });
    printWarnings(io, file, input.warnings, options.lang);
    // One set of summary sheets over every table sheet (the lagging list names each task's sheet).
    const specs: OutputSheet[] = summarySheets(input.summary, options.lang);
    const kindOf = new Map(specs.map((spec, i) => [spec, SUMMARY_KINDS[i]]));
    stage('writing');
    const summary = input.summary;
    const summarized = new Set(input.tables.map((t) => t.sheetName.toLowerCase()));
    const [first] = input.tables;
    const result = await writeWorkbook(writeSource({ ...input, grid: first.grid, sheetName: first.sheetName }), specs, output, {
      io,
      lang: options.lang,
      // An earlier summary of the same kind (named in either language), never the sheet being summarized.
      replace: (existing, sheet) => {
        const kind = kindOf.get(sheet);
        if (kind === undefined || summarized.has(existing.toLowerCase())) return false;
        return Object.values(sheetNames[kind]).some((name) => name.toLowerCase() === existing.toLowerCase());
      },
    });
    const { total, onSchedule, lagging } = summary;
    const names = result.names;
    const replaced = result.replaced;
    io.stdout(
      options.lang === 'en-US'
        ? `Wrote ${path.basename(output)}: ${names.map((n) => `"${n}"`).join(', ')}${replaced > 0 ? ` (replacing ${replaced} earlier summary sheets)` : ''}; ${total} tasks, ${onSchedule} on schedule, ${lagging.length} lagging.\n`
        : `已写入 ${path.basename(output)}：${names.map((n) => `“${n}”`).join('、')}${replaced > 0 ? `（替换了原有的 ${replaced} 张汇总表）` : ''}；共 ${total} 项，按进度 ${onSchedule} 项，滞后 ${lagging.length} 项。\n`,
    );
    if (input.skipped.length > 0) io.stdout(`${skippedLine(input.skipped.map((s) => s.name), options.lang)}\n`);
  } finally {
    io.progress?.(null);
  }
  return EXIT_OK;
}
