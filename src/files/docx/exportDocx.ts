/**
 * Word out: the cleaned table as a document to hand in (附件), written with the `docx` library.
 * A4 landscape; title lines in 公文 fonts; the header row repeated on every page; rows kept whole on a page; section
 * rows across the full width; 序号 and 工作任务 merged down over a task's sub-items; one paragraph per unit and per
 * person; ▲ on lagging tasks; "— 1 —" page numbers in the footer. Bytes out as a Uint8Array (no Node-only API).
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, VerticalMergeType, WidthType } from 'docx';
import type { Analysis } from '../../core/types';
import { buildExportModel, type DocxExportOptions, type ExportCell, type ExportModel } from './exportModel';
import { addFontFallbacks, FONTS } from './fontTable';
import { officeDocumentOptions, officeSection, SIZE, TEXT_WIDTH, textParagraph } from './page';

export type { DocxExportOptions } from './exportModel';

function titleParagraphs(model: ExportModel): Paragraph[] {
  return model.titleLines.map((line) => {
    if (line.role === 'attachment') return textParagraph(line.text, { fontName: FONTS.heading, size: SIZE.line, align: AlignmentType.LEFT });
    if (line.role === 'title') return textParagraph(line.text, { fontName: FONTS.title, size: SIZE.title, align: AlignmentType.CENTER });
    return textParagraph(line.text, { fontName: FONTS.body, size: SIZE.line, align: AlignmentType.CENTER });
  });
}

function columnWidths(model: ExportModel): number[] {
  const total = model.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const widths = model.columns.map((c) => Math.floor((TEXT_WIDTH * c.weight) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(spec: ExportCell, fontName: string, width: number): TableCell {
  return new TableCell({
    columnSpan: spec.span && spec.span > 1 ? spec.span : undefined,
    verticalMerge: spec.vMerge === 'restart' ? VerticalMergeType.RESTART : spec.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    children: spec.paragraphs.map((text) =>
      textParagraph(text, { fontName, size: SIZE.table, align: spec.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  });
}

/** Width of the cell that starts at grid column `start` and spans `span` columns. */
function spanWidth(widths: number[], start: number, span: number): number {
  return widths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

function rowCells(cells: ExportCell[], fontName: string, widths: number[]): TableCell[] {
  let column = 0;
  return cells.map((spec) => {
    const span = spec.span ?? 1;
    const out = cell(spec, fontName, spanWidth(widths, column, span));
    column += span;
    return out;
  });
}

function table(model: ExportModel): Table {
  const widths = columnWidths(model);
  const rows: TableRow[] = [
    // Repeated at the top of every page; never split.
    new TableRow({ tableHeader: true, cantSplit: true, children: rowCells(model.header, FONTS.heading, widths) }),
  ];
  for (const row of model.rows) {
    if (row.kind === 'section') {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: widths.length,
              width: { size: TEXT_WIDTH, type: WidthType.DXA },
              // keepNext: a heading is not left alone at the foot of a page.
              children: [textParagraph(row.text, { fontName: FONTS.heading, size: SIZE.table, keepNext: true })],
            }),
          ],
        }),
      );
    } else {
      rows.push(new TableRow({ cantSplit: true, children: rowCells(row.cells, FONTS.body, widths) }));
    }
  }
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

/** The document for a model (exposed for tests of the layout). */
export function exportDocument(model: ExportModel): Document {
  return new Document(officeDocumentOptions([officeSection([...titleParagraphs(model), table(model)])]));
}

/**
 * The cleaned table of an analysis as a Word document to hand in (.docx bytes).
 * Options: `official` (only that official's sections), `laggingOnly` (only the lagging tasks), `title`, `date`, `config`.
 * Throws FileError 'export-no-official' when the official has no tasks in the table.
 */
export async function exportDocx(analysis: Analysis, options: DocxExportOptions = {}): Promise<Uint8Array> {
  return (await exportDocxWithModel(analysis, options)).bytes;
}

/** The same, with the model it laid out (how many records and sections went in), for a report to the user. */
export async function exportDocxWithModel(analysis: Analysis, options: DocxExportOptions = {}): Promise<{ bytes: Uint8Array; model: ExportModel }> {
  const model = buildExportModel(analysis, options);
  const packed = await Packer.pack(exportDocument(model), 'uint8array');
  return { bytes: addFontFallbacks(packed), model };
}
