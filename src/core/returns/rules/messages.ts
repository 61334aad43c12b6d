/** The round's messages in both languages, one template per rule (as src/core/rules/messages.ts does for checks). */
import type { Lang } from '../../types';

export interface RoundParams {
  unit?: string;
  units?: string[];
  file?: string;
  number?: string;
  task?: string;
  diff?: string;
  other?: string;
  status?: string;
  otherStatus?: string;
  kind?: string;
  count?: number;
}

type Template = (p: RoundParams) => string;

const cut = (s: string | undefined, n = 40) => {
  const text = (s ?? '').replace(/\s+/g, ' ');
  return text.length > n ? `${text.slice(0, n)}…` : text;
};
const q = (s: string | undefined) => `“${cut(s)}”`;
const qe = (s: string | undefined) => `"${cut(s)}"`;
const zhList = (list: string[] | undefined) => (list ?? []).join('、');
const enList = (list: string[] | undefined) => (list ?? []).join(', ');

const templates: Record<string, Record<Lang, Template>> = {
  'returns.missing-unit': {
    'zh-CN': (p) =>
      p.kind === 'silent'
        ? `以下 ${p.count} 个单位本期没有报送：${zhList(p.units)}。`
        : p.kind === 'not-covered'
          ? `牵头单位${q(p.unit)}的报送中没有这项任务，进展情况未更新。`
          : `牵头单位${q(p.unit)}本期没有报送，这项任务的进展情况未更新。`,
    'en-US': (p) =>
      p.kind === 'silent'
        ? `${p.count} units sent no return this period: ${enList(p.units)}.`
        : p.kind === 'not-covered'
          ? `The return of the lead unit ${qe(p.unit)} does not include this task; its progress is not updated.`
          : `The lead unit ${qe(p.unit)} sent no return this period; this task's progress is not updated.`,
  },
  'returns.unmatched': {
    'zh-CN': (p) => `报送的任务${q(p.task)}在总表中找不到对应任务${p.other ? `（最接近的是第 ${p.number} 项${q(p.other)}）` : ''}，其进展情况未合并。`,
    'en-US': (p) => `Returned task ${qe(p.task)} matches no task of the master${p.other ? ` (the closest is no. ${p.number}, ${qe(p.other)})` : ''}; its progress is not merged.`,
  },
  'returns.text-changed': {
    'zh-CN': (p) => `任务内容与总表第 ${p.number} 项不同（已按相似内容对应）：${cut(p.diff, 120)}`,
    'en-US': (p) => `The task text differs from no. ${p.number} of the master (matched as similar): ${cut(p.diff, 120)}`,
  },
  'returns.conflict': {
    'zh-CN': (p) => `${q(p.unit)}报“${p.status}”，${q(p.other)}报“${p.otherStatus}”，两份报送不一致；两者的进展都已保留（牵头单位在前），状态暂按“${p.status}”。`,
    'en-US': (p) => `${qe(p.unit)} reports "${p.status}" and ${qe(p.other)} reports "${p.otherStatus}": the returns disagree; both texts are kept (lead unit first) and the status is "${p.status}" for now.`,
  },
  'returns.not-responsible': {
    'zh-CN': (p) => `${q(p.unit)}不是这项任务（总表第 ${p.number} 项）的责任单位，却报送了进展。`,
    'en-US': (p) => `${qe(p.unit)} is not responsible for this task (no. ${p.number} of the master) yet reported on it.`,
  },
  'returns.unchanged-progress': {
    'zh-CN': (p) => `${q(p.unit)}报送的进展与上期完全相同，请核实是否已更新。`,
    'en-US': (p) => `The progress ${qe(p.unit)} returned is the same as last period's; check that it was updated.`,
  },
  'returns.unknown-sender': {
    'zh-CN': () => '无法确定这份报送来自哪个单位（标题和文件名中都没有单位名称）；其中的任务照常合并，但不计入各单位的报送情况。',
    'en-US': () => 'Cannot tell which unit sent this return (no unit name in its title or file name); its tasks are merged but not counted for any unit.',
  },
};

export function roundMessage(rule: string, params: RoundParams): Record<Lang, string> {
  const t = templates[rule];
  if (!t) return { 'zh-CN': rule, 'en-US': rule };
  return { 'zh-CN': t['zh-CN'](params), 'en-US': t['en-US'](params) };
}
