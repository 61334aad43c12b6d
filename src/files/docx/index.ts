/**
 * Word in and out. Reading: every table of a .docx as one grid (one "sheet") with the Word position of every row.
 * Writing: the cleaned table of an analysis as a document to hand in. Bytes in, bytes out; no Node-only API.
 */

export { readDocx, openDocx, DOCX_SHEET_NAME } from './readDocx';
export type { DocxReadResult, DocxSheet, OpenedDocx, ReadDocxOptions } from './readDocx';
export { refuseWordCompoundFile } from './package';
export { describeDocxPosition, describeDocxFinding } from './position';
export type { DocxPositions, DocxRowPosition } from './position';
export { exportDocx, exportDocxWithModel } from './exportDocx';
export { buildExportModel } from './exportModel';
export type { DocxExportOptions, ExportModel } from './exportModel';
export { FONTS, FONT_FALLBACKS } from './fontTable';
export { installDocxReader, openTableFile, isWordFileName, DOCX_FIX_NOTE } from './openTableFile';
