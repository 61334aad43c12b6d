import type { Lang, RemovalReason } from '../types';

/** The output sheets' names: both languages are known so a refresh can replace sheets written in either. */
export const sheetNames = {
  byOfficial: { 'zh-CN': '按分管领导汇总', 'en-US': 'By official' },
  byStatus: { 'zh-CN': '按进展状态汇总', 'en-US': 'By status' },
  byUnit: { 'zh-CN': '按责任单位汇总', 'en-US': 'By unit' },
  lagging: { 'zh-CN': '滞后事项清单', 'en-US': 'Lagging tasks' },
  changeLog: { 'zh-CN': '整理记录', 'en-US': 'Change log' },
} as const satisfies Record<string, Record<Lang, string>>;

export type OutputSheetKind = keyof typeof sheetNames;

/** Every name a summary sheet may have, in either language (the change log is not a summary sheet). */
export const summarySheetNames: readonly string[] = (['byOfficial', 'byStatus', 'byUnit', 'lagging'] as const).flatMap((kind) => [
  sheetNames[kind]['zh-CN'],
  sheetNames[kind]['en-US'],
]);

/** Both names of the change-log sheet. */
export const changeLogSheetNames: readonly string[] = [sheetNames.changeLog['zh-CN'], sheetNames.changeLog['en-US']];

export const columnLabels = {
  official: { 'zh-CN': '分管领导', 'en-US': 'Official' },
  unit: { 'zh-CN': '责任单位', 'en-US': 'Responsible unit' },
  status: { 'zh-CN': '进展状态', 'en-US': 'Status' },
  count: { 'zh-CN': '事项数', 'en-US': 'Tasks' },
  total: { 'zh-CN': '合计', 'en-US': 'Total' },
  onScheduleShare: { 'zh-CN': '按进度占比', 'en-US': 'On schedule' },
  share: { 'zh-CN': '占比', 'en-US': 'Share' },
  section: { 'zh-CN': '所属部分', 'en-US': 'Section' },
  number: { 'zh-CN': '序号', 'en-US': 'No.' },
  task: { 'zh-CN': '工作任务', 'en-US': 'Task' },
  persons: { 'zh-CN': '责任人', 'en-US': 'Responsible persons' },
  progress: { 'zh-CN': '进展情况', 'en-US': 'Progress' },
  sourceRow: { 'zh-CN': '原表行', 'en-US': 'Source rows' },
  outputRow: { 'zh-CN': '整理后行', 'en-US': 'Output row' },
  column: { 'zh-CN': '列', 'en-US': 'Column' },
  before: { 'zh-CN': '整理前', 'en-US': 'Before' },
  after: { 'zh-CN': '整理后', 'en-US': 'After' },
  why: { 'zh-CN': '原因', 'en-US': 'Why' },
  op: { 'zh-CN': '操作', 'en-US': 'Operation' },
  deadline: { 'zh-CN': '完成时限', 'en-US': 'Due' },
  reason: { 'zh-CN': '列入原因', 'en-US': 'Listed because' },
  reasonStatus: { 'zh-CN': '进展滞后', 'en-US': 'lagging status' },
  reasonOverdue: { 'zh-CN': '逾期未完成', 'en-US': 'past due, not done' },
  sheet: { 'zh-CN': '工作表', 'en-US': 'Sheet' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ColumnLabel = keyof typeof columnLabels;

export function label(key: ColumnLabel, lang: Lang): string {
  return columnLabels[key][lang];
}

export const chartTitles = {
  byOfficial: { 'zh-CN': '各分管领导事项进展状态', 'en-US': 'Task status by official' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Shown in the output-row column for a row the repair removed. */
export const removedMarker: Record<Lang, string> = { 'zh-CN': '已删除', 'en-US': 'removed' };

export const removalMessages: Record<RemovalReason, Record<Lang, string>> = {
  blank: { 'zh-CN': '删除空行', 'en-US': 'Removed a blank row' },
  'repeated-header': { 'zh-CN': '删除重复的表头行（分页时重复出现）', 'en-US': 'Removed a repeated header row (repeated at a page break)' },
  'page-number': { 'zh-CN': '删除页码行', 'en-US': 'Removed a page-number row' },
};

/** Suffix of a repaired sheet's name. */
export const repairedSuffix: Record<Lang, string> = { 'zh-CN': '（整理）', 'en-US': ' (clean)' };
