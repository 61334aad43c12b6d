/**
 * Where the Word reader (src/files/docx, owned by the Word issue) plugs in behind openWorkbook: until it registers,
 * a .docx given as a workbook gets a clear message instead of "no sheets".
 */
import type { ReadSheetResult, SheetInfo } from './types';

export interface DocxTables {
  sheets: SheetInfo[];
  readSheet(name: string, options?: { range?: string }): ReadSheetResult;
}

export type DocxReader = (bytes: Uint8Array) => DocxTables;

let docxReader: DocxReader | undefined;

export function registerDocxReader(reader: DocxReader | undefined): void {
  docxReader = reader;
}

export function currentDocxReader(): DocxReader | undefined {
  return docxReader;
}
