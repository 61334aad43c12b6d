/**
 * The 合并报送 step's messages between the page and its worker (joined into protocol.ts's Request and ReplyMap). The
 * page sends the returns one file per request, so that it can show which file is being read and stop between files
 * without terminating the worker (which would lose the master table read before).
 */
import type { Lang } from '../core/types';
import type { SheetInfo } from '../files';
import type { SplitFormat } from '../files/round/splitRound';
import type { MergeOverview } from './returnsOverview';

export type ReturnsRequest =
  | { type: 'returns-read'; file: string; bytes: Uint8Array }
  | { type: 'returns-preview' }
  | { type: 'returns-remove'; file: string | null }
  | { type: 'returns-apply'; lang: Lang }
  /** 发出报送表: every unit's return form made from the master the worker read (the page holds only its counts). */
  | { type: 'returns-split'; period: string | null; format: SplitFormat };

/** One return read: kept for the merge, or the one line that says why not. */
export type ReturnFileRead = { file: string; ok: true; sheet: string; tasks: number } | { file: string; ok: false; messages: Record<Lang, string> };

export interface ReturnsPreview {
  /** The returns kept for the merge, in the order they were added. */
  files: string[];
  /** Null when no return is kept. */
  overview: MergeOverview | null;
}

export interface ReturnsApplied {
  fileName: string;
  bytes: Uint8Array;
  /** The round's sheets as written into the workbook (合并后 / 合并记录 / 报送情况 / 合并问题). */
  sheets: string[];
  /** Every sheet of the downloaded workbook. */
  allSheets: SheetInfo[];
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
  'returns-split': ReturnsSplit;
}

const RETURNS_TYPES: ReadonlySet<string> = new Set<keyof ReturnsReplyMap>(['returns-read', 'returns-preview', 'returns-remove', 'returns-apply', 'returns-split']);

export function isReturnsRequest(request: { type: string }): request is ReturnsRequest {
  return RETURNS_TYPES.has(request.type);
}
