/**
 * The file layer: the one place that knows file formats. Bytes in, bytes out, no Node-only API.
 * The CLI, the web page and the add-in's export sit above it; the engine (src/core) below it never sees a file.
 */
export type {
  WorkbookFormat,
  SheetInfo,
  FileWarning,
  OpenedWorkbook,
  ReadSheetOptions,
  ReadSheetResult,
  Limits,
  OpenOptions,
  NativeZip,
  OutputSheet,
  WriteOptions,
  DateCell,
} from './types';
export { FileError } from './errors';
export { DEFAULT_LIMITS } from './limits';
export { registerDocxReader } from './docxHook';
export type { DocxReader, DocxTables } from './docxHook';
export { openWorkbook } from './open';
import type { OutputSheet, WriteOptions } from './types';
import { addSheets } from './xlsx/writeSheets';
import { emptyWorkbookPackage } from './xlsx/createWorkbook';

export { addSheets };
export type { WriteResult } from './types';

/** Adds (or replaces, by name) sheets inside the original package; every other part stays byte-identical. */
export function writeSheets(original: Uint8Array, sheets: OutputSheet[], options?: WriteOptions): Uint8Array {
  return addSheets(original, sheets, options).bytes;
}

/** A new workbook holding only these sheets (for split, findings export, docx→xlsx fix). */
export function createWorkbook(sheets: OutputSheet[]): Uint8Array {
  return addSheets(emptyWorkbookPackage(), sheets).bytes;
}
