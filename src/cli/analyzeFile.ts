import path from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import { UnusableInputError, analyze } from '../core';
import type { Analysis, Config, Grid } from '../core';
import { CliError } from './errors';
import type { Stage } from './io';
import { openWorkbook, pickWorksheet } from './xlsx/openWorkbook';
import { readGrid } from './xlsx/readGrid';

export interface AnalyzedFile {
  file: string;
  workbook: Workbook;
  /** The file's bytes, for writing an output package that copies it. */
  bytes: Buffer;
  worksheet: Worksheet;
  grid: Grid;
  analysis: Analysis;
}

/** Open a workbook, read the sheet and run the engine; anything unusable becomes a CliError with a one-line reason. */
export async function analyzeFile(
  file: string,
  sheet: string | null,
  range: string | null,
  config: Config | undefined,
  onStage: (stage: Stage) => void = () => undefined,
): Promise<AnalyzedFile> {
  onStage('reading');
  const { workbook, bytes } = await openWorkbook(file);
  const worksheet = pickWorksheet(workbook, sheet, file);
  const grid = readGrid(worksheet, range);
  const where = range === null ? `“${worksheet.name}”` : `“${worksheet.name}”!${range}`;
  const whereEn = range === null ? `"${worksheet.name}"` : `"${worksheet.name}"!${range}`;
  if (grid.values.length === 0 || grid.values.every((row) => row.every((value) => value === null || value === ''))) {
    throw new CliError('empty-sheet', {
      'zh-CN': `${path.basename(file)} 的工作表${where}是空的`,
      'en-US': `sheet ${whereEn} of ${path.basename(file)} is empty`,
    });
  }
  let analysis: Analysis;
  onStage('analyzing');
  try {
    analysis = analyze(grid, { config });
  } catch (error) {
    if (!(error instanceof UnusableInputError)) throw error;
    throw new CliError(error.code, {
      'zh-CN': `${path.basename(file)} 的工作表${where}：${error.messages['zh-CN']}`,
      'en-US': `${path.basename(file)}, sheet ${whereEn}: ${error.messages['en-US']}`,
    });
  }
  return { file, workbook, bytes, worksheet, grid, analysis };
}
