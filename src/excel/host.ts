import type { Finding, Grid, Lang, RepairPlan, Summary } from '../core';

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
