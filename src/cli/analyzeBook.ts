/**
 * Every sheet of a workbook that holds a report table (or only --sheet NAME), read by the file layer and analysed by
 * the engine's analyzeWorkbook, so check/fix/summarize see the whole workbook, not only its first sheet.
 */
import path from 'node:path';
import { analyzeWorkbook } from '../core';
import type { Analysis, Config, Grid, Summary } from '../core';
import type { WorkbookSheet } from '../core/workbook';
import type { DateCell, FileWarning, OpenedWorkbook } from '../files';
import { CliError } from './errors';
import type { CliIO, Stage } from './io';
import { fromFileError, readInput } from './readInput';

type Locate = (row: number, column: number | null, lang: 'zh-CN' | 'en-US') => string;

/** One sheet that holds a report table, with what fix needs to write its repaired copy. */
export interface TableSheet {
  sheetName: string;
  grid: Grid;
  analysis: Analysis;
  /** The official the sheet's name gave its records (one sheet per official), null when not used. */
  officialFromName: string | null;
  locate?: Locate;
  dates: DateCell[];
}

export interface SkippedSheet {
  name: string;
  code: string;
  messages: { 'zh-CN': string; 'en-US': string };
}

export interface AnalyzedBook {
  file: string;
  bytes: Uint8Array;
  book: OpenedWorkbook;
  converted: boolean;
  /** In workbook order; never empty (a workbook without a table is a CliError). */
  tables: TableSheet[];
  skipped: SkippedSheet[];
  /** One summary over every table sheet (the sheet's own when there is one). */
  summary: Summary;
  warnings: FileWarning[];
}

export interface AnalyzeBookRequest {
  sheet: string | null;
  range: string | null;
  config: Config | undefined;
  /** YYYY-MM-DD for overdue tasks; the CLI gives the local date (the engine never reads the clock). */
  today: string;
  io: CliIO;
  lang: 'zh-CN' | 'en-US';
  onStage?: (stage: Stage) => void;
  /** 'lazy' for commands that never repair (check, summarize): the engine builds no repair plan for them. */
  plan?: 'now' | 'lazy';
}

function isBlank(grid: Grid): boolean {
  return grid.values.length === 0 || grid.values.every((row) => row.every((value) => value === null || value === ''));
}

export async function analyzeBook(file: string, request: AnalyzeBookRequest): Promise<AnalyzedBook> {
  const { sheet, range, config, io, lang, today } = request;
  const onStage = request.onStage ?? (() => undefined);
  onStage('reading');
  const { bytes, book, converted } = await readInput(file, io, lang);
  const name = path.basename(file);
  const warnings: FileWarning[] = [...(book.warnings ?? [])];
  const read = new Map<string, { grid: Grid; locate?: Locate; dates: DateCell[] }>();
  try {
    // The chosen sheet first, so a missing --sheet or a bad --range is the one line the user sees.
    if (sheet !== null) readOne(book, sheet, range, read, warnings);
    // Hidden sheets are left alone unless asked for by name: offices hide lookup lists and old periods there.
    for (const info of book.sheets) if (!info.hidden && !read.has(info.name)) readOne(book, info.name, null, read, warnings);
    if (read.size === 0 && book.sheets.length > 0) readOne(book, book.sheets[0].name, null, read, warnings);
  } catch (error) {
    return fromFileError(error);
  }
  const sheets: WorkbookSheet[] = [...read.entries()].map(([sheetName, { grid }]) => ({ name: sheetName, grid }));
  onStage('analyzing');
  const chosenName = sheet === null ? undefined : (read.has(sheet) ? sheet : [...read.keys()][0]);
  const result = analyzeWorkbook(sheets, { config, today, plan: request.plan ?? 'now', ...(chosenName === undefined ? {} : { sheet: chosenName }) });
  const tables: TableSheet[] = [];
  const skipped: SkippedSheet[] = [];
  for (const entry of result.sheets) {
    const source = read.get(entry.name);
    if (entry.analysis !== null && source) {
      tables.push({ sheetName: entry.name, grid: source.grid, analysis: entry.analysis, officialFromName: entry.officialFromName, locate: source.locate, dates: source.dates });
    } else if (entry.skipped !== null) {
      skipped.push({ name: entry.name, code: entry.skipped.code, messages: entry.skipped.messages });
    }
  }
  if (tables.length === 0) throw noTable(name, skipped, read, range);
  const summary = tables.length === 1 ? tables[0].analysis.summary : result.summary;
  return { file, bytes, book, converted, tables, skipped, summary, warnings };
}

function readOne(book: OpenedWorkbook, name: string, range: string | null, into: Map<string, { grid: Grid; locate?: Locate; dates: DateCell[] }>, warnings: FileWarning[]): void {
  const read = book.readSheet(name, range === null ? {} : { range });
  const locate = 'locate' in read && typeof read.locate === 'function' ? (read.locate as Locate) : undefined;
  into.set(read.grid.sheet ?? name, { grid: read.grid, locate, dates: read.dates ?? [] });
  warnings.push(...read.warnings);
}

/** No sheet holds a table: one line, naming the sheet (one) or the sheets looked at (several). */
function noTable(name: string, skipped: SkippedSheet[], read: Map<string, { grid: Grid }>, range: string | null): CliError {
  if (skipped.length === 1) {
    const only = skipped[0];
    const where = range === null ? `“${only.name}”` : `“${only.name}”!${range}`;
    const whereEn = range === null ? `"${only.name}"` : `"${only.name}"!${range}`;
    const grid = read.get(only.name)?.grid;
    if (grid === undefined || isBlank(grid)) {
      return new CliError('empty-sheet', { 'zh-CN': `${name} 的工作表${where}是空的`, 'en-US': `sheet ${whereEn} of ${name} is empty` });
    }
    return new CliError(only.code, {
      'zh-CN': `${name} 的工作表${where}：${only.messages['zh-CN']}`,
      'en-US': `${name}, sheet ${whereEn}: ${only.messages['en-US']}`,
    });
  }
  const names = skipped.map((s) => s.name);
  return new CliError('no-table', {
    'zh-CN': `${name} 的各工作表（${names.join('、')}）中都没有可识别的进展情况表`,
    'en-US': `none of the sheets of ${name} (${names.join(', ')}) holds a progress table the tool recognises`,
  });
}

/** Today as YYYY-MM-DD in the local time zone: an office's "today" is its own calendar day, not UTC's. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
