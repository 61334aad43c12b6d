/**
 * Messages between the page and its worker. The page asks (a request with an id), the worker answers once (a reply
 * with the same id) and may send events meanwhile: progress of the job, marks and scrolls for the grid.
 */
// The 合并报送 step's messages (returnsProtocol.ts) are part of Request and ReplyMap.
import type { ReturnsReplyMap, ReturnsRequest } from './returnsProtocol';
import type { Analysis, Lang } from '../core/types';
import type { FileWarning, SheetInfo, WorkbookFormat } from '../files';
import type { ApplyMode } from '../host';
import type { OutputKind } from './fileNames';
import type { CompareReplyMap, CompareRequest } from './compareProtocol';
import type { AnalysisPart, PackedGrid, PackedMarks } from './transfer';

export type ExportKind = Exclude<OutputKind, 'settings'>;

export type Request =
  | ReturnsRequest
  | { type: 'open'; bytes: Uint8Array; fileName: string; settings: unknown }
  | { type: 'load'; sheet: string }
  | { type: 'apply'; mode: ApplyMode; lang: Lang }
  | { type: 'highlight'; lang: Lang }
  | { type: 'clear' }
  | { type: 'select'; address: string }
  | { type: 'summary'; lang: Lang; replace?: boolean }
  | { type: 'settings'; settings: unknown }
  | { type: 'export'; kind: ExportKind; lang: Lang }
  // 与上期对比 in the summary step (compareProtocol.ts).
  | CompareRequest;

export interface Opened {
  format: WorkbookFormat;
  sheets: SheetInfo[];
  /** The sheet read first (the first visible one). */
  sheet: string;
  warnings: FileWarning[];
}

/** A sheet as the page shows it, and the engine's reading of it (or why it could not read a table there). */
export interface Loaded {
  grid: PackedGrid;
  address: string;
  fingerprint: string;
  /** Without its findings, changes and removed rows: those come before this reply as 'part' events (transfer.ts). */
  analysis: Analysis | null;
  problem: ErrorInfo | null;
  warnings: FileWarning[];
}

export interface Written {
  /** The sheet(s) written. */
  sheets: string[];
  /** Every sheet of the workbook now, for the sheet picker. */
  allSheets: SheetInfo[];
  /** Summary: nothing written, sheets of these names are the file's own; ask, then again with replace. */
  needsConfirmation?: string[];
}

export interface Exported {
  fileName: string;
  bytes: Uint8Array;
}

export interface ReplyMap extends CompareReplyMap {
  open: Opened;
  load: Loaded;
  apply: Written;
  highlight: { count: number };
  clear: null;
  select: null;
  summary: Written;
  settings: null;
  export: Exported;
}

/** An error as plain data: what the page's error bar shows (bilingual message, or the settings' problems). */
export interface ErrorInfo {
  code: string;
  messages: Record<Lang, string>;
  issues?: Array<{ path: string; message: string; messages?: Partial<Record<Lang, string>> }>;
}

export type Reply = { id: number; type: 'reply'; ok: true; result: unknown } | { id: number; type: 'reply'; ok: false; error: ErrorInfo };

export type WorkerEvent =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  /** A slice of the analysis of the job `id`, sent ahead of its reply. */
  | { type: 'part'; id: number; part: AnalysisPart }
  | { type: 'marks'; marks: PackedMarks }
  | { type: 'scroll'; sheet: string; row: number; column: number };

export type FromWorker = Reply | WorkerEvent;
export type ToWorker = { id: number; request: Request };

/** The 合并报送 step's replies, declared beside the others (an interface's declarations merge). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReplyMap extends ReturnsReplyMap {}
