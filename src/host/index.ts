/**
 * The host seam: everything the panes ask of the spreadsheet they run beside. Three hosts stand behind it — Excel through
 * office-js (src/excel), WPS 表格 through its `window.Application` object model (src/wps) and the web page over a file held
 * in memory (src/web) — and one host-contract test suite runs against each.
 */
import type { Finding, Grid, Lang, RepairPlan, Summary } from '../core';
import type { SheetSpec } from '../core/sheets';

/** Where the panes run; the UI shows only what that host can do. */
export type HostKind = 'excel' | 'wps' | 'web';

/** What a host can do beyond reading a table and writing sheets; the panes hide the rest with a sentence that says why. */
export interface HostCapabilities {
  /** Repair over the original sheet (a backup sheet is kept). */
  inPlace: boolean;
  /** Mark findings on the source cells (fills and notes or comments). */
  highlight: boolean;
  /** Select a finding's cell in the spreadsheet. */
  navigate: boolean;
  /** Offer the result as a file to download (the web page; Excel on the web where the browser allows it). */
  download: boolean;
  /** Summary sheets carry a native chart. */
  chart: boolean;
  /** Findings can carry a note with their message (Excel: ExcelApi 1.18). Absent means the same as `highlight`. */
  notes?: boolean;
}

/** A feature this host (this version of it) cannot offer, and the sentence the pane shows instead. */
export interface HostLimitation {
  feature: 'inPlace' | 'highlight' | 'notes' | 'navigate' | 'chart' | 'undo' | 'download';
  messages: Record<Lang, string>;
}

/** Options every long host call takes: a signal to stop between steps (the pane's 取消 button). */
export interface HostCallOptions {
  signal?: AbortSignal;
}

export interface ApplyResult {
  sheet: string;
  /** In place: the sheet holding the original table. */
  backup?: string;
  /** Cells (A1 on the written sheet) whose text was cut to the 32,767 characters a cell holds. */
  truncated?: string[];
}

export interface HighlightResult {
  marked: number;
  /** Cells that got a fill but no note, because they carry a threaded comment (a cell holds one or the other). */
  notesSkipped: string[];
}

export interface SummaryWriteOptions extends HostCallOptions {
  /** Replace sheets of the summary's names that this add-in did not make (asked of the user first). */
  replace?: boolean;
  onProgress?: (p: Progress) => void;
}

export interface SummaryWriteResult {
  sheets: string[];
  /** Nothing was written: sheets of these names exist that the add-in did not make; ask, then call again with replace. */
  needsConfirmation?: string[];
}

/**
 * A set of report sheets the panes write beside the table (the comparison with last period, …): each an engine
 * SheetSpec — name, columns, rows, widths, optionally a totals row and a column chart (written natively where
 * `capabilities.chart`). Like the summary, writing the set again replaces the sheets of the same set written before
 * without asking; a sheet of one of its names that the add-in did not write is replaced only after the clerk agreed
 * (`replace`), otherwise nothing is written and its name comes back in `needsConfirmation`.
 */
export interface ReportSheetsWriteOptions extends SummaryWriteOptions {
  /** Which set the sheets belong to, e.g. 'compare'; remembered per workbook to know which sheets are ours. */
  group: string;
}

/** A table as read from the workbook, with what is needed to notice later edits. */
export interface SourceSnapshot {
  grid: Grid;
  sheet: string;
  /** A1 range that was read, e.g. "A1:F900". */
  address: string;
  /** A digest of the values read: compared again before writing, so edits made meanwhile are never overwritten. */
  fingerprint: string;
}

export interface Progress {
  /** Stage label key, e.g. 'read', 'write'. */
  stage: string;
  done: number;
  total: number;
}

export type ApplyMode = 'new-sheet' | 'in-place';

/**
 * Everything the taskpane asks of Excel. The office-js implementation lives in src/excel; tests use an in-memory
 * Excel behind the same office-js API. Components never call office-js themselves.
 */
export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** Features this host version lacks, each with the sentence that says why (empty or absent: none). */
  readonly limitations?: readonly HostLimitation[];
  readSelection(onProgress?: (p: Progress) => void, options?: HostCallOptions): Promise<SourceSnapshot>;
  applyPlan(
    source: SourceSnapshot,
    plan: RepairPlan,
    options: { mode: ApplyMode; lang: Lang } & HostCallOptions,
    onProgress?: (p: Progress) => void,
  ): Promise<ApplyResult>;
  /** Refuses with HostError 'source-changed' when the table was edited since `source` was read. */
  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang, options?: HostCallOptions): Promise<HighlightResult | void>;
  clearHighlights(): Promise<void>;
  /** With `source`, refuses with 'source-changed' when the cell's row no longer holds what was read. */
  selectCell(sheet: string, address: string, source?: SourceSnapshot): Promise<void>;
  writeSummary(summary: Summary, lang: Lang, options?: SummaryWriteOptions): Promise<SummaryWriteResult>;
  /** Adds (or replaces) a set of report sheets at the end of the workbook, the first one activated. */
  writeReportSheets(sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult>;
  loadSettings(): Promise<unknown | null>;
  saveSettings(settings: unknown): Promise<void>;
  /**
   * Offers a file (e.g. the Word attachment) to save. Present only where `capabilities.download` is true; hosts without
   * it leave it out and the pane says where else to get the file (the web page, or the CLI `report-tables export`).
   */
  offerDownload?(name: string, bytes: Uint8Array, mime: string): Promise<void>;
}

/** An Excel failure turned into words a clerk understands. */
export class HostError extends Error {
  readonly code: string;
  readonly messages: Record<Lang, string>;
  constructor(code: string, messages: Record<Lang, string>) {
    super(messages['en-US']);
    this.name = 'HostError';
    this.code = code;
    this.messages = messages;
  }
}

/** The error a host call ends with when the user pressed 取消 (its signal aborted). */
export function cancelledError(): HostError {
  return new HostError('cancelled', { 'zh-CN': '已取消。', 'en-US': 'Cancelled.' });
}

/** Throws the cancelled error when the signal has aborted; hosts call this between steps. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
