/**
 * Writing a repair plan into WPS 表格: a new sheet beside the source (default), or in place after copying the source
 * sheet to a backup. The source is read again first and nothing is written if it changed; if a step fails part
 * way, what was written is undone (created sheets deleted, the source restored from its backup).
 */
import type { Lang, RepairPlan } from '../core/types';
import { planToValues } from '../core';
import { changeLogSheet, repairedSheetName, uniqueSheetName } from '../core/sheets';
import type { ApplyMode, ApplyResult, HostCallOptions, Progress, SourceSnapshot } from '../host';
import { fittedWidths, numberColumnsOf, rectangular } from '../host/cells';
import type { WpsApplication, WpsWorksheet } from './api';
import { findSheet } from './documentStore';
import { toWpsHostError, wpsHostError } from './errors';
import { readRect } from './readTable';
import { type Rect, parseA1, rectA1 } from '../host/addresses';
import { formatBlock, freezeRows, writeCells, writeSpecSheet } from './writeCells';

const BACKUP_SUFFIX: Record<Lang, string> = { 'zh-CN': '（备份）', 'en-US': ' (backup)' };

export function sheetNames(app: WpsApplication): string[] {
  const sheets = app.ActiveWorkbook?.Worksheets;
  if (!sheets) throw wpsHostError('no-workbook');
  const names: string[] = [];
  for (let i = 1; i <= sheets.Count; i += 1) names.push(sheets.Item(i).Name);
  return names;
}

/** Deletes sheets without WPS asking the user (Application.DisplayAlerts, learn.microsoft.com/office/vba/api/excel.application.displayalerts). */
export function deleteSheets(app: WpsApplication, names: string[]): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const name of names) findSheet(app, name)?.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

interface Undo {
  created: string[];
  restore: { sheet: string; backup: string; rect: Rect } | null;
}

export async function applyPlanToWorkbook(
  app: WpsApplication,
  source: SourceSnapshot,
  plan: RepairPlan,
  options: { mode: ApplyMode; lang: Lang } & HostCallOptions,
  onProgress?: (p: Progress) => void,
): Promise<ApplyResult> {
  const undo: Undo = { created: [], restore: null };
  // Application.ScreenUpdating (…/excel.application.screenupdating): no repainting while many cells are written.
  const updating = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return await apply(app, source, plan, options, undo, onProgress);
  } catch (error) {
    rollBack(app, undo);
    throw toWpsHostError(error);
  } finally {
    app.ScreenUpdating = updating;
  }
}

async function apply(
  app: WpsApplication,
  source: SourceSnapshot,
  plan: RepairPlan,
  options: { mode: ApplyMode; lang: Lang } & HostCallOptions,
  undo: Undo,
  onProgress?: (p: Progress) => void,
): Promise<ApplyResult> {
  const sourceRect = parseA1(source.address);
  const sourceSheet = findSheet(app, source.sheet);
  if (!sourceRect || !sourceSheet) throw wpsHostError('source-missing');
  const rows = rectangular(planToValues(plan));
  const width = rows[0]?.length ?? 0;

  // The user may have edited the source since it was read: never overwrite those edits.
  const current = await readRect(sourceSheet, sourceRect, { merges: false, onProgress, stage: 'verify', signal: options.signal });
  if (current.fingerprint !== source.fingerprint) throw wpsHostError('source-changed');

  const names = sheetNames(app);
  let target: WpsWorksheet;
  let targetName: string;
  let top = 0;
  let left = 0;
  let backupName: string | undefined;
  if (options.mode === 'in-place') {
    if (sourceSheet.ProtectContents) throw wpsHostError('protected');
    if (!outsideIsEmpty(sourceSheet, sourceRect, rows.length, width)) throw wpsHostError('target-not-empty');
    backupName = uniqueSheetName(`${source.sheet}${BACKUP_SUFFIX[options.lang]}`, names);
    sourceSheet.Copy(undefined, sourceSheet);
    const backup = app.ActiveSheet; // Worksheet.Copy makes the copy the active sheet
    if (!backup) throw wpsHostError('wps-error');
    backup.Name = backupName;
    names.push(backupName);
    undo.restore = { sheet: source.sheet, backup: backupName, rect: sourceRect };
    const cleared = sourceSheet.Range(source.address);
    cleared.UnMerge();
    cleared.Clear();
    target = sourceSheet;
    targetName = source.sheet;
    top = sourceRect.row;
    left = sourceRect.column;
  } else {
    targetName = repairedSheetName(source.sheet, names, options.lang);
    target = app.ActiveWorkbook!.Worksheets.Add(null, sourceSheet);
    undo.created.push(target.Name);
    target.Name = targetName;
    undo.created[undo.created.length - 1] = targetName;
    names.push(targetName);
  }

  const numberColumns = numberColumnsOf(plan);
  const truncated = await writeCells(target, top, left, rows, {
    onProgress,
    signal: options.signal,
    numberColumns,
    numberRows: (r) => plan.rows[r]?.kind === 'record',
  });
  if (rows.length > 0 && width > 0) {
    const block = { row: top, column: left, rowCount: rows.length, columnCount: width };
    formatBlock(target, block, fittedWidths(rows), (r) => plan.rows[r]?.kind !== 'record');
    target.Range(rectA1(block)).WrapText = true;
    const headerRow = plan.rows.findIndex((row) => row.kind === 'header');
    if (options.mode === 'new-sheet' && headerRow >= 0) freezeRows(app, target, headerRow + 1);
  }

  const log = changeLogSheet(plan, options.lang);
  const logName = uniqueSheetName(log.name, names);
  const logSheet = app.ActiveWorkbook!.Worksheets.Add(null, target);
  undo.created.push(logSheet.Name);
  logSheet.Name = logName;
  undo.created[undo.created.length - 1] = logName;
  await writeSpecSheet(logSheet, { ...log, name: logName }, undefined, options.signal);

  target.Activate();
  target.Range(rectA1({ row: top, column: left, rowCount: 1, columnCount: 1 })).Select();
  return { sheet: targetName, ...(backupName ? { backup: backupName } : {}), ...(truncated.length ? { truncated } : {}) };
}

/** In place, the repaired table may be wider or longer than the source: the cells it would cover must be empty. */
function outsideIsEmpty(sheet: WpsWorksheet, source: Rect, rowCount: number, columnCount: number): boolean {
  const ranges: Rect[] = [];
  if (columnCount > source.columnCount) {
    ranges.push({ row: source.row, column: source.column + source.columnCount, rowCount: Math.max(rowCount, source.rowCount), columnCount: columnCount - source.columnCount });
  }
  if (rowCount > source.rowCount) {
    ranges.push({ row: source.row + source.rowCount, column: source.column, rowCount: rowCount - source.rowCount, columnCount: Math.min(columnCount, source.columnCount) });
  }
  return ranges.every((rect) => {
    const values = sheet.Range(rectA1(rect)).Value2;
    const list = Array.isArray(values) ? values.flat() : [values];
    return list.every((value) => value === undefined || value === null || value === '');
  });
}

function rollBack(app: WpsApplication, undo: Undo): void {
  try {
    if (undo.restore) {
      const { sheet, backup, rect } = undo.restore;
      const source = findSheet(app, sheet);
      const copy = findSheet(app, backup);
      if (source && copy) {
        const used = parseA1(source.UsedRange.Address()) ?? rect;
        const bottom = Math.max(rect.row + rect.rowCount, used.row + used.rowCount);
        const right = Math.max(rect.column + rect.columnCount, used.column + used.columnCount);
        const dirty: Rect = { row: rect.row, column: rect.column, rowCount: bottom - rect.row, columnCount: right - rect.column };
        source.Range(rectA1(dirty)).UnMerge();
        source.Range(rectA1(dirty)).Clear();
        copy.Range(rectA1(dirty)).Copy(source.Range(rectA1(dirty)));
        undo.created.push(backup);
      }
    }
    deleteSheets(app, undo.created);
  } catch {
    // The original error matters more; a failed rollback leaves the backup sheet for the user.
  }
}
