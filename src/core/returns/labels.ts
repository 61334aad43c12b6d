/** Sheet names, column labels and words of a round's output sheets, zh-CN first. */
import type { Lang } from '../types';
import type { StatusChange } from './compare';

export const roundSheetNames = {
  merged: { 'zh-CN': '合并后', 'en-US': 'Merged' },
  mergeLog: { 'zh-CN': '合并记录', 'en-US': 'Merge log' },
  answers: { 'zh-CN': '报送情况', 'en-US': 'Returns received' },
  findings: { 'zh-CN': '合并问题', 'en-US': 'Merge findings' },
  compared: { 'zh-CN': '本期与上期对比', 'en-US': 'This period vs last' },
  changesByOfficial: { 'zh-CN': '变化汇总', 'en-US': 'Changes by official' },
} as const;

export const roundLabels = {
  outputRow: { 'zh-CN': '合并后行', 'en-US': 'Merged row' },
  masterRow: { 'zh-CN': '原表行', 'en-US': 'Master row' },
  number: { 'zh-CN': '序号', 'en-US': 'No.' },
  task: { 'zh-CN': '工作任务', 'en-US': 'Task' },
  column: { 'zh-CN': '列', 'en-US': 'Column' },
  before: { 'zh-CN': '原内容', 'en-US': 'Before' },
  after: { 'zh-CN': '新内容', 'en-US': 'After' },
  source: { 'zh-CN': '来源（文件 / 单位 / 行）', 'en-US': 'Source (file / unit / row)' },
  unit: { 'zh-CN': '单位', 'en-US': 'Unit' },
  files: { 'zh-CN': '报送文件', 'en-US': 'Files' },
  leads: { 'zh-CN': '牵头任务', 'en-US': 'Leads' },
  shares: { 'zh-CN': '配合任务', 'en-US': 'Shares' },
  returned: { 'zh-CN': '已报送任务', 'en-US': 'Tasks returned' },
  missingLeads: { 'zh-CN': '未报牵头任务', 'en-US': 'Lead tasks missing' },
  answered: { 'zh-CN': '是否报送', 'en-US': 'Answered' },
  yes: { 'zh-CN': '已报送', 'en-US': 'yes' },
  no: { 'zh-CN': '未报送', 'en-US': 'no' },
  severity: { 'zh-CN': '级别', 'en-US': 'Severity' },
  rule: { 'zh-CN': '规则', 'en-US': 'Rule' },
  file: { 'zh-CN': '文件', 'en-US': 'File' },
  cell: { 'zh-CN': '位置', 'en-US': 'Cell' },
  message: { 'zh-CN': '说明', 'en-US': 'Message' },
  official: { 'zh-CN': '分管领导', 'en-US': 'Official' },
  before_status: { 'zh-CN': '上期状态', 'en-US': 'Last status' },
  now_status: { 'zh-CN': '本期状态', 'en-US': 'Status now' },
  change: { 'zh-CN': '变化', 'en-US': 'Change' },
  periods: { 'zh-CN': '连续滞后期数', 'en-US': 'Periods lagging' },
  total: { 'zh-CN': '合计', 'en-US': 'Total' },
  tasks: { 'zh-CN': '任务数', 'en-US': 'Tasks' },
  master: { 'zh-CN': '总表', 'en-US': 'master' },
  chart: { 'zh-CN': '各分管领导本期状态变化', 'en-US': 'Status changes by official' },
} as const satisfies Record<string, Record<Lang, string>>;

export const changeLabels: Record<StatusChange, Record<Lang, string>> = {
  'newly-lagging': { 'zh-CN': '新增滞后', 'en-US': 'Newly lagging' },
  'still-lagging': { 'zh-CN': '持续滞后', 'en-US': 'Still lagging' },
  recovered: { 'zh-CN': '已恢复', 'en-US': 'Recovered' },
  completed: { 'zh-CN': '本期完成', 'en-US': 'Completed this period' },
  steady: { 'zh-CN': '无变化', 'en-US': 'Steady' },
  new: { 'zh-CN': '新增任务', 'en-US': 'New task' },
  dropped: { 'zh-CN': '本期已无', 'en-US': 'No longer listed' },
};

export const severityLabels: Record<'error' | 'warning' | 'info', Record<Lang, string>> = {
  error: { 'zh-CN': '错误', 'en-US': 'error' },
  warning: { 'zh-CN': '警告', 'en-US': 'warning' },
  info: { 'zh-CN': '提示', 'en-US': 'info' },
};
