/**
 * `report-tables export FILE -o OUT.docx [--official NAME] [--lagging-only] [--title …] [--date …]`: the cleaned table
 * of a workbook or a Word document as a Word document to hand in (附件). Parses its own options so the shared argument
 * parser needs no change beyond dispatching here.
 */
import path from 'node:path';
import type { Config, Lang } from '../../core';
import { exportDocxWithModel } from '../../files/docx';
import { analyzeFile, printWarnings } from '../analyzeFile';
import { langFromArgv, parseLang } from '../args';
import { loadConfig } from '../config';
import { CliError, EXIT_OK } from '../errors';
import { stageReporter, type CliIO } from '../io';
import { writeOutput } from '../outputFile';
import { fromFileError } from '../readInput';

export interface ExportOptions {
  file: string;
  output: string;
  official: string | null;
  laggingOnly: boolean;
  title: string | null;
  date: string | null;
  sheet: string | null;
  range: string | null;
  config: string | null;
  lang: Lang;
}

type ValueKey = 'output' | 'official' | 'title' | 'date' | 'sheet' | 'range' | 'config' | 'lang';
const VALUE_OPTIONS: Record<string, ValueKey> = {
  '-o': 'output',
  '--output': 'output',
  '--official': 'official',
  '--title': 'title',
  '--date': 'date',
  '--sheet': 'sheet',
  '--range': 'range',
  '--config': 'config',
  '--lang': 'lang',
};

const usageError = (zh: string, en: string): CliError => new CliError('usage', { 'zh-CN': zh, 'en-US': en }, true);

export function exportUsage(lang: Lang): string {
  return lang === 'en-US'
    ? `report-tables export FILE.xlsx|FILE.docx -o OUT.docx [--official NAME] [--lagging-only] [--title TEXT] [--date TEXT] [--sheet NAME] [--range A1:F900] [--config FILE] [--lang zh-CN|en]
  export     write OUT.docx: the cleaned table as a Word document to hand in (A4 landscape, header on every page)`
    : `report-tables export 文件.xlsx|文件.docx -o 输出.docx [--official 姓名] [--lagging-only] [--title 标题] [--date 日期行] [--sheet 工作表] [--range A1:F900] [--config 配置.json] [--lang zh-CN|en]
  export     写出 输出.docx：整理后的表格排成可上报的 Word 文档（A4 横向，每页重复表头）`;
}

export function parseExportArgs(argv: readonly string[]): ExportOptions | 'help' {
  const lang = langFromArgv(argv);
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const options: ExportOptions = { file: '', output: '', official: null, laggingOnly: false, title: null, date: null, sheet: null, range: null, config: null, lang };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--lagging-only') {
      options.laggingOnly = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = VALUE_OPTIONS[name];
    if (key) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw usageError(`${name} 缺少取值`, `${name} needs a value`);
      if (key === 'lang') {
        if (parseLang(value) === null) throw usageError(`--lang 只能是 zh-CN 或 en：${value}`, `--lang must be zh-CN or en: ${value}`);
      } else options[key] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw usageError(`未知选项：${arg}`, `unknown option: ${arg}`);
    files.push(arg);
  }
  if (files.length !== 1) throw usageError('export 需要一个输入文件（.xlsx 或 .docx）', 'export takes one input file (.xlsx or .docx)');
  options.file = files[0];
  if (options.output === '') throw usageError('export 需要 -o 输出文件（.docx）', 'export needs -o OUTPUT.docx');
  if (!/\.docx$/i.test(options.output)) throw new CliError('output-not-docx', { 'zh-CN': `输出文件须以 .docx 结尾：${options.output}`, 'en-US': `the output file must end in .docx: ${options.output}` });
  if (path.resolve(options.output) === path.resolve(options.file)) {
    throw new CliError('overwrite-input', {
      'zh-CN': `输出文件不能是输入文件本身（${options.output}）：请用 -o 指定另一个文件名`,
      'en-US': `the output must not be the input file (${options.output}): give another name with -o`,
    });
  }
  return options;
}

export async function exportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseExportArgs(argv);
  const lang = langFromArgv(argv);
  if (parsed === 'help') {
    io.stdout(`${exportUsage(lang)}\n`);
    return EXIT_OK;
  }
  const options = parsed;
  const config: Config | undefined = await loadConfig(options.config);
  const stage = stageReporter(io, path.basename(options.file), lang);
  const input = await analyzeFile(options.file, { sheet: options.sheet, range: options.range, config, io, lang, onStage: stage }).finally(() => io.progress?.(null));
  printWarnings(io, options.file, input.warnings, lang);
  stage('writing');
  let exported: Awaited<ReturnType<typeof exportDocxWithModel>>;
  try {
    exported = await exportDocxWithModel(input.analysis, { official: options.official, laggingOnly: options.laggingOnly, title: options.title, date: options.date, config });
  } catch (error) {
    return fromFileError(error);
  } finally {
    io.progress?.(null);
  }
  await writeOutput(options.output, exported.bytes);
  const records = exported.model.recordCount;
  io.stdout(
    lang === 'en-US'
      ? `Wrote ${path.basename(options.output)}: ${records} tasks, A4 landscape, header repeated on every page.\n`
      : `已写入 ${path.basename(options.output)}：${records} 项事项，A4 横向，每页重复表头。\n`,
  );
  return EXIT_OK;
}
