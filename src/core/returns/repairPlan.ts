/**
 * The merged master as a repair plan, so that the add-in, WPS and the web page apply a merge through the same
 * preview → apply → change log → backup path as 整理: the repaired rows with the returns' values, and a change-log
 * entry for every cell taken from a return (file, unit, row).
 */
import type { Analysis, Change, RepairPlan } from '../types';
import type { MergePlan, MergedCell } from './types';

/** The change-log op of a cell taken from a return. */
export const TAKE_RETURN: Change['op'] = 'take-return';

function sourceText(cell: MergedCell, lang: 'zh-CN' | 'en-US'): string {
  return cell.sources.map((s) => (lang === 'zh-CN' ? `${s.file}（${s.unit ?? '单位不明'}）第 ${s.row} 行` : `${s.file} (${s.unit ?? 'unit unknown'}) row ${s.row}`)).join(lang === 'zh-CN' ? '；' : '; ');
}

export function mergedRepairPlan(master: Analysis, plan: MergePlan): RepairPlan {
  const taken: Change[] = plan.cells.map((cell) => ({
    op: TAKE_RETURN,
    sourceRows: [cell.masterRow],
    outputRow: cell.outputRow,
    column: cell.columnLabel,
    before: cell.before,
    after: cell.after,
    messages:
      cell.sources.length === 0
        ? { 'zh-CN': '标题中的期别改为报送表所填的本期', 'en-US': 'the period in the title set to the one the returns answer for' }
        : { 'zh-CN': `取自报送：${sourceText(cell, 'zh-CN')}`, 'en-US': `taken from the return ${sourceText(cell, 'en-US')}` },
  }));
  return {
    ...master.plan,
    columns: plan.columns,
    rows: master.plan.rows.map((row, i) => ({ ...row, values: plan.rows[i] ?? row.values })),
    changes: [...master.plan.changes, ...taken],
  };
}
