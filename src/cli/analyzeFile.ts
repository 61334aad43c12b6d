import path from 'node:path';
import { UnusableInputError, analyze } from '../core';
import type { Analysis, Config, Grid } from '../core';
import type { DateCell, FileWarning, OpenedWorkbook } from '../files';
import { CliError } from './errors';
import type { CliIO, Stage } from './io';
import { fromFileError, readInput } from './readInput';

export interface AnalyzedFile {
  file: string;
  /** The file's bytes (or LibreOffice's .xlsx of a binary .xls), for writing an output package that copies it. */
  bytes: Uint8Array;
  book: OpenedWorkbook;
  converted: boolean;
  sheetName: string;
  grid: Grid;
  analysis: Analysis;
  warnings: FileWarning[];
  /** Date cells of the sheet read (sheet coordinates), so a repaired sheet can keep them dates. */
  dates: DateCell[];
}

export interface AnalyzeRequest {
  sheet: string | null;
  range: string | null;
  config: Config | undefined;
  io: CliIO;
  lang: 'zh-CN' | 'en-US';
  onStage?: (stage: Stage) => void;
}

/** Open a workbook, read the sheet and run the engine; anything unusable becomes a CliError with a one-line reason. */
export async function analyzeFile(file: string, request: AnalyzeRequest): Promise<AnalyzedFile> {
  const { sheet, range, config, io, lang } = request;
  const onStage = request.onStage ?? (() => undefined);
  onStage('reading');
  const { bytes, book, converted } = await readInput(file, io, lang);
  const name = path.basename(file);
  let sheetName: string;
  let grid: Grid;
  let dates: DateCell[] = [];
  const warnings: FileWarning[] = [...(book.warnings ?? [])];
  try {
    sheetName = sheet ?? (book.sheets.find((s) => !s.hidden) ?? book.sheets[0]).name;
    const read = book.readSheet(sheetName, range === null ? {} : { range });
    grid = read.grid;
    dates = read.dates ?? [];
    sheetName = grid.sheet ?? sheetName;
    warnings.push(...read.warnings);
  } catch (error) {
    return fromFileError(error);
  }
  const where = range === null ? `“${sheetName}”` : `“${sheetName}”!${range}`;
  const whereEn = range === null ? `"${sheetName}"` : `"${sheetName}"!${range}`;
  if (grid.values.length === 0 || grid.values.every((row) => row.every((value) => value === null || value === ''))) {
    throw new CliError('empty-sheet', {
      'zh-CN': `${name} 的工作表${where}是空的`,
      'en-US': `sheet ${whereEn} of ${name} is empty`,
    });
  }
  let analysis: Analysis;
  onStage('analyzing');
  try {
    analysis = analyze(grid, { config });
  } catch (error) {
    if (!(error instanceof UnusableInputError)) throw error;
    throw new CliError(error.code, {
      'zh-CN': `${name} 的工作表${where}：${error.messages['zh-CN']}`,
      'en-US': `${name}, sheet ${whereEn}: ${error.messages['en-US']}`,
    });
  }
  return { file, bytes, book, converted, sheetName, grid, analysis, warnings, dates };
}

/** Warnings from reading, one line each on stderr. */
export function printWarnings(io: CliIO, file: string, warnings: FileWarning[], lang: 'zh-CN' | 'en-US'): void {
  for (const warning of warnings) io.stderr(`report-tables: ${path.basename(file)}: ${warning.messages[lang]}\n`);
}
