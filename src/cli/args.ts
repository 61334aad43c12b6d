import type { Lang } from '../core/types';
import { CliError } from './errors';

export type Command = 'check' | 'fix' | 'summarize';

export interface CliOptions {
  command: Command;
  files: string[];
  output: string | null;
  sheet: string | null;
  range: string | null;
  /** YYYY-MM-DD for overdue tasks (--today); null: the local date when the command runs. */
  today: string | null;
  config: string | null;
  json: boolean;
  lang: Lang;
}

export type ParsedArgs = { kind: 'help'; lang: Lang } | { kind: 'run'; options: CliOptions };

const commands: readonly Command[] = ['check', 'fix', 'summarize'];

/** Options that take a value, and the commands that accept them. */
const valueOptions: Record<string, { key: 'output' | 'sheet' | 'range' | 'today' | 'config' | 'lang'; commands: readonly Command[] }> = {
  '-o': { key: 'output', commands: ['fix', 'summarize'] },
  '--output': { key: 'output', commands: ['fix', 'summarize'] },
  '--sheet': { key: 'sheet', commands },
  '--range': { key: 'range', commands },
  '--today': { key: 'today', commands },
  '--config': { key: 'config', commands },
  '--lang': { key: 'lang', commands },
};

/** The language asked for, looked up before anything else so even argument errors speak it. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLang(value) ?? 'zh-CN';
  }
  return 'zh-CN';
}

export function parseLang(value: string): Lang | null {
  const lower = value.toLowerCase();
  if (lower === 'en' || lower === 'en-us' || lower === 'en-gb') return 'en-US';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans') return 'zh-CN';
  return null;
}

function usageError(zh: string, en: string): CliError {
  return new CliError('usage', { 'zh-CN': zh, 'en-US': en }, true);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langFromArgv(argv);
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help', lang };
  const [first, ...rest] = argv;
  if (!commands.includes(first as Command)) {
    throw usageError(`未知命令：${first}（可用：check、fix、summarize）`, `unknown command: ${first} (use check, fix or summarize)`);
  }
  const command = first as Command;
  const options: CliOptions = { command, files: [], output: null, sheet: null, range: null, today: null, config: null, json: false, lang };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--json') {
      if (command !== 'check') throw usageError(`--json 只用于 check`, `--json only applies to check`);
      options.json = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = valueOptions[name];
    if (spec) {
      if (!spec.commands.includes(command)) throw usageError(`${name} 不适用于 ${command}`, `${name} does not apply to ${command}`);
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw usageError(`${name} 缺少取值`, `${name} needs a value`);
      if (spec.key === 'lang') {
        if (parseLang(value) === null) throw usageError(`--lang 只能是 zh-CN 或 en：${value}`, `--lang must be zh-CN or en: ${value}`);
      } else if (spec.key === 'today') {
        if (!isCalendarDate(value)) throw usageError(`--today 应是 YYYY-MM-DD 格式的日期：${value}`, `--today must be a date as YYYY-MM-DD: ${value}`);
        options.today = value;
      } else {
        options[spec.key] = value;
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw usageError(`未知选项：${arg}`, `unknown option: ${arg}`);
    options.files.push(arg);
  }
  // A range means one sheet's cells: with every sheet read, it would be unclear which sheet it is on.
  if (options.range !== null && options.sheet === null) {
    throw usageError(`--range 需要同时用 --sheet 指明工作表`, `--range needs --sheet to name the sheet it is on`);
  }
  if (options.files.length === 0) throw usageError(`请指定 .xlsx 文件`, `no .xlsx file given`);
  if (command !== 'check') {
    if (options.files.length > 1) throw usageError(`${command} 一次只处理一个文件`, `${command} takes one file at a time`);
    if (options.output === null) throw usageError(`${command} 需要 -o 输出文件`, `${command} needs -o OUTPUT.xlsx`);
  }
  return { kind: 'run', options };
}

/** A real day written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function usage(lang: Lang): string {
  if (lang === 'en-US') {
    return `report-tables — clean, validate and summarize key-task progress tables (.xlsx)

Usage:
  report-tables check FILE.xlsx [FILE2.xlsx …] [--sheet NAME [--range A1:F900]] [--today YYYY-MM-DD] [--config FILE] [--json] [--lang zh-CN|en]
  report-tables fix FILE.xlsx -o OUT.xlsx [--sheet NAME [--range A1:F900]] [--today YYYY-MM-DD] [--config FILE] [--lang zh-CN|en]
  report-tables summarize FILE.xlsx -o OUT.xlsx [--sheet NAME [--range A1:F900]] [--today YYYY-MM-DD] [--config FILE] [--lang zh-CN|en]
  report-tables export FILE.xlsx|FILE.docx -o OUT.docx [--official NAME] [--lagging-only] [--title TEXT] [--date TEXT]
  report-tables split MASTER.xlsx -o FOLDER [--period 2018年1-10月] [--format xlsx|docx|both]
                                                                        one workbook per unit to fill in (status drop-down, rest locked);
                                                                        --format docx: a Word form per unit instead, both: the two (default xlsx)
  report-tables merge MASTER.xlsx RETURN… -o OUT.xlsx [--json]          the units' returns (files or a folder) merged into the master
  report-tables compare LAST.xlsx THIS.xlsx [-o OUT.xlsx] [--json]      newly lagging, still lagging, recovered, completed, per official

  check      report the table's sections, records and findings (--json: one JSON document, an array for several files)
  fix        write OUT.xlsx: the workbook unchanged plus a repaired sheet (one row per record) and a change log
  summarize  write OUT.xlsx: the workbook plus summary sheets by official, status and unit, and the lagging tasks
  export     write OUT.docx: the cleaned table as a Word document to hand in (A4 landscape, header on every page)

Options:
  --sheet NAME      only this sheet (default: every sheet that holds a progress table)
  --range A1:F900   with --sheet: the cells to read (default: from A1 to the last cell with a value)
  --today DATE      the day deadlines are compared with, YYYY-MM-DD (default: today's local date)
  --config FILE     a JSON configuration (status words, units, header names, rule severities)
  --lang            language of messages and sheet names (default zh-CN)

Exit codes: 0 no errors, 1 check found errors, 2 unusable input (bad file, missing sheet, bad option or config), 3 internal error.`;
  }
  return `report-tables（报表整理）— 整理、校验、汇总重点工作进展情况表（.xlsx）

用法：
  report-tables check 文件.xlsx [文件2.xlsx …] [--sheet 工作表 [--range A1:F900]] [--today YYYY-MM-DD] [--config 配置.json] [--json] [--lang zh-CN|en]
  report-tables fix 文件.xlsx -o 输出.xlsx [--sheet 工作表 [--range A1:F900]] [--today YYYY-MM-DD] [--config 配置.json] [--lang zh-CN|en]
  report-tables summarize 文件.xlsx -o 输出.xlsx [--sheet 工作表 [--range A1:F900]] [--today YYYY-MM-DD] [--config 配置.json] [--lang zh-CN|en]
  report-tables export 文件.xlsx|文件.docx -o 输出.docx [--official 姓名] [--lagging-only] [--title 标题] [--date 日期行]
  report-tables split 总表.xlsx -o 文件夹 [--period 2018年1-10月] [--format xlsx|docx|both]
                                                                        按责任单位拆分报送表（状态下拉选择，其余单元格锁定）；
                                                                        --format docx 改为每单位一份 Word 报送表，both 两种都出（默认 xlsx）
  report-tables merge 总表.xlsx 报送… -o 输出.xlsx [--json]               把各单位的报送（文件或文件夹）合并回总表
  report-tables compare 上期.xlsx 本期.xlsx [-o 输出.xlsx] [--json]       新增滞后、持续滞后、已恢复、本期完成，按分管领导统计

  check      检查表格：列出各部分、事项数和发现的问题（--json 输出 JSON，多个文件时为数组）
  fix        写出 输出.xlsx：原工作簿不变，另加整理后的工作表（每项一行）和整理记录
  summarize  写出 输出.xlsx：原工作簿另加按分管领导、进展状态、责任单位的汇总表和滞后事项清单
  export     写出 输出.docx：整理后的表格排成可上报的 Word 文档（A4 横向，每页重复表头）

选项：
  --sheet 工作表    只读这个工作表（默认读取所有含进展情况表的工作表）
  --range A1:F900   与 --sheet 同用：要读取的区域（默认从 A1 到最后一个有内容的单元格）
  --today 日期      判断是否逾期所用的日期，YYYY-MM-DD（默认本机当天日期）
  --config 文件     JSON 配置（进展状态用语、单位名录、表头名称、规则级别）
  --lang            提示和工作表名称的语言（默认 zh-CN）

退出码：0 无错误，1 check 发现错误，2 输入无法使用（文件、工作表、选项或配置有误），3 内部错误。`;
}

export function usageHint(lang: Lang): string {
  return lang === 'en-US' ? 'Run report-tables --help for usage.' : '运行 report-tables --help 查看用法。';
}
