/**
 * Word in and out. Reading: every table of a .docx as one grid (one "sheet") with the Word position of every row.
 * Writing: the cleaned table of an analysis as a document to hand in. Bytes in, bytes out; no Node-only API.
 */
import { registerDocxReader } from '../docxHook';
import { openDocx } from './readDocx';

export { readDocx, openDocx, DOCX_SHEET_NAME } from './readDocx';
export type { DocxSheet, OpenedDocx, ReadDocxOptions } from './readDocx';
export { describeDocxPosition, describeDocxFinding } from './position';
export type { DocxPositions, DocxRowPosition } from './position';
export { exportDocx, exportDocxWithModel } from './exportDocx';
export { buildExportModel } from './exportModel';
export type { DocxExportOptions, ExportModel } from './exportModel';
export { FONTS, FONT_FALLBACKS } from './fontTable';

/** Put the Word reader behind openWorkbook (format 'docx'); call once at start-up (CLI, web page, add-in). */
export function installDocxReader(): void {
  registerDocxReader((bytes) => openDocx(bytes));
}

/** What `fix` says on stderr when its input is a Word document. */
export const DOCX_FIX_NOTE = {
  'zh-CN': '输入是 Word 文档：整理结果写成新的 .xlsx 工作簿（每项一行），原文档不变',
  'en-US': 'the input is a Word document: the repaired table is written as a new .xlsx workbook (one row per record); the document is unchanged',
} as const;
