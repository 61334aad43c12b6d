/** Reading tables and writing workbooks for the round commands, through the file layer; fs only here and in the commands. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UnusableInputError, analyze, type Analysis, type Config } from '../../core';
import type { Lang } from '../../core/types';
import { FileError, type WorkbookFormat } from '../../files';
import { roundSheetNames } from '../../core/returns';
import { CliError, isCliError } from '../errors';
import type { CliIO } from '../io';
import { readInput } from '../readInput';

export interface TableFile {
  file: string;
  bytes: Uint8Array;
  format: WorkbookFormat;
  sheet: string;
  analysis: Analysis;
}

const MERGED_SHEETS = new Set<string>(Object.values(roundSheetNames.merged));

/** Files a folder of returns may hold; temporary files of Office (~$…) and hidden files are skipped. */
const RETURN_FILE = /\.(xlsx|xlsm|xls|xml|htm|html|docx)$/i;

/**
 * Open a workbook (a binary .xls through LibreOffice when installed, as every command does), read the sheet — the
 * named one, else a merged table of an earlier round, else the first visible one — and run the engine. Every failure
 * is one line that names the file.
 */
export async function readTableFile(file: string, sheet: string | null, range: string | null, config: Config | undefined, io: CliIO, lang: Lang): Promise<TableFile> {
  const base = path.basename(file);
  const named = (error: CliError): CliError =>
    error.messages['zh-CN'].includes(base) ? error : new CliError(error.code, { 'zh-CN': `${base}：${error.messages['zh-CN']}`, 'en-US': `${base}: ${error.messages['en-US']}` });
  try {
    const { bytes, book } = await readInput(file, io, lang);
    // Last round's output holds the original sheet first and the merged table in 合并后: the merged one is the table now.
    const merged = book.sheets.find((s) => MERGED_SHEETS.has(s.name));
    const name = sheet ?? merged?.name ?? book.sheets.find((s) => !s.hidden)?.name ?? book.sheets[0]?.name;
    if (name === undefined || !book.sheets.some((s) => s.name === name)) {
      throw new CliError('no-sheet', {
        'zh-CN': `${base} 中没有工作表“${sheet ?? ''}”（有：${book.sheets.map((s) => s.name).join('、')}）`,
        'en-US': `${base} has no sheet "${sheet ?? ''}" (it has: ${book.sheets.map((s) => s.name).join(', ')})`,
      });
    }
    const { grid } = book.readSheet(name, range === null ? {} : { range });
    return { file, bytes, format: book.format, sheet: name, analysis: analyze(grid, { config }) };
  } catch (error) {
    if (isCliError(error)) throw named(error);
    if (error instanceof FileError || error instanceof UnusableInputError) {
      throw new CliError(error.code, { 'zh-CN': `${base}：${error.messages['zh-CN']}`, 'en-US': `${base}: ${error.messages['en-US']}` });
    }
    throw error;
  }
}

/** The return files named on the command line: files as given, folders expanded to the workbooks they hold (sorted). */
export async function returnFiles(args: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const out: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      out.push(arg); // reported as unreadable when read
      continue;
    }
    if (!stat.isDirectory()) {
      out.push(arg);
      continue;
    }
    const names = (await fs.readdir(arg)).filter((n) => RETURN_FILE.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort();
    for (const name of names) {
      const file = path.join(arg, name);
      if (!skip.has(path.resolve(file))) out.push(file);
    }
  }
  return out;
}

/** Write next to the target and rename, so that a failure leaves no half-written workbook. */
export async function writeBytes(output: string, bytes: Uint8Array): Promise<void> {
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

/** The output must be a new .xlsx, never one of the inputs. */
export function checkOutput(output: string, inputs: readonly string[]): void {
  if (inputs.some((f) => path.resolve(f) === path.resolve(output))) {
    throw new CliError('overwrite-input', {
      'zh-CN': `输出文件不能是输入文件本身（${output}）：请用 -o 指定另一个文件名`,
      'en-US': `the output must not be an input file (${output}): give another name with -o`,
    });
  }
  if (!/\.xlsx$/i.test(output)) {
    throw new CliError('output-not-xlsx', { 'zh-CN': `输出文件须以 .xlsx 结尾：${output}`, 'en-US': `the output file must end in .xlsx: ${output}` });
  }
}

/** Errors of the file layer while writing, as one line for the user. */
export function writeError(error: unknown, file: string): never {
  if (error instanceof FileError) {
    throw new CliError(error.code, { 'zh-CN': `${path.basename(file)}：${error.messages['zh-CN']}`, 'en-US': `${path.basename(file)}: ${error.messages['en-US']}` });
  }
  throw error;
}
