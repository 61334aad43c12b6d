/**
 * `report-tables export FILE -o OUT.docx [--official NAME] [--lagging-only] [--title …] [--date …]`: the cleaned table
 * of a workbook or a Word document as a Word document to hand in (附件). Parses its own options so the shared argument
 * parser needs no change beyond dispatching here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UnusableInputError, analyze } from '../../core';
import type { Config, Lang } from '../../core';
import { FileError, openWorkbook } from '../../files';
import { exportDocxWithModel, installDocxReader, openDocx } from '../../files/docx';
import { langFromArgv, parseLang } from '../args';
import { loadConfig } from '../config';
import { CliError, EXIT_OK } from '../errors';
import { stageReporter, type CliIO } from '../io';

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

const WORD_NAME = /\.(docx|docm|dotx|dotm|doc|wps)$/i;

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

/** A file-layer or engine refusal as the CLI's one line (exit code 2), named after the file. */
function asCliError(error: unknown, file: string): unknown {
  const name = path.basename(file);
  if (error instanceof FileError || error instanceof UnusableInputError) {
    // The file layer names the file itself in some messages.
    const named = (text: string, sep: string) => (text.startsWith(name) ? text : `${name}${sep}${text}`);
    return new CliError(error.code, { 'zh-CN': named(error.messages['zh-CN'], '：'), 'en-US': named(error.messages['en-US'], ': ') });
  }
  return error;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError('input-missing', {
      'zh-CN': `无法读取 ${file}（${code === 'ENOENT' ? '文件不存在' : (code ?? '未知原因')}）`,
      'en-US': `cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown reason')})`,
    });
  }
}

async function writeOutput(output: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, output);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError('write-failed', { 'zh-CN': `无法写入 ${output}（${code}）`, 'en-US': `cannot write ${output} (${code})` });
  }
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
  installDocxReader();
  try {
    stage('reading');
    const bytes = await readInput(options.file);
    let docxBytes: Uint8Array;
    let records: number;
    try {
      const fileName = path.basename(options.file);
      // A file named as a Word document goes to the Word reader, so a .doc, .wps or encrypted one hears about Word.
      const workbook = WORD_NAME.test(fileName) ? openDocx(bytes, { fileName }) : openWorkbook(bytes, { fileName });
      const visible = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
      const sheetName = options.sheet ?? visible?.name;
      if (sheetName === undefined) throw new CliError('no-sheets', { 'zh-CN': `${options.file} 中没有工作表`, 'en-US': `${options.file} has no sheets` });
      const { grid, warnings } = workbook.readSheet(sheetName, options.range ? { range: options.range } : undefined);
      for (const warning of warnings) io.stderr(`report-tables: ${warning.messages[lang]}\n`);
      stage('analyzing');
      const analysis = analyze(grid, { config });
      stage('writing');
      const exportOptions = { official: options.official, laggingOnly: options.laggingOnly, title: options.title, date: options.date, config };
      const exported = await exportDocxWithModel(analysis, exportOptions);
      docxBytes = exported.bytes;
      records = exported.model.recordCount;
    } catch (error) {
      throw asCliError(error, options.file);
    }
    await writeOutput(options.output, docxBytes);
    io.stdout(
      lang === 'en-US'
        ? `Wrote ${path.basename(options.output)}: ${records} tasks, A4 landscape, header repeated on every page.\n`
        : `已写入 ${path.basename(options.output)}：${records} 项事项，A4 横向，每页重复表头。\n`,
    );
    return EXIT_OK;
  } finally {
    io.progress?.(null);
  }
}
