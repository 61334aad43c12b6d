/** The CLI's side of writing: which package the new sheets go into, macros, and the file on disk. */
import path from 'node:path';
import { rangeA1 } from '../core';
import type { Grid } from '../core';
import { addSheets, createWorkbook } from '../files';
import type { OutputSheet, WorkbookFormat, WriteOptions, WriteResult } from '../files';
import type { AnalyzedFile } from './analyzeFile';
import { CliError } from './errors';
import type { CliIO } from './io';
import { fromFileError } from './readInput';
import { nodeZip } from './nativeZlib';
import { writeOutput } from './outputFile';

/** A sheet read from HTML, SpreadsheetML 2003 or Word, written as it was so the output still holds the original. */
function originalSheet(grid: Grid, name: string): OutputSheet {
  const rows = grid.values.map((row) => row.map((value) => (value === null ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value)));
  return {
    name,
    columns: [],
    rows,
    widths: [],
    autoFilter: false,
    freeze: { rows: 0 },
    merges: grid.merges.map((m) => rangeA1(m.row + 1, m.column + 1, m.rowCount, m.columnCount)),
  };
}

/** What writing needs of the input: small enough to keep while the grid and the analysis are let go. */
export interface WriteSource {
  file: string;
  bytes: Uint8Array;
  format: WorkbookFormat;
  /** The input's sheet as a sheet to write, for inputs that are no package to add sheets to (HTML, SpreadsheetML, Word). */
  original: OutputSheet | null;
}

/**
 * Keep only what writing needs. The caller drops the rest (grid, analysis, the opened workbook's caches) before the
 * output is built, so a 100k-row table is not held twice.
 */
export function writeSource(input: Pick<AnalyzedFile, 'file' | 'bytes' | 'book' | 'grid' | 'sheetName'>): WriteSource {
  const hasPackage = input.book.format === 'xlsx' || input.book.format === 'xlsm';
  return { file: input.file, bytes: input.bytes, format: input.book.format, original: hasPackage ? null : originalSheet(input.grid, input.sheetName) };
}

export async function writeWorkbook(
  input: WriteSource,
  sheets: OutputSheet[],
  output: string,
  options: { replace?: WriteOptions['replace']; io: CliIO; lang: 'zh-CN' | 'en-US' },
): Promise<WriteResult> {
  const { io, lang } = options;
  const macroOutput = /\.xlsm$/i.test(output);
  if (macroOutput && input.format !== 'xlsm') {
    throw new CliError('output-not-xlsm', {
      'zh-CN': `输入文件不含宏，输出文件应以 .xlsx 结尾：${output}`,
      'en-US': `the input holds no macros; the output file should end in .xlsx: ${output}`,
    });
  }
  let result: WriteResult;
  try {
    const base = input.original === null ? input.bytes : createWorkbook([input.original]);
    result = addSheets(base, sheets, { replace: options.replace, plainWorkbook: !macroOutput, native: nodeZip });
  } catch (error) {
    return fromFileError(error);
  }
  if (result.macrosDropped) {
    io.stderr(
      lang === 'en-US'
        ? `report-tables: ${path.basename(output)} is an .xlsx file, which cannot hold macros: the macros of ${path.basename(input.file)} were left out. Name the output .xlsm to keep them.\n`
        : `report-tables：${path.basename(output)} 是 .xlsx 文件，不能包含宏：${path.basename(input.file)} 中的宏未写入。若要保留宏，请把输出文件命名为 .xlsm。\n`,
    );
  }
  await writeOutput(output, result.bytes);
  return result;
}
