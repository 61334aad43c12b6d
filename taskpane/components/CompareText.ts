/**
 * The words of the comparison with last period (汇总 step of the add-in, WPS and the web page), zh-CN first, en-US
 * second. Kept beside ComparePanel so the shared dictionaries need no change; both have the same keys and {placeholders}.
 */
import type { Lang } from '../../src/core/types';
import { fillPlaceholders } from '../i18n';

const zhCN = {
  'compare.title': '与上期对比',
  'compare.intro': '选择上期的总表（表格文件或 Word 文件），看哪些任务新增滞后、持续滞后、已恢复或本期完成。',
  'compare.choose': '选择上期的表格…',
  'compare.reading': '正在读取上期的表格：{file}',
  'compare.cancel': '取消',
  'compare.cancelled': '已取消，未作对比。',
  'compare.noTable': '先读取本期的表格，才能与上期对比。',
  'compare.against': '与上期（{file}）相比：',
  'compare.periods': '{last} → {now}',
  'compare.count.newly-lagging': '新增滞后',
  'compare.count.still-lagging': '持续滞后',
  'compare.count.recovered': '已恢复',
  'compare.count.completed': '本期完成',
  'compare.count.new': '新增任务',
  'compare.count.dropped': '本期已无',
  'compare.official': '分管领导',
  'compare.total': '合计',
  'compare.lagging': '滞后任务（{count}）',
  'compare.lagging.none': '本期没有滞后的任务。',
  'compare.lagging.line': '{change} · {official} {place}：{task}',
  'compare.lagging.periods': '（连续 {periods} 期）',
  'compare.more': '另有 {count} 项未列出，见对比表。',
  'compare.chart': '各分管领导本期状态变化',
  'compare.chart.label': '{official}：{parts}',
  'compare.write': '写入对比表',
  'compare.download': '下载对比表',
  'compare.writing': '正在写入对比表…',
  'compare.written': '已写入对比表：{sheets}。',
  'compare.downloaded': '已下载 {name}（原文件加上对比表）。',
  'compare.noChart': 'WPS 表格中写入的对比表不带图表，图表见本窗格。',
  'compare.nativeChart': '“{sheet}”工作表旁附有柱形图。',
  'compare.replace.title': '已有同名的工作表',
  'compare.replace.body': '工作表“{sheets}”不是本加载项生成的。替换会删除这些工作表中的内容。要替换吗？',
  'compare.replace.yes': '替换',
  'compare.replace.no': '不替换',
  'compare.replace.declined': '未写入：同名的工作表保持不变。',
  'compare.failed': '写入对比表失败：{reason}',
  'compare.stale': '本期的表格已重新读取，请重新选择上期的表格。',
  'compare.inSummary': '与上期对比（新增滞后、持续滞后、已恢复、本期完成）在“汇总”步骤中。',
} as const;

export type CompareMessageKey = keyof typeof zhCN;

const enUS: Record<CompareMessageKey, string> = {
  'compare.title': 'Compare with last period',
  'compare.intro': "Choose last period's master table (a spreadsheet or a Word file) to see which tasks fell behind, are still behind, recovered or were completed this period.",
  'compare.choose': "Choose last period's table…",
  'compare.reading': "Reading last period's table: {file}",
  'compare.cancel': 'Cancel',
  'compare.cancelled': 'Cancelled; nothing was compared.',
  'compare.noTable': "Read this period's table first, then compare it with the last.",
  'compare.against': 'Against last period ({file}):',
  'compare.periods': '{last} → {now}',
  'compare.count.newly-lagging': 'Newly lagging',
  'compare.count.still-lagging': 'Still lagging',
  'compare.count.recovered': 'Recovered',
  'compare.count.completed': 'Completed this period',
  'compare.count.new': 'New tasks',
  'compare.count.dropped': 'No longer listed',
  'compare.official': 'Official',
  'compare.total': 'Total',
  'compare.lagging': 'Lagging tasks ({count})',
  'compare.lagging.none': 'No task is lagging this period.',
  'compare.lagging.line': '{change} · {official} {place}: {task}',
  'compare.lagging.periods': ' ({periods} periods in a row)',
  'compare.more': '{count} more not listed; see the comparison sheet.',
  'compare.chart': 'Status changes by official',
  'compare.chart.label': '{official}: {parts}',
  'compare.write': 'Write comparison sheets',
  'compare.download': 'Download comparison',
  'compare.writing': 'Writing the comparison sheets…',
  'compare.written': 'Comparison sheets written: {sheets}.',
  'compare.downloaded': 'Downloaded {name} (the file with the comparison sheets added).',
  'compare.noChart': 'Comparison sheets written in WPS Spreadsheets carry no chart; the chart is shown in this pane.',
  'compare.nativeChart': 'A column chart sits beside the table on sheet "{sheet}".',
  'compare.replace.title': 'Sheets of the same name exist',
  'compare.replace.body': 'The sheet(s) "{sheets}" were not made by this add-in. Replacing deletes what they hold. Replace them?',
  'compare.replace.yes': 'Replace',
  'compare.replace.no': 'Keep them',
  'compare.replace.declined': 'Nothing written: the sheets of the same name are unchanged.',
  'compare.failed': 'The comparison sheets could not be written: {reason}',
  'compare.stale': "This period's table was read again; choose last period's table again.",
  'compare.inSummary': 'The comparison with last period (newly lagging, still lagging, recovered, completed) is in the Summary step.',
};

export const compareMessages: Record<Lang, Record<CompareMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type CompareTranslate = (key: CompareMessageKey, params?: Record<string, string | number>) => string;

export function compareTranslator(lang: Lang): CompareTranslate {
  const dictionary = compareMessages[lang];
  return (key, params = {}) => fillPlaceholders(dictionary[key], params);
}
