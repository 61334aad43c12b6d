/**
 * The host seam: everything the panes ask of the spreadsheet they run beside. Three hosts stand behind it — Excel through
 * office-js (src/excel), WPS 表格 through its `window.Application` object model (src/wps) and the web page over a file held
 * in memory (src/web) — and one host-contract test suite runs against each.
 */
import type { Finding, Grid, Lang, RepairPlan, Summary } from '../core';

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
  readSelection(onProgress?: (p: Progress) => void): Promise<SourceSnapshot>;
  applyPlan(source: SourceSnapshot, plan: RepairPlan, options: { mode: ApplyMode; lang: Lang }, onProgress?: (p: Progress) => void): Promise<{ sheet: string }>;
  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang): Promise<void>;
  clearHighlights(): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  writeSummary(summary: Summary, lang: Lang): Promise<{ sheets: string[] }>;
  loadSettings(): Promise<unknown | null>;
  saveSettings(settings: unknown): Promise<void>;
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
