/**
 * Word in: every table of a .docx, in document order, as the one grid the engine reads — without a paste.
 * - a Word row is one grid row; each paragraph of a cell is one line of the cell's text;
 * - w:gridSpan and w:vMerge become merged areas;
 * - paragraphs above the first table are title rows (a 一、… heading there is a section row); every paragraph between
 *   two tables (a heading, a caption) is a section row: one cell spanning the table's width;
 * - a table continued after nothing but empty paragraphs (a table split over pages) continues the one before: its
 *   repeated header rows are dropped and a vertical merge may carry on over the split;
 * - a position map says, for each grid row, which Word table and row it came from and the heading above it.
 */
import { isSectionHeading } from '../../core/table/rows';
import type { CellValue, Grid, MergedArea } from '../../core/types';
import { fileError } from '../errors';
import type { FileWarning, Limits, OpenedWorkbook, ReadSheetOptions, ReadSheetResult } from '../types';
import { boundaryMap, identityMap } from './alignColumns';
import { readNumbering } from './numbering';
import { openDocxPackage } from './package';
import { readBody, type WordParagraph, type WordRow, type WordTable } from './readBody';
import { readStyles } from './styles';
import { sliceGrid } from './sliceGrid';
import type { DocxPositions, DocxRowPosition } from './position';

/** The one sheet a Word document becomes. */
export const DOCX_SHEET_NAME = 'Word表格';

export interface DocxSheet {
  name: string;
  grid: Grid;
  warnings: FileWarning[];
  /** Where each grid row came from in the document (for findings a clerk can find in Word). */
  positions: DocxPositions;
}

export interface ReadDocxOptions {
  fileName?: string;
  limits?: Partial<Limits>;
}

const warning = (code: string, zh: string, en: string): FileWarning => ({ code, messages: { 'zh-CN': zh, 'en-US': en } });

/** Texts of a row by grid column, for telling a repeated header row. */
function rowKey(row: WordRow): string {
  return row.cells.map((cell) => `${cell.column}:${cell.vMerge === 'continue' ? '' : cell.text.replace(/\s+/g, '')}`).join('\u0001');
}

/** The header rows of a table: its w:tblHeader rows, or else its first row. */
function headerKeys(table: WordTable): string[] {
  const flagged: string[] = [];
  for (const row of table.rows) {
    if (!row.header) break;
    flagged.push(rowKey(row));
  }
  return flagged.length > 0 ? flagged : table.rows.slice(0, 1).map(rowKey);
}

class GridBuilder {
  readonly values: CellValue[][] = [];
  readonly rows: DocxRowPosition[] = [];
  private readonly areas: MergedArea[] = [];
  /** Vertical merges still open, by grid column. */
  private open = new Map<number, MergedArea>();
  heading: string | null = null;

  constructor(readonly width: number) {}

  private newRow(position: DocxRowPosition): CellValue[] {
    const row = Array<CellValue>(this.width).fill(null);
    this.values.push(row);
    this.rows.push(position);
    return row;
  }

  paragraph(text: string, kind: 'title' | 'section'): void {
    const r = this.values.length;
    if (kind === 'section') this.heading = text;
    this.newRow({ kind, table: null, tableRow: null, heading: kind === 'section' ? text : this.heading })[0] = text;
    if (kind === 'section' && this.width > 1) this.areas.push({ row: r, column: 0, rowCount: 1, columnCount: this.width });
    this.open.clear();
  }

  /** A Word row; `columns` maps the table's column boundaries onto the grid's (see alignColumns). */
  tableRow(row: WordRow, table: number, columns: number[]): void {
    const r = this.values.length;
    const values = this.newRow({ kind: 'table-row', table, tableRow: row.index, heading: this.heading });
    const covered = new Set<number>();
    for (const wordCell of row.cells) {
      const start = columns[Math.min(wordCell.column, columns.length - 1)];
      const end = columns[Math.min(wordCell.column + wordCell.span, columns.length - 1)];
      const cell = { ...wordCell, column: start, span: Math.max(1, end - start) };
      if (cell.column >= this.width) continue;
      const span = Math.min(cell.span, this.width - cell.column);
      for (let c = cell.column; c < cell.column + span; c++) covered.add(c);
      const above = this.open.get(cell.column);
      if (cell.vMerge === 'continue' && above) {
        above.rowCount = r - above.row + 1;
        // Word shows only the first cell of a merge; text typed into a continued cell is kept, not lost.
        if (cell.text !== '') {
          const origin = this.values[above.row][above.column];
          this.values[above.row][above.column] = origin === null || origin === '' ? cell.text : `${String(origin)}\n${cell.text}`;
        }
        continue;
      }
      values[cell.column] = cell.text === '' ? null : cell.text;
      const area: MergedArea = { row: r, column: cell.column, rowCount: 1, columnCount: span };
      this.areas.push(area);
      for (let c = cell.column; c < cell.column + span; c++) this.open.delete(c);
      this.open.set(cell.column, area);
    }
    for (const c of [...this.open.keys()]) if (!covered.has(c)) this.open.delete(c);
  }

  /** A new table (not a continuation): nothing merges across the gap. */
  closeMerges(): void {
    this.open.clear();
  }

  merges(): MergedArea[] {
    return this.areas.filter((a) => a.rowCount > 1 || a.columnCount > 1);
  }
}

/** Read every table of a .docx into one grid (one sheet), with the position of every row. */
export function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): { sheets: DocxSheet[] } {
  const pkg = openDocxPackage(bytes, options);
  const blocks = readBody(pkg.document, { styles: readStyles(pkg.styles), numbering: readNumbering(pkg.numbering) });
  const tables = blocks.filter((b): b is WordTable => b.kind === 'table' && b.rows.length > 0);
  if (tables.length === 0) {
    throw fileError('docx-no-table', 'Word 文档中没有表格：请确认事项是用 Word 表格排列的', 'the Word document holds no table: the tasks must be laid out in a Word table');
  }
  const width = Math.max(...tables.map((t) => t.width));
  const reference = tables.find((t) => t.width === width) as WordTable;
  let unaligned = 0;
  let previousColumns: number[] = identityMap(width);
  const builder = new GridBuilder(width);
  const warnings: FileWarning[] = [];
  let pending: WordParagraph[] = [];
  let tableNumber = 0;
  let previous: WordTable | null = null;
  let nested = 0;

  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.trim() !== '') pending.push(block);
      continue;
    }
    tableNumber++;
    if (block.rows.length === 0) continue;
    nested += block.nestedTables;
    const continuation = previous !== null && pending.length === 0;
    for (const p of pending) {
      // Above the first table: the document's title and date, and perhaps the first 一、… heading.
      const kind = previous === null && !isSectionHeading(p.text) ? 'title' : 'section';
      builder.paragraph(p.text.trim(), kind);
    }
    pending = [];
    let rows = block.rows;
    if (continuation && previous) {
      const keys = headerKeys(previous);
      let drop = 0;
      while (drop < keys.length && drop < rows.length && rowKey(rows[drop]) === keys[drop]) drop++;
      rows = rows.slice(drop);
    } else {
      builder.closeMerges();
    }
    let columns = block.width === width ? identityMap(width) : boundaryMap(block, reference);
    if (columns === null && continuation && previous && previousColumns.length === block.width + 1) columns = previousColumns;
    if (columns === null) {
      unaligned++;
      columns = identityMap(block.width);
    }
    previousColumns = columns;
    for (const row of rows) builder.tableRow(row, tableNumber, columns);
    // A continuation keeps the header of the table it continues.
    if (!continuation) previous = block;
  }
  if (pending.length > 0) {
    warnings.push(
      warning(
        'docx-text-after-tables',
        `最后一个表格之后的 ${pending.length} 段文字（如落款、备注）不属于表格，未读入`,
        `${pending.length} paragraph(s) after the last table (signature, notes) are not part of the table and were not read`,
      ),
    );
  }
  if (nested > 0) {
    warnings.push(warning('docx-nested-table', `有 ${nested} 个表格嵌套在单元格内，已按文字并入所在单元格`, `${nested} table(s) nested inside cells were read as the text of their cell`));
  }
  if (unaligned > 0) {
    warnings.push(
      warning('docx-table-widths', `有 ${unaligned} 个表格的列数与其他表格不同、表头也对不上，已按左对齐拼接：请核对各列是否对应`,
        `${unaligned} table(s) have a different number of columns and a different header; they were aligned on the left: check that the columns match`),
    );
  }
  const grid: Grid = { values: builder.values, merges: builder.merges(), origin: { row: 1, column: 1 }, sheet: DOCX_SHEET_NAME };
  return { sheets: [{ name: DOCX_SHEET_NAME, grid, warnings, positions: { origin: grid.origin, rows: builder.rows } }] };
}

export interface OpenedDocx extends OpenedWorkbook {
  readSheet(name: string, options?: ReadSheetOptions): ReadSheetResult & { positions: DocxPositions };
}

/** A .docx behind the file layer's OpenedWorkbook: one sheet holding every table (for openWorkbook's 'docx' format). */
export function openDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): OpenedDocx {
  const [sheet] = readDocx(bytes, options).sheets;
  return {
    format: 'docx',
    sheets: [{ name: sheet.name, hidden: false }],
    readSheet(name, readOptions) {
      if (name !== sheet.name) {
        throw fileError('sheet-not-found', `Word 文档中只有“${sheet.name}”一个工作表（全部表格）`, `a Word document has one sheet, "${sheet.name}" (every table)`);
      }
      if (!readOptions?.range) return { grid: sheet.grid, warnings: sheet.warnings, positions: sheet.positions };
      const grid = sliceGrid(sheet.grid, readOptions.range);
      const top = grid.origin.row - sheet.grid.origin.row;
      const positions: DocxPositions = { origin: grid.origin, rows: sheet.positions.rows.slice(top, top + grid.values.length) };
      return { grid, warnings: sheet.warnings, positions };
    },
  };
}
