/**
 * The file layer's public types: what the CLI, the web page and the add-in's export code against.
 * Bytes in, bytes out (Uint8Array); no Node-only API anywhere under src/files.
 */
import type { Grid, Lang } from '../core/types';
import type { SheetSpec } from '../core/sheets/types';

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'spreadsheetml-2003' | 'html' | 'docx';

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** Something the reader repaired or noticed on the way, worth telling the user (never a reason to stop). */
export interface FileWarning {
  code: string;
  messages: Record<Lang, string>;
}

export interface ReadSheetOptions {
  /** An A1 range ("A1:F900"); without it the sheet's used area. */
  range?: string;
}

export interface DateCell {
  row: number;
  column: number;
  serial: number;
  format: string;
}

export interface ReadSheetResult {
  grid: Grid;
  warnings: FileWarning[];
  /** Cells that hold a date (1-based sheet row and column): the serial and the format the text was shown with. */
  dates?: DateCell[];
  /** 1-based sheet rows / columns that are hidden (the grid still holds their values). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** The sheet is protected (Excel refuses edits to its locked cells until it is unprotected). */
  protected?: boolean;
}

export interface OpenedWorkbook {
  format: WorkbookFormat;
  sheets: SheetInfo[];
  /** Warnings about the package as a whole (dropped entries, …). */
  warnings?: FileWarning[];
  /** Streams one sheet into the engine's Grid (values, merges, origin, sheet name); range is an optional A1 range. */
  readSheet(name: string, options?: ReadSheetOptions): ReadSheetResult;
}

/** Bounds against hostile files; every one can be raised by the caller. */
export interface Limits {
  /** Sum of the decompressed sizes of every entry, in bytes. */
  maxTotalBytes: number;
  /** Decompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Decompressed / compressed, per entry (only checked for entries larger than 1 MB decompressed). */
  maxRatio: number;
  /** Number of zip entries. */
  maxEntries: number;
}

export interface OpenOptions {
  fileName?: string;
  limits?: Partial<Limits>;
  /** A host's native inflate and checksum (the CLI's zlib); fflate and our own CRC-32 without them. */
  native?: NativeZip;
}

/** A raw inflate (RFC 1951) returning at most `maxOutput` bytes and throwing past them. */
export type InflateRaw = (raw: Uint8Array, maxOutput: number) => Uint8Array;

/**
 * What a host may offer the file layer for zips, faster than JavaScript can: the CLI hands in Node's zlib, which
 * inflates a 100k-row sheet (15 MB of XML) in a third of fflate's time and checksums it in a tenth, and deflates a
 * repaired table's new parts both smaller and faster than fflate's level 3. The file layer itself uses no Node API:
 * without these, fflate and our own CRC-32 do the work.
 */
export interface NativeZip {
  inflateRaw?: InflateRaw;
  /** A raw deflate (RFC 1951) of a whole part. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  crc32?: (data: Uint8Array) => number;
}

/** A new sheet to write: the engine's SheetSpec plus the layout an exported or split sheet needs. */
export interface OutputSheet extends SheetSpec {
  /** Rows written above the header (a report's title, its date line), each one cell merged across the table. */
  title?: string[];
  /** A1 ranges merged in the written sheet (sheet coordinates, as the sheet will show them). */
  merges?: string[];
  /** Frozen rows / columns at the top-left; default: everything down to the header row. */
  freeze?: { rows: number; columns?: number };
  /** Autofilter on the header; default true when the sheet has a header. */
  autoFilter?: boolean;
  /** Wrap text in every cell (default true: report tables hold line breaks). */
  wrap?: boolean;
  /** A drop-down list on a range. */
  dataValidations?: { range: string; list: string[] }[];
  /** Protect the sheet without a password, leaving these A1 ranges editable. */
  protection?: { unlocked: string[] };
  /** Indexes into `rows` written bold (a repaired table's header, title and section rows). */
  boldRows?: number[];
  /** Cells of `rows` (0-based row and column) written as dates: the serial with this number format, not the text. */
  dates?: DateCell[];
}

export interface WriteOptions {
  /**
   * An earlier sheet the new one takes the place of (same position; its tables and sheet-level names dropped): the
   * first worksheet of the original for which this returns true. Without it every sheet is added at the end.
   */
  replace?: (existingName: string, sheet: OutputSheet) => boolean;
  /**
   * Write a plain .xlsx workbook: a macro-enabled or template workbook becomes a plain one and its VBA project is left
   * out (Excel refuses an .xlsx whose content says otherwise). Default false: everything kept.
   */
  plainWorkbook?: boolean;
  /** A host's native deflate, inflate and checksum (the CLI's zlib); fflate and our own CRC-32 without them. */
  native?: NativeZip;
}

export interface WriteResult {
  bytes: Uint8Array;
  /** The names the sheets got, in order (made unique against the workbook's other sheets). */
  names: string[];
  /** How many of them took the place of an earlier sheet. */
  replaced: number;
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number;
  /** True when a VBA project was left out (plainWorkbook on a macro-enabled workbook). */
  macrosDropped: boolean;
  warnings: FileWarning[];
}
