/**
 * The web page's words: its own strings (opening a file, the grid, charts, downloads) and the pane strings that say
 * "selection" or "workbook" where the page works on a file. Same keys in both languages, zh-CN first.
 */
import type { Lang } from '../../src/core/types';
import { translator, type MessageKey, type Translate } from '../i18n';

const zhCN = {
  'web.title': '报表整理 · 网页版',
  'web.tagline': '不用安装，文件不离开本机：打开或拖入表格，整理、校验、汇总后下载结果。',
  'web.open': '打开文件',
  'web.drop': '把表格文件拖到这里，或点击“打开文件”。支持 .xlsx、.xlsm、Excel 2003 XML、网页格式 .xls 和 Word 文档 .docx。',
  'web.dropActive': '松开鼠标即可打开',
  'web.wrongType': '不能读取 {files}：这里只读取 {types} 文件。其他格式的表格请先另存为 .xlsx 再打开。',
  'web.file': '文件：{name}',
  'web.sheet': '工作表',
  'web.sheet.hidden': '{name}（隐藏）',
  'web.opening': '正在打开文件…',
  'web.cancel': '取消',
  'web.cancelled': '已取消。文件仍已打开，可以重新开始。',
  'web.noTable': '这张工作表上没有读出表格：{reason}',
  'web.grid': '表格内容',
  'web.grid.size': '{rows} 行 × {columns} 列',
  'web.grid.marks': '已标出 {count} 处问题',
  'web.downloads': '下载',
  'web.download.fixed': '整理后的工作簿',
  'web.download.summary': '汇总工作簿',
  'web.download.findings': '问题清单（Excel）',
  'web.download.findingsJson': '问题清单（JSON）',
  'web.download.word': 'Word 文档',
  'web.download.fixed.wait': '先点击上面的“整理”，才能下载整理后的工作簿。',
  'web.downloaded': '已下载 {name}',
  'web.charts': '图表',
  'web.chart.byOfficial': '各分管领导事项进展状态',
  'web.chart.lagging': '滞后事项占比',
  'web.chart.lagging.part': '滞后',
  'web.chart.onSchedule.part': '按进度',
  'web.chart.other.part': '其他',
  'web.chart.png': '下载图片',
  'web.privacy': '所有处理都在本机浏览器中完成，不上传任何内容。',
  'web.stage.open': '正在打开文件…',
  'web.stage.export': '正在生成文件…',
  'web.stage.verify': '正在核对表格…',
  'web.stage.load': '正在读取工作表…',
  'web.start': '第一步：打开一个表格文件。整理、校验、汇总都在打开文件之后进行；设置可以随时修改。',
} as const;

export type WebKey = keyof typeof zhCN;

const enUS: Record<WebKey, string> = {
  'web.title': 'Report tables · web page',
  'web.tagline': 'Nothing to install, and the file never leaves this computer: open or drop a table, repair, check and summarize it, then download the results.',
  'web.open': 'Open file',
  'web.drop': 'Drop a table file here, or click "Open file". Reads .xlsx, .xlsm, Excel 2003 XML, web-page .xls and Word .docx.',
  'web.dropActive': 'Release to open',
  'web.wrongType': 'Cannot read {files}: only {types} files are read here. Save a table in another format as .xlsx first, then open it.',
  'web.file': 'File: {name}',
  'web.sheet': 'Sheet',
  'web.sheet.hidden': '{name} (hidden)',
  'web.opening': 'Opening the file…',
  'web.cancel': 'Cancel',
  'web.cancelled': 'Cancelled. The file is still open; you can start again.',
  'web.noTable': 'No table was read on this sheet: {reason}',
  'web.grid': 'Table',
  'web.grid.size': '{rows} rows × {columns} columns',
  'web.grid.marks': '{count} problems marked',
  'web.downloads': 'Downloads',
  'web.download.fixed': 'Repaired workbook',
  'web.download.summary': 'Summary workbook',
  'web.download.findings': 'Findings (Excel)',
  'web.download.findingsJson': 'Findings (JSON)',
  'web.download.word': 'Word document',
  'web.download.fixed.wait': 'Press "Repair" above first; then the repaired workbook can be downloaded.',
  'web.downloaded': 'Downloaded {name}',
  'web.charts': 'Charts',
  'web.chart.byOfficial': 'Task status by official',
  'web.chart.lagging': 'Share of lagging tasks',
  'web.chart.lagging.part': 'Lagging',
  'web.chart.onSchedule.part': 'On schedule',
  'web.chart.other.part': 'Other',
  'web.chart.png': 'Download image',
  'web.privacy': 'Everything happens in this browser; nothing is uploaded.',
  'web.stage.open': 'Opening the file…',
  'web.stage.export': 'Preparing the file…',
  'web.stage.verify': 'Checking the table…',
  'web.stage.load': 'Reading the sheet…',
  'web.start': 'First, open a table file. Repair, check and summary work on the open file; settings can be changed at any time.',
};

/** Pane strings that speak of Excel's selection or of the workbook, as the page says them. */
const paneOverrides: Record<Lang, Partial<Record<MessageKey, string>>> = {
  'zh-CN': {
    'app.title': '报表整理',
    'source.read': '分析此工作表',
    'source.reread': '重新分析',
    'source.hint': '先打开一个表格文件，再选择要处理的工作表。',
    'check.run': '校验此工作表',
    'check.highlight': '在表格中标出',
    'check.highlighted': '已在下方表格中标出 {count} 处问题。',
    'repair.apply': '整理',
    'repair.applied': '已生成工作表“{sheet}”，可在“下载”中下载整理后的工作簿。',
    'repair.more': '另有 {count} 条未列出，见下载的工作簿中的“整理记录”工作表。',
    'summary.write': '生成汇总表',
    'summary.written': '已生成汇总表：{sheets}。可在“下载”中下载汇总工作簿。',
    'settings.intro': '状态词和单位名录保存在本浏览器中，也可以导出为 JSON 文件，在命令行（--config）和 Excel 加载项中通用。',
    'settings.save': '保存设置',
    'settings.saved': '设置已保存在本浏览器中。',
    'settings.loadFailed': '本浏览器中保存的设置无效，已改用默认设置。',
    'error.noHost': '请先打开一个文件。',
    // The page's worker counts the units it has made; it does not name them.
    'split.making': '正在生成第 {done}/{total} 个单位的报送表…',
  },
  'en-US': {
    'source.read': 'Analyze this sheet',
    'source.reread': 'Analyze again',
    'source.hint': 'Open a table file first, then choose the sheet to work on.',
    'check.run': 'Check this sheet',
    'check.highlight': 'Mark in the table',
    'check.highlighted': '{count} problems marked in the table below.',
    'repair.apply': 'Repair',
    'repair.applied': 'Sheet "{sheet}" was made; download the repaired workbook under Downloads.',
    'repair.more': '{count} more not listed; see the change-log sheet in the downloaded workbook.',
    'summary.written': 'Summary sheets made: {sheets}. Download the summary workbook under Downloads.',
    'settings.intro': 'Status words and the unit directory are kept in this browser; export them as a JSON file to use them with the command line (--config) and the Excel add-in.',
    'settings.save': 'Save settings',
    'settings.saved': 'Settings saved in this browser.',
    'settings.loadFailed': 'The settings kept in this browser are not valid; the defaults are used instead.',
    'error.noHost': 'Open a file first.',
    'split.making': 'Making the forms: unit {done}/{total}…',
  },
};

/** The pane's translator with the page's wording where it differs. */
export function paneTranslator(lang: Lang): Translate {
  const base = translator(lang);
  const overrides = paneOverrides[lang];
  return (key, params) => {
    const text = overrides[key];
    if (text === undefined) return base(key, params);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export type WebTranslate = (key: WebKey, params?: Record<string, string | number>) => string;

export const webDictionaries: Record<Lang, Record<WebKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function webTranslator(lang: Lang): WebTranslate {
  const messages = webDictionaries[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
