/**
 * The worker messages of the web page's 与上期对比 (summary step): read last period's file and compare it with the
 * table read last; write the comparison sheets into the in-memory workbook and hand back the file to download.
 */
import type { Comparison } from '../core/returns';
import type { Lang } from '../core/types';
import type { SheetInfo } from '../files';

export type CompareRequest = { type: 'compare'; bytes: Uint8Array; fileName: string } | { type: 'compareWrite'; lang: Lang; replace?: boolean };

export interface CompareWritten {
  /** The sheets written (none when the user must be asked first). */
  sheets: string[];
  /** Nothing written: sheets of these names are the file's own; ask, then again with replace. */
  needsConfirmation?: string[];
  /** Every sheet of the workbook now. */
  allSheets: SheetInfo[];
  /** The workbook with the comparison sheets, to download (absent when nothing was written). */
  download?: { fileName: string; bytes: Uint8Array };
}

export interface CompareReplyMap {
  compare: Comparison;
  compareWrite: CompareWritten;
}

export function isCompareRequest(request: { type: string }): request is CompareRequest {
  return request.type === 'compare' || request.type === 'compareWrite';
}
