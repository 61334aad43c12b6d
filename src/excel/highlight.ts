/**
 * Marking findings on the source sheet: a fill by severity and a note with the messages on each cell. What the
 * cells looked like before is kept in a workbook setting, so clearing puts back the user's own fills.
 */
import type { Finding, Lang } from '../core/types';
import { type HighlightResult, type SourceSnapshot, throwIfCancelled } from './host';
import { cellA1, parseA1, parseAreasAddress, qualified } from '../host/addresses';
import { type HighlightRecord, SEVERITY_FILL, marksFor, noteText, parseHighlightRecord } from '../host/marks';
import { rowStillHolds, rowToRecheck } from '../host/rowCheck';
import { hostError } from './errors';
import { readBlocks } from './readGrid';
import { supports } from './runtime';

export { SEVERITY_FILL };

export const HIGHLIGHT_SETTING = 'reportTables.highlights';

/** Excel reports "no fill" as white. */
const NO_FILL = '#FFFFFF';
/** Cells handled per sync, so the proxies of one request stay few. */
const CELLS_PER_SYNC = 1000;
const NOTE_MAX = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The table still holds what was read: otherwise the findings' cells may now hold other records. */
export async function assertUnchanged(context: Excel.RequestContext, sheet: Excel.Worksheet, source: SourceSnapshot, signal?: AbortSignal): Promise<void> {
  const rect = parseA1(source.address);
  if (!rect) throw hostError('source-missing');
  const current = await readBlocks(context, sheet, rect, { merges: false, stage: 'verify', signal });
  if (current.fingerprint !== source.fingerprint) throw hostError('source-changed');
}

/**
 * Cells carrying a threaded comment: a cell holds a note or a threaded comment, not both
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes), so those get the fill only. There is no
 * null-object lookup by cell, so the sheet's comments are listed with their locations (two syncs, only when any exist).
 */
async function cellsWithComments(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<Set<string>> {
  const found = new Set<string>();
  if (!supports('1.10')) return found;
  const comments = sheet.comments.load('items');
  await context.sync();
  if (comments.items.length === 0) return found;
  const locations = comments.items.map((comment) => comment.getLocation().load('address'));
  await context.sync();
  for (const location of locations) for (const area of parseAreasAddress(location.address)) found.add(cellA1(area.row, area.column));
  return found;
}

export async function highlightFindings(
  context: Excel.RequestContext,
  source: SourceSnapshot,
  findings: Finding[],
  lang: Lang,
  signal?: AbortSignal,
): Promise<HighlightResult> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(source.sheet).load('name');
  await context.sync();
  if (sheet.isNullObject) throw hostError('source-missing');
  const protection = sheet.protection.load('protected');
  await context.sync();
  if (protection.protected) throw hostError('protected');
  await assertUnchanged(context, sheet, source, signal);
  await clearRecordedHighlights(context);
  const marks = marksFor(source, findings, lang);
  if (marks.length === 0) return { marked: 0, notesSkipped: [] };
  const withNotes = supports('1.18');
  const commented = withNotes ? await cellsWithComments(context, sheet) : new Set<string>();
  const notesSkipped: string[] = [];

  // Remember what each cell looked like, and whether it already has a note of the user's (left alone).
  const record: HighlightRecord = { version: 1, sheet: source.sheet, cells: [] };
  for (const batch of chunks(marks, CELLS_PER_SYNC)) {
    throwIfCancelled(signal);
    const probes = batch.map((mark) => {
      const skip = commented.has(mark.address);
      if (skip && mark.lines.length > 0) notesSkipped.push(mark.address);
      return {
        mark,
        fill: sheet.getRange(mark.address).format.fill.load('color'),
        note: withNotes && !skip && mark.lines.length > 0 ? context.workbook.notes.getItemOrNullObject(qualified(source.sheet, mark.address)).load('content') : null,
      };
    });
    await context.sync();
    for (const probe of probes) {
      const color = probe.fill.color;
      record.cells.push({ address: probe.mark.address, fill: !color || color.toUpperCase() === NO_FILL ? null : color, note: probe.note !== null && probe.note.isNullObject });
    }
  }

  // Saved first: if a write below fails, clearHighlights can still put every cell back.
  context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(record));
  const noteFor = new Map(record.cells.map((cell) => [cell.address, cell.note]));
  try {
    for (const batch of chunks(marks, CELLS_PER_SYNC)) {
      for (const mark of batch) {
        const range = sheet.getRange(mark.address);
        range.format.fill.color = SEVERITY_FILL[mark.severity];
        if (noteFor.get(mark.address)) context.workbook.notes.add(range, noteText(mark, NOTE_MAX));
      }
      await context.sync();
    }
  } catch (error) {
    await clearRecordedHighlights(context).catch(() => undefined);
    throw error;
  }
  return { marked: marks.length, notesSkipped };
}

/** Before selecting a finding's cell: its row still holds what was read (see src/host/rowCheck.ts). */
export async function assertRowUnchanged(context: Excel.RequestContext, sheet: Excel.Worksheet, source: SourceSnapshot, address: string): Promise<void> {
  const check = rowToRecheck(source, address);
  if (!check) return;
  const current = await readBlocks(context, sheet, check.rect, { merges: false, stage: 'verify' });
  if (!rowStillHolds(current.values[0], check.expected)) throw hostError('source-changed');
}

/** Puts back the fills recorded by the last highlight and removes its notes; nothing recorded, nothing done. */
export async function clearRecordedHighlights(context: Excel.RequestContext): Promise<void> {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING).load('value');
  await context.sync();
  if (setting.isNullObject) return;
  const record = parseHighlightRecord(setting.value);
  const sheet = record ? context.workbook.worksheets.getItemOrNullObject(record.sheet).load('name') : null;
  await context.sync();
  if (!record || !sheet || sheet.isNullObject) {
    setting.delete();
    await context.sync();
    return;
  }
  const withNotes = supports('1.18');
  const batches = chunks(record.cells, CELLS_PER_SYNC);
  for (const batch of batches) {
    const notes = withNotes
      ? batch.filter((cell) => cell.note).map((cell) => context.workbook.notes.getItemOrNullObject(qualified(record.sheet, cell.address)).load('content'))
      : [];
    if (notes.length) await context.sync();
    for (const note of notes) if (!note.isNullObject) note.delete();
    for (const cell of batch) {
      const fill = sheet.getRange(cell.address).format.fill;
      if (cell.fill === null) fill.clear();
      else fill.color = cell.fill;
    }
    await context.sync();
  }
  setting.delete();
  await context.sync();
}

