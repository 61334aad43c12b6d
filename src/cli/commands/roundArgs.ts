/**
 * Arguments of the reporting-round commands (split, merge, compare), parsed here so that args.ts needs only its
 * usage lines: main.ts hands these three commands over before its own parser runs. Light on purpose (no engine, no
 * file layer): it is part of the small CLI entry; the commands themselves are in roundCommand.ts.
 */
import type { Lang } from '../../core/types';
import { langFromArgv, parseLang } from '../args';
import { CliError } from '../errors';

export type RoundCommandName = 'split' | 'merge' | 'compare';

export interface RoundOptions {
  command: RoundCommandName;
  files: string[];
  output: string | null;
  sheet: string | null;
  range: string | null;
  config: string | null;
  period: string | null;
  /** split: what each unit gets — its workbook (default), its Word form, or both. */
  format: 'xlsx' | 'docx' | 'both';
  json: boolean;
  lang: Lang;
}

const ROUND_COMMANDS: readonly string[] = ['split', 'merge', 'compare'];

export function isRoundCommand(name: string | undefined): name is RoundCommandName {
  return name !== undefined && ROUND_COMMANDS.includes(name);
}

function usageError(zh: string, en: string): CliError {
  return new CliError('usage', { 'zh-CN': zh, 'en-US': en }, true);
}

const valueOptions: Record<string, 'output' | 'sheet' | 'range' | 'config' | 'period' | 'format' | 'lang'> = {
  '-o': 'output',
  '--output': 'output',
  '--sheet': 'sheet',
  '--range': 'range',
  '--config': 'config',
  '--period': 'period',
  '--format': 'format',
  '--lang': 'lang',
};

export function parseRoundArgs(argv: readonly string[]): RoundOptions {
  const [command, ...rest] = argv;
  if (!isRoundCommand(command)) throw usageError(`未知命令：${command}`, `unknown command: ${command}`);
  const options: RoundOptions = { command, files: [], output: null, sheet: null, range: null, config: null, period: null, format: 'xlsx', json: false, lang: langFromArgv(argv) };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--json') {
      if (command === 'split') throw usageError('--json 不适用于 split', '--json does not apply to split');
      options.json = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = valueOptions[name];
    if (key) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw usageError(`${name} 缺少取值`, `${name} needs a value`);
      if (key === 'period' && command !== 'split') throw usageError('--period 只用于 split', '--period only applies to split');
      if (key === 'format') {
        if (command !== 'split') throw usageError('--format 只用于 split', '--format only applies to split');
        if (value !== 'xlsx' && value !== 'docx' && value !== 'both') throw usageError(`--format 只能是 xlsx、docx 或 both：${value}`, `--format must be xlsx, docx or both: ${value}`);
        options.format = value;
      } else if (key === 'lang') {
        if (parseLang(value) === null) throw usageError(`--lang 只能是 zh-CN 或 en：${value}`, `--lang must be zh-CN or en: ${value}`);
      } else options[key] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw usageError(`未知选项：${arg}`, `unknown option: ${arg}`);
    options.files.push(arg);
  }
  const need = { split: 1, merge: 2, compare: 2 }[command];
  if (options.files.length < need) {
    const zh = { split: 'split 需要总表文件', merge: 'merge 需要总表文件和至少一份报送（文件或文件夹）', compare: 'compare 需要上期和本期两个文件' }[command];
    const en = { split: 'split needs the master table', merge: 'merge needs the master table and at least one return (file or folder)', compare: 'compare needs last period\'s file and this period\'s' }[command];
    throw usageError(zh, en);
  }
  if (command === 'split' && options.files.length > 1) throw usageError('split 一次只处理一个总表', 'split takes one master table');
  if (command === 'compare' && options.files.length > 2) throw usageError('compare 只比较两个文件（上期、本期）', 'compare takes two files (last period, this period)');
  if (options.output === null && command !== 'compare') {
    throw usageError(
      command === 'split' ? 'split 需要 -o 输出文件夹' : 'merge 需要 -o 输出.xlsx',
      command === 'split' ? 'split needs -o OUTPUT_FOLDER' : 'merge needs -o OUTPUT.xlsx',
    );
  }
  return options;
}

