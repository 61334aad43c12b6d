/**
 * Writing a repair plan into the workbook: into a new sheet (default) or in place after backing the source
 * sheet up. The source is checked for edits first; if anything fails part way, what was written is undone — in place,
 * the source is restored from the backup sheet, which is kept and named in the message; a restore that fails is said.
 */
import type { Lang, RepairPlan } from '../core/types';
import { planToValues } from '../core';
import { changeLogSheet, repairedSheetName } from '../core/sheets';
import { type ApplyMode, type ApplyResult, HostError, type Progress, type SourceSnapshot, throwIfCancelled } from './host';
import { Rect, cellA1, parseA1 } from '../host/addresses';
import { numberColumnsOf } from '../host/cells';
import { explainAccessDenied, hostError, isAccessDenied, toHostError } from './errors';
import { readBlocks } from './readGrid';
import { runExcel, supports } from './runtime';
import { uniqueSheetName } from '../core/sheets/sheetName';
import { writeSpecSheet } from './specSheet';
import { WrittenValue, fittedWidths, rectangular, widthPoints, writeCells } from './writeCells';

const BACKUP_SUFFIX: Record<Lang, string> = { 'zh-CN': '（备份）', 'en-US': ' (backup)' };

export interface ApplyOptions {
  mode: ApplyMode;
  lang: Lang;
  signal?: AbortSignal;
}

export function applyPlanToWorkbook(
  source: SourceSnapshot,
  plan: RepairPlan,
  options: ApplyOptions,
  onProgress?: (p: Progress) => void,
): Promise<ApplyResult> {
  return runExcel(
    async (context) => {
      const undo: Undo = { createdSheets: [], restoreSource: null };
      try {
        return await apply(context, source, plan, options, undo, onProgress);
      } catch (error) {
        const outcome = await rollBack(context, undo);
        let cause = toHostError(error);
        if (isAccessDenied(error)) cause = await explainAccessDenied([source.sheet]);
        throw failureAfterRollback(cause, undo, outcome);
      }
    },
    { undoGroup: true },
  );
}

interface RollbackOutcome {
  /** The in-place source was put back from the backup. */
  restored: boolean;
  /** Sheets we made that could not be deleted again. */
  leftovers: string[];
}

/** The error the clerk sees: what went wrong, and where the workbook was left. */
function failureAfterRollback(cause: HostError, undo: Undo, outcome: RollbackOutcome): HostError {
  const leftovers = outcome.leftovers.length
    ? {
        'zh-CN': `另外，工作表“${outcome.leftovers.join('”“')}”没能自动删除，请手动删除。`,
        'en-US': ` Also, the sheet(s) "${outcome.leftovers.join('", "')}" could not be removed; please delete them.`,
      }
    : { 'zh-CN': '', 'en-US': '' };
  if (!undo.restoreSource) {
    if (!leftovers['zh-CN']) return cause;
    return new HostError(cause.code, { 'zh-CN': cause.messages['zh-CN'] + leftovers['zh-CN'], 'en-US': cause.messages['en-US'] + leftovers['en-US'] });
  }
  const { backup } = undo.restoreSource;
  if (cause.code === 'cancelled' && outcome.restored) {
    return new HostError('cancelled', {
      'zh-CN': `已取消。原表已从备份工作表“${backup}”恢复原样。${leftovers['zh-CN']}`,
      'en-US': `Cancelled. The table was put back from the backup sheet "${backup}".${leftovers['en-US']}`,
    });
  }
  if (outcome.restored) {
    return new HostError('apply-restored', {
      'zh-CN': `整理没有完成，原表已从备份工作表“${backup}”恢复原样（备份工作表保留，核对无误后可删除）。原因：${cause.messages['zh-CN']}${leftovers['zh-CN']}`,
      'en-US': `The repair did not finish; the table was put back from the backup sheet "${backup}" (kept; delete it once you have checked). Reason: ${cause.messages['en-US']}${leftovers['en-US']}`,
    });
  }
  return new HostError('apply-not-restored', {
    'zh-CN': `整理中途失败，而且没能自动恢复原表，原表可能只写入了一部分。原表的完整备份在工作表“${backup}”中，请从那里复制回来。原因：${cause.messages['zh-CN']}${leftovers['zh-CN']}`,
    'en-US': `The repair failed part way and the table could not be put back automatically; it may be half written. The full original is on the backup sheet "${backup}": copy it back from there. Reason: ${cause.messages['en-US']}${leftovers['en-US']}`,
  });
}

/** What to undo if a later step fails. */
interface Undo {
  createdSheets: string[];
  /** In place: the source range was cleared; copy it back from the backup sheet. */
  restoreSource: { sheet: string; backup: string; rect: Rect } | null;
}

async function apply(
  context: Excel.RequestContext,
  source: SourceSnapshot,
  plan: RepairPlan,
  options: ApplyOptions,
  undo: Undo,
  onProgress?: (p: Progress) => void,
): Promise<ApplyResult> {
  const sourceRect = parseA1(source.address);
  if (!sourceRect) throw hostError('source-missing');
  const rows = rectangular(planToValues(plan));
  const width = rows[0]?.length ?? 0;

  const worksheets = context.workbook.worksheets.load('items/name');
  const sourceSheet = worksheets.getItemOrNullObject(source.sheet).load('name,position');
  await context.sync();
  if (sourceSheet.isNullObject) throw hostError('source-missing');
  const names = worksheets.items.map((sheet) => sheet.name);
  const protection = sourceSheet.protection.load('protected');
  const outside = options.mode === 'in-place' ? cellsOutside(sourceSheet, sourceRect, rows.length, width) : [];
  await context.sync();

  // The user may have edited the source since it was read: never overwrite those edits.
  const current = await readBlocks(context, sourceSheet, sourceRect, { merges: false, onProgress, stage: 'verify', signal: options.signal });
  if (current.fingerprint !== source.fingerprint) throw hostError('source-changed');
  throwIfCancelled(options.signal);

  let target: Excel.Worksheet;
  let targetName: string;
  let top = 0;
  let left = 0;
  let backupName: string | undefined;
  if (options.mode === 'in-place') {
    if (protection.protected) throw hostError('protected');
    if (outside.some((range) => !range.isNullObject)) throw hostError('target-not-empty');
    if (!supports('1.10')) throw hostError('unsupported');
    backupName = uniqueSheetName(`${source.sheet}${BACKUP_SUFFIX[options.lang]}`, names);
    const backup = sourceSheet.copy('After', sourceSheet);
    backup.name = backupName;
    await context.sync();
    names.push(backupName);
    undo.restoreSource = { sheet: source.sheet, backup: backupName, rect: sourceRect };
    const cleared = sourceSheet.getRangeByIndexes(sourceRect.row, sourceRect.column, sourceRect.rowCount, sourceRect.columnCount);
    cleared.unmerge();
    cleared.clear('All');
    target = sourceSheet;
    targetName = source.sheet;
    top = sourceRect.row;
    left = sourceRect.column;
  } else {
    targetName = repairedSheetName(source.sheet, names, options.lang);
    target = worksheets.add(targetName);
    target.position = sourceSheet.position + 1;
    undo.createdSheets.push(targetName);
    names.push(targetName);
  }

  const numberColumns = numberColumnsOf(plan);
  const written = await writeCells(context, target, top, left, rows, {
    onProgress,
    signal: options.signal,
    numberColumns,
    numberRows: (r) => plan.rows[r]?.kind === 'record',
  });
  formatRepaired(target, top, left, rows, plan, options.mode === 'new-sheet');
  await context.sync();
  throwIfCancelled(options.signal);

  const log = changeLogSheet(plan, options.lang);
  const logName = uniqueSheetName(log.name, names);
  const logSheet = worksheets.add(logName);
  undo.createdSheets.push(logName);
  await writeSpecSheet(context, logSheet, { ...log, name: logName }, undefined, options.signal);

  target.activate();
  target.getRangeByIndexes(top, left, 1, 1).select();
  await context.sync();
  const result: ApplyResult = { sheet: targetName };
  if (backupName) result.backup = backupName;
  if (written.truncated.length) result.truncated = written.truncated.map((cell) => cellA1(top + cell.row, left + cell.column));
  return result;
}

/** Ranges right of and below the source that the repaired table would cover (in place only). */
function cellsOutside(sheet: Excel.Worksheet, source: Rect, rowCount: number, columnCount: number): Excel.Range[] {
  const ranges: Excel.Range[] = [];
  if (columnCount > source.columnCount) {
    ranges.push(sheet.getRangeByIndexes(source.row, source.column + source.columnCount, Math.max(rowCount, source.rowCount), columnCount - source.columnCount));
  }
  if (rowCount > source.rowCount) {
    ranges.push(sheet.getRangeByIndexes(source.row + source.rowCount, source.column, rowCount - source.rowCount, Math.min(columnCount, source.columnCount)));
  }
  return ranges.map((range) => range.getUsedRangeOrNullObject(true).load('address'));
}

/** Wrapped text, top-aligned, widths fitted to the text, rows autofitted; titles, headers and sections bold. */
function formatRepaired(sheet: Excel.Worksheet, top: number, left: number, rows: WrittenValue[][], plan: RepairPlan, newSheet: boolean): void {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return;
  const all = sheet.getRangeByIndexes(top, left, rows.length, width);
  all.format.wrapText = true;
  all.format.verticalAlignment = 'Top';
  fittedWidths(rows).forEach((chars, c) => {
    sheet.getRangeByIndexes(top, left + c, 1, 1).format.columnWidth = widthPoints(chars);
  });
  plan.rows.forEach((row, r) => {
    if (r < rows.length && row.kind !== 'record') sheet.getRangeByIndexes(top + r, left, 1, width).format.font.bold = true;
  });
  all.format.autofitRows();
  const header = plan.rows.findIndex((row) => row.kind === 'header');
  if (newSheet && header >= 0) sheet.freezePanes.freezeRows(header + 1);
}

async function rollBack(context: Excel.RequestContext, undo: Undo): Promise<RollbackOutcome> {
  const outcome: RollbackOutcome = { restored: false, leftovers: [] };
  if (undo.restoreSource) {
    try {
      const { sheet, backup, rect } = undo.restoreSource;
      const source = context.workbook.worksheets.getItem(sheet);
      const whole = source.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      // Clear whatever the failed write left, at least the source range, then copy the backup's cells back.
      const bottom = whole.isNullObject ? rect.row + rect.rowCount : Math.max(rect.row + rect.rowCount, whole.rowIndex + whole.rowCount);
      const right = whole.isNullObject ? rect.column + rect.columnCount : Math.max(rect.column + rect.columnCount, whole.columnIndex + whole.columnCount);
      const dirty = source.getRangeByIndexes(rect.row, rect.column, bottom - rect.row, right - rect.column);
      dirty.unmerge();
      dirty.clear('All');
      const from = context.workbook.worksheets.getItem(backup).getRangeByIndexes(rect.row, rect.column, bottom - rect.row, right - rect.column);
      dirty.copyFrom(from, 'All');
      await context.sync();
      outcome.restored = true;
    } catch {
      // Said in the error the clerk sees (apply-not-restored), with the backup sheet to copy from.
    }
  }
  if (undo.createdSheets.length > 0) {
    try {
      const created = undo.createdSheets.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load('name'));
      await context.sync();
      for (const sheet of created) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    } catch {
      outcome.leftovers.push(...undo.createdSheets);
    }
  }
  return outcome;
}
