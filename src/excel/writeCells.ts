/**
 * Writing a block of cells: in row chunks whose JSON stays well under Excel's request limit, one sync per chunk.
 */
import { type Progress, throwIfCancelled } from './host';
import { CELL_TEXT_LIMIT, GENERAL_FORMAT, TEXT_FORMAT, asNumberIfPlain, cellInput, excelWouldConvert, fittedWidths, rectangular, widthPoints, type WrittenValue } from '../host/cells';
import { chunkRows, jsonBytes } from './payload';

export interface WriteCellsOptions {
  /** Number format of a cell; defaults to General. Chunks that are all General send no formats at all. */
  formatOf?: (value: WrittenValue, row: number, column: number) => string;
  /** Columns (0-based within `rows`) whose plain integers are written as numbers (序号). */
  numberColumns?: ReadonlySet<number>;
  /** Rows (0-based within `rows`) where `numberColumns` applies (records, not titles or headers). */
  numberRows?: (row: number) => boolean;
  stage?: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface WriteCellsResult {
  syncs: number;
  /** Cells (0-based within `rows`) whose text was cut to what a cell holds. */
  truncated: Array<{ row: number; column: number }>;
}

/** Writes `rows` (rectangular) with its top-left at the 0-based sheet cell (top, left). */
export async function writeCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: WrittenValue[][],
  options: WriteCellsOptions = {},
): Promise<WriteCellsResult> {
  const width = rows[0]?.length ?? 0;
  const truncated: Array<{ row: number; column: number }> = [];
  if (rows.length === 0 || width === 0) return { syncs: 0, truncated };
  const formatOf = options.formatOf ?? (() => GENERAL_FORMAT);
  const numberColumns = options.numberColumns ?? new Set<number>();
  const inputs = rows.map((row, r) =>
    row.map((value, c) => {
      const typed = numberColumns.has(c) && (options.numberRows?.(r) ?? true) ? asNumberIfPlain(value) : value;
      const cell = cellInput(typed);
      if (cell.truncated) truncated.push({ row: r, column: c });
      return cell.input;
    }),
  );
  const formats = rows.map((row, r) => row.map((value, c) => formatOf(value, r, c)));
  const chunks = chunkRows(rows.length, (r) => jsonBytes(inputs[r]) + jsonBytes(formats[r]));
  const stage = options.stage ?? 'write';
  let done = 0;
  for (const chunk of chunks) {
    throwIfCancelled(options.signal);
    const range = sheet.getRangeByIndexes(top + chunk.start, left, chunk.count, width);
    const chunkFormats = formats.slice(chunk.start, chunk.start + chunk.count);
    if (chunkFormats.some((row) => row.some((format) => format !== GENERAL_FORMAT))) range.numberFormat = chunkFormats;
    range.values = inputs.slice(chunk.start, chunk.start + chunk.count);
    context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    done += chunk.count;
    options.onProgress?.({ stage, done, total: rows.length });
  }
  return { syncs: chunks.length, truncated };
}

export { CELL_TEXT_LIMIT, GENERAL_FORMAT, TEXT_FORMAT, asNumberIfPlain, cellInput, excelWouldConvert, fittedWidths, rectangular, widthPoints, type WrittenValue };
