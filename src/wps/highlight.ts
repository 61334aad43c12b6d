/**
 * Marking findings on the source sheet in WPS 表格: a fill by severity (Interior.Color) and a comment with the
 * messages (Range.AddComment). What each cell looked like before is recorded in the workbook first, so clearing puts
 * the user's own fills back and removes only our comments; a cell that already has a comment keeps it untouched
 * (AddComment on it would fail).
 */
import type { Finding, Lang } from '../core/types';
import { type HighlightResult, type SourceSnapshot, throwIfCancelled } from '../host';
import { type HighlightRecord, SEVERITY_FILL, marksFor, noteText, parseHighlightRecord } from '../host/marks';
import type { WpsApplication, WpsWorksheet } from './api';
import { XL_COLOR_INDEX_NONE } from './api';
import { findSheet, readStored, removeStored, writeStored } from './documentStore';
import { rowStillHolds, rowToRecheck } from '../host/rowCheck';
import { wpsHostError } from './errors';
import { readRect } from './readTable';
import { parseA1 } from '../host/addresses';
import { bgrToHex, hexToBgr } from './colors';

export const HIGHLIGHT_KEY = 'highlights';
const COMMENT_MAX = 2000;

/** The table still holds what was read: marks on a table edited since would point at the wrong cells. */
async function assertUnchanged(sheet: WpsWorksheet, source: SourceSnapshot, signal?: AbortSignal): Promise<void> {
  const rect = parseA1(source.address);
  if (!rect) throw wpsHostError('source-missing');
  const current = await readRect(sheet, rect, { merges: false, stage: 'verify', signal });
  if (current.fingerprint !== source.fingerprint) throw wpsHostError('source-changed');
}

/** Before selecting a finding's cell: its row still holds what was read (see src/host/rowCheck.ts). */
export async function assertRowUnchanged(sheet: WpsWorksheet, source: SourceSnapshot, address: string): Promise<void> {
  const check = rowToRecheck(source, address);
  if (!check) return;
  const current = await readRect(sheet, check.rect, { merges: false, stage: 'verify' });
  if (!rowStillHolds(current.values[0], check.expected)) throw wpsHostError('source-changed');
}

export async function highlightFindings(app: WpsApplication, source: SourceSnapshot, findings: Finding[], lang: Lang, signal?: AbortSignal): Promise<HighlightResult> {
  const sheet = findSheet(app, source.sheet);
  if (!sheet) throw wpsHostError('source-missing');
  if (sheet.ProtectContents) throw wpsHostError('protected');
  await assertUnchanged(sheet, source, signal);
  clearRecordedHighlights(app);
  const marks = marksFor(source, findings, lang);
  if (marks.length === 0) return { marked: 0, notesSkipped: [] };
  const record: HighlightRecord = { version: 1, sheet: source.sheet, cells: [] };
  for (const mark of marks) {
    const cell = sheet.Range(mark.address);
    const interior = cell.Interior;
    const fill = interior.ColorIndex === XL_COLOR_INDEX_NONE ? null : bgrToHex(interior.Color ?? 0xffffff);
    record.cells.push({ address: mark.address, fill, note: mark.lines.length > 0 && cell.Comment === null });
  }
  // Saved first: if a write below fails, clearing can still put every cell back.
  writeStored(app, HIGHLIGHT_KEY, record);
  const noteFor = new Map(record.cells.map((cell) => [cell.address, cell.note]));
  try {
    for (const mark of marks) {
      throwIfCancelled(signal);
      const cell = sheet.Range(mark.address);
      cell.Interior.Color = hexToBgr(SEVERITY_FILL[mark.severity]);
      if (noteFor.get(mark.address)) cell.AddComment(noteText(mark, COMMENT_MAX));
    }
  } catch (error) {
    try {
      clearRecordedHighlights(app);
    } catch {
      // the record stays; the next clear tries again
    }
    throw error;
  }
  return { marked: marks.length, notesSkipped: [] };
}

/** Puts back the fills recorded by the last highlight and removes its comments; nothing recorded, nothing done. */
export function clearRecordedHighlights(app: WpsApplication): void {
  const record = parseHighlightRecord(readStored(app, HIGHLIGHT_KEY));
  if (!record) {
    removeStored(app, HIGHLIGHT_KEY);
    return;
  }
  const sheet = findSheet(app, record.sheet);
  if (sheet) {
    if (sheet.ProtectContents) throw wpsHostError('protected');
    for (const cell of record.cells) {
      const range = sheet.Range(cell.address);
      if (cell.note) range.Comment?.Delete();
      if (cell.fill === null) range.Interior.ColorIndex = XL_COLOR_INDEX_NONE;
      else range.Interior.Color = hexToBgr(cell.fill);
    }
  }
  removeStored(app, HIGHLIGHT_KEY);
}
