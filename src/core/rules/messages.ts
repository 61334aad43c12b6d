import type { Lang } from '../types';

/** Parameters a message template may use. */
export interface MessageParams {
  value?: string;
  suggestion?: string;
  column?: string;
  expected?: string | number;
  found?: string | number;
  other?: string;
  count?: string | number;
}

type Template = (p: MessageParams) => string;

/** Long cell texts are cut in messages: the finding's `value` keeps the whole text. */
const cut = (s: string | number | undefined) => {
  const text = String(s ?? '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const q = (s: string | number | undefined) => `“${cut(s)}”`;
const qe = (s: string | number | undefined) => `"${cut(s)}"`;

const templates: Record<string, Record<Lang, Template>> = {
  'status.missing': {
    'zh-CN': () => '进展情况没有填写进展状态（如 按进度完成）。',
    'en-US': () => 'The progress cell states no status (such as 按进度完成).',
  },
  'status.unknown': {
    'zh-CN': (p) => `进展状态${q(p.value)}不在词表中${p.suggestion ? `，是否应为${q(p.suggestion)}？` : '。'}`,
    'en-US': (p) => `Status ${qe(p.value)} is not in the vocabulary${p.suggestion ? `; did you mean ${qe(p.suggestion)}?` : '.'}`,
  },
  'status.marker': {
    'zh-CN': (p) => (p.other === 'marked' ? `${q(p.value)}带有▲标记，但进展状态不是滞后状态。` : `${q(p.value)}是滞后状态，但没有标▲。`),
    'en-US': (p) => (p.other === 'marked' ? `${qe(p.value)} carries the ▲ mark but its status is not a lagging one.` : `${qe(p.value)} is a lagging status without the ▲ mark.`),
  },
  'status.conflict': {
    'zh-CN': (p) => `状态列写的是${q(p.expected)}，进展情况第一句写的是${q(p.found)}，两者不一致；汇总按进展情况计。`,
    'en-US': (p) => `The status column says ${qe(p.expected)} but 进展情况 opens with ${qe(p.found)}; the summary counts 进展情况's.`,
  },
  'cell.too-long': {
    'zh-CN': (p) => `合并后这个单元格有 ${p.count} 个字符，超过 Excel 单元格上限 32767；写入时会被截断，请先手工拆分。`,
    'en-US': (p) => `Joined, this cell has ${p.count} characters, more than an Excel cell holds (32,767); it would be cut when written — split it by hand first.`,
  },
  'unit.unknown': {
    'zh-CN': (p) => `责任单位${q(p.value)}不在单位名录中${p.suggestion ? `，相近的有：${p.suggestion}` : '。'}`,
    'en-US': (p) => `Unit ${qe(p.value)} is not in the unit directory${p.suggestion ? `; close entries: ${p.suggestion}` : '.'}`,
  },
  'unit.alias': {
    'zh-CN': (p) => `${q(p.value)}是简称或别名，规范名称为${q(p.suggestion)}。`,
    'en-US': (p) => `${qe(p.value)} is a short or alternative name; the directory name is ${qe(p.suggestion)}.`,
  },
  'unit.lead-not-first': {
    'zh-CN': (p) => `任务注明牵头单位为${q(p.expected)}，但责任单位第一位是${q(p.found)}。`,
    'en-US': (p) => `The task names ${qe(p.expected)} as lead unit, but the unit list starts with ${qe(p.found)}.`,
  },
  'unit.duplicate': {
    'zh-CN': (p) => `责任单位${q(p.value)}重复出现。`,
    'en-US': (p) => `Unit ${qe(p.value)} is listed twice.`,
  },
  'unit.wrapped': {
    'zh-CN': (p) => `单位名称被拆成两行（${p.other}），已合并为${q(p.value)}。`,
    'en-US': (p) => `A unit name was wrapped over two lines (${p.other}) and is joined as ${qe(p.value)}.`,
  },
  'person.count-mismatch': {
    'zh-CN': (p) => `责任人有 ${p.found} 个，责任单位有 ${p.expected} 个，无法一一对应。${p.suggestion ?? ''}`,
    'en-US': (p) => `${p.found} people for ${p.expected} units: they do not line up one to one. ${p.suggestion ?? ''}`.trim(),
  },
  'person.shifted': {
    'zh-CN': (p) => `责任人名单似乎错位了一格：${p.value}。是否应为：${p.suggestion}？`,
    'en-US': (p) => `The people list looks shifted by one place: ${p.value}. Should it be: ${p.suggestion}?`,
  },
  'person.inconsistent': {
    'zh-CN': (p) => `${q(p.other)}的责任人在本表其他 ${p.count} 处写作${q(p.suggestion)}，此处为${q(p.value)}${p.found === 'homophone' ? '（读音相同，可能是输入法选错了字）' : ''}。`,
    'en-US': (p) => `Elsewhere in this table (${p.count} times) the person for ${qe(p.other)} is ${qe(p.suggestion)}; here it is ${qe(p.value)}${p.found === 'homophone' ? ' (same sound: likely an input-method slip)' : ''}.`,
  },
  'person.directory': {
    'zh-CN': (p) => `人员名录中${q(p.other)}的负责人为${q(p.suggestion)}，此处写作${q(p.value)}${p.found === 'homophone' ? '（读音相同，可能是输入法选错了字）' : '（字形或读音相近）'}。`,
    'en-US': (p) => `The directory names ${qe(p.suggestion)} for ${qe(p.other)}; here it is ${qe(p.value)}${p.found === 'homophone' ? ' (same sound: likely an input-method slip)' : ' (close in shape or sound)'}.`,
  },
  'numbering.gap': {
    'zh-CN': (p) => `序号不连续：${p.found} 之前缺少 ${p.value}。`,
    'en-US': (p) => `Numbering gap: ${p.value} missing before ${p.found}.`,
  },
  'numbering.duplicate': {
    'zh-CN': (p) => `序号 ${p.value} 在本部分重复出现。`,
    'en-US': (p) => `Number ${p.value} appears twice in this section.`,
  },
  'numbering.missing': {
    'zh-CN': () => '这一项没有序号。',
    'en-US': () => 'This record has no number.',
  },
  'count.mismatch': {
    'zh-CN': (p) => `${p.other ?? ''}注明共 ${p.expected} 项，实际找到 ${p.found} 项。`,
    'en-US': (p) => `${p.other ? `${p.other}: ` : ''}declares ${p.expected} items, ${p.found} found.`,
  },
  'required.empty': {
    'zh-CN': (p) => `${p.column}为空。`,
    'en-US': (p) => `${p.column} is empty.`,
  },
  'record.duplicate': {
    'zh-CN': (p) => `与第 ${p.other} 行的任务内容相同。`,
    'en-US': (p) => `Same task text as row ${p.other}.`,
  },
  'table.multiple': {
    'zh-CN': (p) => `${q(p.value)}像是同一工作表上另一张表的标题；请确认两张表是否应分开处理。`,
    'en-US': (p) => `${qe(p.value)} looks like the title of a second table on this sheet; check whether the two tables belong together.`,
  },
};

export function message(rule: string, params: MessageParams): Record<Lang, string> {
  const t = templates[rule];
  if (!t) return { 'zh-CN': rule, 'en-US': rule };
  return { 'zh-CN': t['zh-CN'](params), 'en-US': t['en-US'](params) };
}
