/**
 * Words of the 合并报送 step's preview (shared by the add-in's pane and the web page) and of the page's own step,
 * zh-CN first. The add-in's older strings stay in taskpane/components/mergeText.ts; both dictionaries have the same
 * keys and {placeholders} (tests/web/returnsText.test.ts).
 */
import type { Lang } from '../../src/core/types';

const zhCN = {
  'returns.heading': '合并各单位报送',
  'returns.intro': '选择各单位报送回来的文件（.xlsx、.xls、.docx，可多选，也可以拖到这里）。先看哪些单位已报送、将改动哪些内容，再应用合并（和“整理”一样写入工作簿，保留原表和修改记录）。',
  'returns.noMaster': '请先打开总表，并在上方选择总表所在的工作表。',
  'returns.choose': '选择报送文件…',
  'returns.drop': '把报送文件拖到这里（可一次拖入多个）',
  'returns.dropActive': '松开鼠标即可添加报送',
  'returns.reading': '正在读取第 {done}/{total} 份报送：{file}',
  'returns.merging': '正在对应总表中的任务…',
  'returns.writing': '正在把合并写入工作簿…',
  'returns.downloading': '正在准备下载…',
  'returns.cancelled': '已取消，已读取的 {count} 份报送仍保留，未读取的没有加入。',
  'returns.unreadable': '{file}：{reason}',
  'returns.files': '已加入的报送（{count}）',
  'returns.remove': '移除 {file}',
  'returns.clear': '全部移除',
  'returns.returnLine': '{file}（{unit}）：{matched}/{tasks} 项已对应到总表',
  'returns.unknownUnit': '单位不明',
  'returns.tasks': '将要修改的任务（{count}）',
  'returns.task': '第 {ref} 项 {task}',
  'returns.from': '取自：{units}',
  'returns.status': '状态：{before} → {after}',
  'returns.progressBefore': '原进展：{text}',
  'returns.progressAfter': '新进展：{text}',
  'returns.empty': '（空）',
  'returns.conflict': '报送不一致：{list}。两份进展都保留，状态暂按前者，请核实。',
  'returns.moreTasks': '另有 {count} 项任务将被修改，见合并后工作簿中的“合并记录”。',
  'returns.title': '标题中的期别：{before} → {after}',
  'returns.findings': '发现的问题（{count}）',
  'returns.moreFindings': '此类另有 {count} 处，见合并后工作簿中的“合并问题”。',
  'returns.master': '总表',
  'returns.number': '第 {number} 项',
  'returns.mode': '合并结果写到',
  'returns.mode.newSheet': '新工作表（原表不动）',
  'returns.mode.inPlace': '原工作表（原表先备份）',
  'returns.apply': '应用合并',
  'returns.download': '下载合并后的工作簿',
  'returns.applied': '已合并到新工作表“{sheet}”，原表不变；每个填入的单元格都记在“{log}”中，另写入了 {sheets}。合并后的表格已读入，可接着校验、汇总。',
  'returns.appliedInPlace': '已合并到“{sheet}”，原表备份在“{backup}”；每个填入的单元格都记在“{log}”中，另写入了 {sheets}。合并后的表格已读入，可接着校验、汇总。',
} as const;

export type ReturnsKey = keyof typeof zhCN;

const enUS: Record<ReturnsKey, string> = {
  'returns.heading': "Merge the units' returns",
  'returns.intro': 'Choose the files the units sent back (.xlsx, .xls, .docx; several at once, or drop them here). See who answered and what will change, then apply the merge (written into the workbook as 整理 writes, the original and a change log kept).',
  'returns.noMaster': 'Open the master table first and choose its sheet above.',
  'returns.choose': 'Choose return files…',
  'returns.drop': 'Drop return files here (several at once)',
  'returns.dropActive': 'Release to add the returns',
  'returns.reading': 'Reading return {done}/{total}: {file}',
  'returns.merging': 'Placing the returns on the master\'s tasks…',
  'returns.writing': 'Writing the merge into the workbook…',
  'returns.downloading': 'Preparing the download…',
  'returns.cancelled': 'Cancelled; the {count} returns read so far are kept, the others were not added.',
  'returns.unreadable': '{file}: {reason}',
  'returns.files': 'Returns added ({count})',
  'returns.remove': 'Remove {file}',
  'returns.clear': 'Remove all',
  'returns.returnLine': '{file} ({unit}): {matched} of {tasks} tasks placed on the master',
  'returns.unknownUnit': 'unit unknown',
  'returns.tasks': 'Tasks that will change ({count})',
  'returns.task': 'No. {ref} {task}',
  'returns.from': 'From: {units}',
  'returns.status': 'Status: {before} → {after}',
  'returns.progressBefore': 'Progress before: {text}',
  'returns.progressAfter': 'Progress now: {text}',
  'returns.empty': '(empty)',
  'returns.conflict': 'The returns disagree: {list}. Both texts are kept and the first status is used for now; please check.',
  'returns.moreTasks': '{count} more tasks will change; see the merge log in the merged workbook.',
  'returns.title': 'Period in the title: {before} → {after}',
  'returns.findings': 'Findings ({count})',
  'returns.moreFindings': '{count} more of this kind; see the merge findings sheet in the merged workbook.',
  'returns.master': 'master',
  'returns.number': 'no. {number}',
  'returns.mode': 'Write the merge to',
  'returns.mode.newSheet': 'a new sheet (the original untouched)',
  'returns.mode.inPlace': 'the original sheet (backed up first)',
  'returns.apply': 'Apply the merge',
  'returns.download': 'Download the merged workbook',
  'returns.applied': 'Merged into the new sheet "{sheet}", the original unchanged; every filled cell is listed in "{log}", and {sheets} were added. The merged table is read: check and summarize it next.',
  'returns.appliedInPlace': 'Merged into "{sheet}", the original backed up in "{backup}"; every filled cell is listed in "{log}", and {sheets} were added. The merged table is read: check and summarize it next.',
};

export const returnsDictionaries: Record<Lang, Record<ReturnsKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type ReturnsTranslate = (key: ReturnsKey, params?: Record<string, string | number>) => string;

export function returnsTranslator(lang: Lang): ReturnsTranslate {
  const dictionary = returnsDictionaries[lang];
  return (key, params = {}) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
