/**
 * The 合并报送 step's strings, zh-CN first, en-US second (kept beside MergePanel so that taskpane/i18n.ts, owned by
 * the add-in, needs no change). Both dictionaries have the same keys and the same {placeholders}.
 */
import type { Lang } from '../../src/core/types';
import { fillPlaceholders } from '../i18n';

const zhCN = {
  'merge.tab': '合并报送',
  'merge.heading': '合并各单位报送',
  'merge.intro': '先读取总表（选中总表后点击上面的按钮），再选择各单位报送回来的文件（.xlsx、.xls、.docx，可多选）。',
  'merge.choose': '选择报送文件…',
  'merge.reading': '正在读取第 {done}/{total} 份报送：{file}',
  'merge.cancel': '取消',
  'merge.cancelled': '已取消，未读取的报送没有合并。',
  'merge.unreadable': '无法读取：{file}（{reason}）',
  'merge.summary': '{returns} 份报送，将填入 {cells} 个单元格；{units} 个单位中 {answered} 个已报送。',
  'merge.silent': '未报送的单位（{count}）',
  'merge.answered': '已报送的单位（{count}）',
  'merge.unitLine': '{unit}：{files}，已报 {returned} 项，未报牵头任务 {missing} 项',
  'merge.changes': '将要修改的单元格（{count}）',
  'merge.changeLine': '第 {number} 项 · {column}：取自 {sources}',
  'merge.findings': '发现的问题（{count}）',
  'merge.noFindings': '未发现问题。',
  'merge.more': '另有 {count} 条未列出，应用后见“整理记录”工作表。',
  'merge.mode': '写入方式',
  'merge.mode.new-sheet': '写入新工作表（原表不变）',
  'merge.mode.in-place': '在原处替换（先备份原工作表）',
  'merge.apply': '应用合并',
  'merge.applied': '已写入工作表“{sheet}”，每个填入的单元格都记在“整理记录”中。',
  'merge.noMaster': '请先读取总表。',
} as const;

export type MergeMessageKey = keyof typeof zhCN;

const enUS: Record<MergeMessageKey, string> = {
  'merge.tab': 'Merge returns',
  'merge.heading': "Merge the units' returns",
  'merge.intro': 'Read the master table first (select it and press the button above), then choose the files the units sent back (.xlsx, .xls, .docx; several at once).',
  'merge.choose': 'Choose return files…',
  'merge.reading': 'Reading return {done}/{total}: {file}',
  'merge.cancel': 'Cancel',
  'merge.cancelled': 'Cancelled; the returns not yet read are not merged.',
  'merge.unreadable': 'Cannot read {file} ({reason})',
  'merge.summary': '{returns} returns; {cells} cells will be filled; {answered} of {units} units answered.',
  'merge.silent': 'Units that sent nothing ({count})',
  'merge.answered': 'Units that answered ({count})',
  'merge.unitLine': '{unit}: {files}, {returned} tasks returned, {missing} lead tasks missing',
  'merge.changes': 'Cells to change ({count})',
  'merge.changeLine': 'No. {number} · {column}: from {sources}',
  'merge.findings': 'Findings ({count})',
  'merge.noFindings': 'No findings.',
  'merge.more': '{count} more not listed; after applying, see the change-log sheet.',
  'merge.mode': 'Write to',
  'merge.mode.new-sheet': 'A new sheet (the original is kept)',
  'merge.mode.in-place': 'In place (the original sheet is backed up first)',
  'merge.apply': 'Apply merge',
  'merge.applied': 'Written to sheet "{sheet}"; every filled cell is in the change log.',
  'merge.noMaster': 'Read the master table first.',
};

const dictionaries: Record<Lang, Record<MergeMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type MergeTranslate = (key: MergeMessageKey, params?: Record<string, string | number>) => string;

export function mergeTranslator(lang: Lang): MergeTranslate {
  const dictionary = dictionaries[lang];
  return (key, params = {}) => fillPlaceholders(dictionary[key], params);
}

export const mergeMessages = dictionaries;
