/**
 * Every string the taskpane shows, in zh-CN (the default) and en-US. Both dictionaries have the same keys (the type
 * checks it at compile time, tests/addin/i18n.test.ts at run time) and the same {placeholders}.
 */
import type { Lang } from '../src/core/types';

const zhCN = {
  'app.title': '报表整理',
  'app.language': '语言',
  'app.language.zh-CN': '中文',
  'app.language.en-US': 'English',
  'app.notInExcel.title': '需要在 Excel 中运行',
  'app.notInExcel.body': '此窗格是 Excel 加载项：请在 Excel 中通过“开始 > 报表整理”打开。现在只能查看界面和设置。',
  'app.dismiss': '关闭',
  'app.connecting': '正在连接 Excel…',
  'app.slow': 'Excel 响应较慢，仍在等待连接。打开大的工作簿时可能需要一些时间，请稍候。',
  'app.officeMissing.title': '无法加载 Office 脚本',
  'app.officeMissing.body': '本窗格需要的 Office 脚本（office.js）既无法从微软的服务器下载，也无法从本加载项自带的副本加载。请检查网络，或请管理员改用“只用自带副本”的版本部署本加载项。',
  'app.tooOld.title': '这个版本的 Excel 太旧',
  'app.tooOld.webPage': '打开报表整理网页版',

  'tab.repair': '整理',
  'tab.check': '校验',
  'tab.summary': '汇总',
  'tab.merge': '合并报送',
  'tab.settings': '设置',

  'source.read': '读取选区并分析',
  'source.reread': '重新读取选区',
  'source.hint': '在工作表中选中整张表格（含标题和表头）；只选一个单元格时读取整张工作表的已用区域。然后点击下面的按钮。',
  'source.info': '已读取 {sheet}!{address}：{records} 项任务，{sections} 个部分',
  'source.infoNoSections': '已读取 {sheet}!{address}：{records} 项任务',

  'stage.read': '正在读取表格…',
  'stage.analyze': '正在分析…',
  'stage.write': '正在写入…',
  'stage.highlight': '正在标记…',
  'stage.summary': '正在生成汇总表…',
  'stage.settings': '正在保存设置…',
  'stage.progress': '{done} / {total}',
  'stage.verify': '正在核对原表是否改动…',
  'job.cancel': '取消',
  'job.cancelled': '已取消。',
  'job.status': '进度和结果',
  'repair.backup': '原表保存在备份工作表“{sheet}”中。',
  'repair.truncated': '{count} 个单元格的文字超过 Excel 单元格上限（32,767 字），已截断并以“…”结尾：{cells}。',
  'repair.count': '{count} 处',
  'repair.noInPlace': '这里不能在原处替换，整理结果会写入新工作表。',
  'check.notesSkipped': '{count} 个单元格已有讨论批注，只填充了颜色，问题说明见本窗格。',
  'check.showAll': '显示全部 {count} 条',
  'check.count': '{count} 条',
  'check.ruleId': '规则编号：{rule}',
  'check.counts': '问题统计',
  'summary.replace.title': '已有同名的工作表',
  'summary.replace.body': '工作表“{sheets}”不是本加载项生成的。替换会删除这些工作表中的内容。要替换吗？',
  'summary.replace.yes': '替换',
  'summary.replace.no': '不替换',
  'summary.chart': '各分管领导的任务进展',
  'summary.chart.label': '{official}：共 {total} 项，{parts}',

  'repair.preview': '整理预览',
  'repair.collapsed': '合并的行',
  'repair.collapsed.count': '{rows} 行合并为 {records} 行（每项任务或子项一行）',
  'repair.removed': '删除的行',
  'repair.changed': '修改的单元格',
  'repair.nothing': '表格已经整齐，无需整理。',
  'repair.rows': '第 {rows} 行',
  'repair.toOutput': '→ 整理后第 {row} 行',
  'repair.more': '另有 {count} 条未列出，应用后见“整理记录”工作表。',
  'repair.reason.blank': '空行',
  'repair.reason.repeated-header': '重复的表头',
  'repair.reason.page-number': '页码',
  'repair.mode': '写入方式',
  'repair.mode.new-sheet': '写入新工作表（原表不变）',
  'repair.mode.in-place': '在原处替换（先备份原工作表）',
  'repair.apply': '应用整理',
  'repair.applied': '已写入工作表“{sheet}”。',
  'repair.done': '已整理',
  'repair.done.hint': '这次读取的表格已经整理过了。表格再有改动，请先点“{reread}”，再点“{apply}”。',
  'repair.outputSize': '整理后共 {rows} 行，{changes} 处修改',

  'check.run': '校验选区',
  'check.recheck': '重新校验',
  'check.highlight': '在表中标出',
  'check.clear': '清除标记',
  'check.highlighted': '已在表中标出 {count} 处问题。',
  'check.cleared': '已清除标记。',
  'check.none': '没有发现问题。',
  'check.total': '共 {count} 个问题',
  'check.severity.error': '错误',
  'check.severity.warning': '警告',
  'check.severity.info': '提示',
  'check.goto': '定位到 {cell}',
  'check.row': '第 {row} 行',
  'check.suggestion': '建议：{suggestion}',

  'summary.write': '生成汇总表',
  'summary.written': '已写入汇总表：{sheets}。',
  'summary.byOfficial': '按分管领导汇总',
  'summary.official': '分管领导',
  'summary.total': '合计',
  'summary.onSchedule': '按进度占比',
  'summary.overall': '共 {total} 项，按进度 {onSchedule} 项（{share}），滞后 {lagging} 项',
  'summary.empty': '先读取表格，才能汇总。',
  'word.export': '导出 Word（附件）',
  'word.official': '导出范围',
  'word.allOfficials': '全部分管领导',
  'word.laggingOnly': '只导出滞后事项',
  'word.laggingSuffix': '滞后事项',
  'word.done': '已生成 Word 文件“{name}”，请在下载中查看。',
  'word.failed': '未能生成 Word 文件，请重试。',
  'word.unavailable': '此处无法直接下载文件：请用报表整理网页版，或命令行 report-tables export 导出 Word 附件。',
  'split.title': '发出报送表',
  'split.intro': '按责任单位拆分总表：每个单位一份报送表（牵头任务在前，附上期进展供参考，只需填写进展状态和进展情况），打包成一个压缩文件下载后分发。',
  'split.period': '报送期别',
  'split.periodHint': '写入每份报送表的标题。默认是总表标题中的期别（即上期），请改为本期要报送的期别。',
  'split.format': '报送表格式',
  'split.format.xlsx': 'Excel（推荐：状态下拉选择，其余锁定）',
  'split.format.docx': 'Word',
  'split.format.both': '两种都要',
  'split.run': '生成各单位报送表',
  'split.starting': '正在准备…',
  'split.making': '正在生成第 {done}/{total} 个单位：{unit}',
  'split.cancel': '取消',
  'split.cancelled': '已取消，未生成下载文件。',
  'split.done': '已生成“{name}”：{units} 个单位，{files} 个文件。请在下载中查看。',
  'split.unassigned': '另有 {count} 项任务没有可报送的责任单位，未分发。',
  'split.noUnits': '总表中没有可分发的责任单位：请检查“责任单位”列。',
  'split.failed': '未能生成报送表，请重试。',
  'split.noMaster': '请先读取总表。',
  'split.unavailable': '此处无法直接下载文件：请用报表整理网页版，或命令行 report-tables split 生成各单位报送表。',

  'settings.intro': '状态词和单位名录保存在本工作簿中。可以只写需要改的部分，未写的部分使用默认值。',
  'settings.vocabulary': '状态词',
  'settings.units': '单位名录',
  'settings.json': '设置（JSON）',
  'settings.status': '状态',
  'settings.synonyms': '同义写法（用顿号或逗号分隔）',
  'settings.onSchedule': '算作按进度',
  'settings.lagging': '列入滞后清单',
  'settings.unitName': '单位名称',
  'settings.aliases': '别名（用顿号或逗号分隔）',
  'settings.person': '责任人',
  'settings.add': '添加',
  'settings.remove': '删除',
  'settings.validate': '检查',
  'settings.valid': '设置有效：{statuses} 个状态词，{units} 个单位。',
  'settings.save': '保存到工作簿',
  'settings.saved': '设置已保存到工作簿。',
  'settings.import': '导入 JSON',
  'settings.export': '导出 JSON',
  'settings.reset': '恢复默认',
  'settings.loadFailed': '工作簿中保存的设置无效，已改用默认设置。',
  'settings.unsaved': '有未保存的修改。',
  'settings.view': '编辑方式',
  'settings.view.lists': '列表',
  'settings.view.json': 'JSON',

  'error.title': '出错了',
  'error.unknown': '发生了意外错误。请重试；如果仍然出错，请关闭并重新打开任务窗格。',
  'error.config': '设置有 {count} 处问题：',
  'error.configEntry': '第 {n} 项',
  'error.noHost': '不在 Excel 中，无法操作工作簿。',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const enUS: Messages = {
  'app.title': 'Report tables',
  'app.language': 'Language',
  'app.language.zh-CN': '中文',
  'app.language.en-US': 'English',
  'app.notInExcel.title': 'Runs inside Excel',
  'app.notInExcel.body': 'This pane is an Excel add-in: open it in Excel from Home > Report tables. Here you can only look around and edit settings.',
  'app.dismiss': 'Dismiss',
  'app.connecting': 'Connecting to Excel…',
  'app.slow': 'Excel is slow to answer; still waiting. Opening a large workbook can take a while.',
  'app.officeMissing.title': 'Office scripts could not be loaded',
  'app.officeMissing.body': 'The Office script this pane needs (office.js) could neither be downloaded from Microsoft nor loaded from the copy shipped with the add-in. Check the network, or ask your administrator to deploy the build that uses only the bundled copy.',
  'app.tooOld.title': 'This Excel is too old',
  'app.tooOld.webPage': 'Open the Report tables web page',

  'tab.repair': 'Repair',
  'tab.check': 'Check',
  'tab.summary': 'Summary',
  'tab.merge': 'Returns',
  'tab.settings': 'Settings',

  'source.read': 'Read selection and analyze',
  'source.reread': 'Read the selection again',
  'source.hint': 'Select the whole table on the sheet (title and header included); with a single cell selected, the sheet’s used range is read. Then use the button below.',
  'source.info': 'Read {sheet}!{address}: {records} tasks in {sections} sections',
  'source.infoNoSections': 'Read {sheet}!{address}: {records} tasks',

  'stage.read': 'Reading the table…',
  'stage.analyze': 'Analyzing…',
  'stage.write': 'Writing…',
  'stage.highlight': 'Marking cells…',
  'stage.summary': 'Writing the summary sheets…',
  'stage.settings': 'Saving settings…',
  'stage.progress': '{done} / {total}',
  'stage.verify': 'Checking the source table for edits…',
  'job.cancel': 'Cancel',
  'job.cancelled': 'Cancelled.',
  'job.status': 'Progress and result',
  'repair.backup': 'The original is kept on the backup sheet "{sheet}".',
  'repair.truncated': '{count} cells held more text than an Excel cell can (32,767 characters); cut and ended with "…": {cells}.',
  'repair.count': '{count}',
  'repair.noInPlace': 'Replacing in place is not available here; the result goes to a new sheet.',
  'check.notesSkipped': '{count} cells already carry a comment thread: they were filled only; the explanation is in this pane.',
  'check.showAll': 'Show all {count}',
  'check.count': '{count}',
  'check.ruleId': 'Rule id: {rule}',
  'check.counts': 'Problem counts',
  'summary.replace.title': 'Sheets of the same name exist',
  'summary.replace.body': 'The sheet(s) "{sheets}" were not made by this add-in. Replacing deletes what they hold. Replace them?',
  'summary.replace.yes': 'Replace',
  'summary.replace.no': 'Keep them',
  'summary.chart': 'Progress by official',
  'summary.chart.label': '{official}: {total} tasks, {parts}',

  'repair.preview': 'Repair preview',
  'repair.collapsed': 'Rows joined',
  'repair.collapsed.count': '{rows} rows collapsed into {records} (one per task or sub-item)',
  'repair.removed': 'Rows removed',
  'repair.changed': 'Cells changed',
  'repair.nothing': 'The table is already tidy: nothing to repair.',
  'repair.rows': 'Row {rows}',
  'repair.toOutput': '→ output row {row}',
  'repair.more': '{count} more not listed; after applying, see the Change log sheet.',
  'repair.reason.blank': 'blank',
  'repair.reason.repeated-header': 'repeated header',
  'repair.reason.page-number': 'page number',
  'repair.mode': 'Where to write',
  'repair.mode.new-sheet': 'Into a new sheet (the original stays as it is)',
  'repair.mode.in-place': 'In place (the original sheet is backed up first)',
  'repair.apply': 'Apply repair',
  'repair.applied': 'Written to sheet "{sheet}".',
  'repair.done': 'Repaired',
  'repair.done.hint': 'The table as read has been repaired. If it changes, press "{reread}" first, then "{apply}".',
  'repair.outputSize': '{rows} rows after repair, {changes} changes',

  'check.run': 'Check selection',
  'check.recheck': 'Check again',
  'check.highlight': 'Mark in sheet',
  'check.clear': 'Clear marks',
  'check.highlighted': 'Marked {count} problems in the sheet.',
  'check.cleared': 'Marks cleared.',
  'check.none': 'No problems found.',
  'check.total': '{count} problems',
  'check.severity.error': 'Error',
  'check.severity.warning': 'Warning',
  'check.severity.info': 'Note',
  'check.goto': 'Go to {cell}',
  'check.row': 'Row {row}',
  'check.suggestion': 'Suggestion: {suggestion}',

  'summary.write': 'Write summary sheets',
  'summary.written': 'Summary sheets written: {sheets}.',
  'summary.byOfficial': 'By official',
  'summary.official': 'Official',
  'summary.total': 'Total',
  'summary.onSchedule': 'On schedule',
  'summary.overall': '{total} tasks, {onSchedule} on schedule ({share}), {lagging} lagging',
  'summary.empty': 'Read a table first to summarize it.',
  'word.export': 'Export Word (attachment)',
  'word.official': 'What to export',
  'word.allOfficials': 'All officials',
  'word.laggingOnly': 'Only lagging tasks',
  'word.laggingSuffix': 'lagging',
  'word.done': 'Word file "{name}" made; find it in your downloads.',
  'word.failed': 'The Word file could not be made. Try again.',
  'word.unavailable': 'Files cannot be downloaded here: use the web page, or the command line report-tables export, to get the Word attachment.',
  'split.title': 'Send out the return forms',
  'split.intro': 'Split the master by responsible unit: one form per unit (lead tasks first, last period\'s progress for reference, only status and progress to fill), in one zip to download and send out.',
  'split.period': 'Period',
  'split.periodHint': 'Written in every form\'s title. It starts as the period the master\'s title names (last period): change it to the period the units report on now.',
  'split.format': 'Form format',
  'split.format.xlsx': 'Excel (recommended: status drop-down, the rest locked)',
  'split.format.docx': 'Word',
  'split.format.both': 'Both',
  'split.run': 'Make the units\' return forms',
  'split.starting': 'Preparing…',
  'split.making': 'Making unit {done}/{total}: {unit}',
  'split.cancel': 'Cancel',
  'split.cancelled': 'Cancelled; nothing was downloaded.',
  'split.done': '"{name}" made: {units} units, {files} files. Find it in your downloads.',
  'split.unassigned': '{count} more tasks name no unit that can answer and were not sent.',
  'split.noUnits': 'The master names no unit to send tasks to: check the responsible-unit column.',
  'split.failed': 'The return forms could not be made. Try again.',
  'split.noMaster': 'Read the master table first.',
  'split.unavailable': 'Files cannot be downloaded here: use the web page, or the command line report-tables split, to make the units\' forms.',

  'settings.intro': 'Status words and the unit directory are stored in this workbook. Write only what you change; the rest keeps the defaults.',
  'settings.vocabulary': 'Status words',
  'settings.units': 'Unit directory',
  'settings.json': 'Settings (JSON)',
  'settings.status': 'Status',
  'settings.synonyms': 'Other spellings (comma separated)',
  'settings.onSchedule': 'Counts as on schedule',
  'settings.lagging': 'Listed as lagging',
  'settings.unitName': 'Unit name',
  'settings.aliases': 'Aliases (comma separated)',
  'settings.person': 'Responsible person',
  'settings.add': 'Add',
  'settings.remove': 'Remove',
  'settings.validate': 'Check',
  'settings.valid': 'Settings are valid: {statuses} status words, {units} units.',
  'settings.save': 'Save to workbook',
  'settings.saved': 'Settings saved in the workbook.',
  'settings.import': 'Import JSON',
  'settings.export': 'Export JSON',
  'settings.reset': 'Restore defaults',
  'settings.loadFailed': 'The settings stored in this workbook are not valid; the defaults are used instead.',
  'settings.unsaved': 'There are unsaved changes.',
  'settings.view': 'Edit as',
  'settings.view.lists': 'Lists',
  'settings.view.json': 'JSON',

  'error.title': 'Something went wrong',
  'error.unknown': 'An unexpected error occurred. Try again; if it keeps happening, close and reopen the pane.',
  'error.config': 'The settings have {count} problems:',
  'error.configEntry': 'entry {n}',
  'error.noHost': 'Not running in Excel: the workbook cannot be changed.',
};

export const dictionaries: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language: `{name}` placeholders are filled from params. */
/**
 * A message with its {name} placeholders filled, the same for every message catalogue of the pane and the web page; a
 * placeholder without a value stays as written, so a forgotten one shows on screen instead of an empty gap.
 */
export function fillPlaceholders(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(lang: Lang): Translate {
  const messages = dictionaries[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return fillPlaceholders(text, params);
  };
}

/**
 * The pane's language: the user's explicit choice, else Office's display language ("en…" → English), else the
 * manifest's ?lang= hint, else Chinese.
 */
export function pickLanguage(choice: {
  override?: string | null;
  displayLanguage?: string | null;
  urlLang?: string | null;
}): Lang {
  const asLang = (value: string | null | undefined): Lang | null => {
    if (!value) return null;
    const lower = value.toLowerCase();
    if (lower.startsWith('en')) return 'en-US';
    if (lower.startsWith('zh')) return 'zh-CN';
    return null;
  };
  if (choice.override === 'zh-CN' || choice.override === 'en-US') return choice.override;
  if (choice.displayLanguage) return asLang(choice.displayLanguage) ?? 'zh-CN';
  return asLang(choice.urlLang) ?? 'zh-CN';
}
