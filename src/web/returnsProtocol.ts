/**
 * The 合并报送 step's messages between the page and its worker (joined into protocol.ts's Request and ReplyMap). The
 * page sends the returns one file per request, so that it can show which file is being read and stop between files
 * without terminating the worker (which would lose the master table read before).
 */
import type { Lang } from '../core/types';
import type { SheetInfo } from '../files';
import type { ApplyMode } from '../host';
import type { SplitFormat } from '../files/round/splitRound';
import type { MergeOverview } from './returnsOverview';

export type ReturnsRequest =
  | { type: 'returns-read'; file: string; bytes: Uint8Array }
  | { type: 'returns-preview' }
  | { type: 'returns-remove'; file: string | null }
  /** The merge written into the page's workbook, as 整理 writes: a new sheet, or in place with a backup. */
  | { type: 'returns-apply'; lang: Lang; mode: ApplyMode }
  /** The page's workbook as it stands, with the merge's sheets, named after the master. */
  | { type: 'returns-download'; lang: Lang }
  /** 发出报送表: every unit's return form made from the master the worker read (the page holds only its counts). */
  | { type: 'returns-split'; period: string | null; format: SplitFormat };

/** One return read: kept for the merge, or the one line that says why not. */
export type ReturnFileRead = { file: string; ok: true; sheet: string; tasks: number } | { file: string; ok: false; messages: Record<Lang, string> };

export interface ReturnsPreview {
  /** The returns kept for the merge, in the order they were added. */
  files: string[];
  /** Null when no return is kept. */
  overview: MergeOverview | null;
  /** A merge was applied to the page's workbook since it was opened: the step offers the workbook for download. */
  applied: boolean;
}

export interface ReturnsApplied {
  /** The merged table: the new sheet, or the master's own sheet when merged in place. */
  sheet: string;
  /** In place: the sheet holding the master as it was. */
  backup: string | null;
  /** Every sheet written, in order (backup, table, change log, then 合并后 / 合并记录 / 报送情况 / 合并问题). */
  sheets: string[];
  /** Every sheet of the page's workbook now, for the sheet picker. */
  allSheets: SheetInfo[];
}

export interface ReturnsDownload {
  fileName: string;
  bytes: Uint8Array;
}

/** The units' return forms as one zip, and what went into it (as SplitPanel's RoundSent says it). */
export interface ReturnsSplit {
  fileName: string;
  /** Empty when no unit has a task. */
  bytes: Uint8Array;
  units: number;
  files: number;
  /** Tasks that name no unit able to answer: sent to nobody. */
  unassigned: number;
}

export interface ReturnsReplyMap {
  'returns-read': ReturnFileRead;
  'returns-preview': ReturnsPreview;
  'returns-remove': ReturnsPreview;
  'returns-apply': ReturnsApplied;
  'returns-download': ReturnsDownload;
  'returns-split': ReturnsSplit;
}

const RETURNS_TYPES: ReadonlySet<string> = new Set<keyof ReturnsReplyMap>(['returns-read', 'returns-preview', 'returns-remove', 'returns-apply', 'returns-download', 'returns-split']);

export function isReturnsRequest(request: { type: string }): request is ReturnsRequest {
  return RETURNS_TYPES.has(request.type);
}
