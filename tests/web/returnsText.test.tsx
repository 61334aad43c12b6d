/**
 * The 合并报送 step's words and its preview as a clerk reads it (rendered on the server, as tests/addin does): both
 * languages say the same things, the silent unit is named, per task the status and progress before and after, the
 * disagreeing returns shown on their task, findings under what the rule checks and never its id, capped per rule.
 */
import { renderToString } from 'react-dom/server';
import { defaultConfig } from '../../src/core';
import { matchReturns } from '../../src/core/returns';
import type { Lang } from '../../src/core/types';
import { mergeOverview } from '../../src/web/returnsOverview';
import { MergeOverviewView } from '../../taskpane/web/MergeOverview';
import { returnsDictionaries } from '../../taskpane/web/returnsText';
import { asReturn, defaultStatus, fillReturn, seedMaster, sheetGrid, unitPart } from '../returns/round';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

test('both languages have the same keys and placeholders; the Chinese is Chinese', () => {
  const zh = returnsDictionaries['zh-CN'];
  const en = returnsDictionaries['en-US'];
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(zh[key]) });
  for (const [key, value] of Object.entries(zh)) {
    expect({ key, latin: value.replace(/\{\w+\}/g, '').replace(/\b(xlsx|xls|docx)\b/g, '').match(/[A-Za-z]{2,}/g) }).toEqual({ key, latin: null });
  }
});

describe('the preview', () => {
  const { analysis } = seedMaster();
  const lead = unitPart('市委政法委');
  const ref = lead.leads[0].ref;
  const disagree = (t: Parameters<typeof defaultStatus>[0]) => (t.ref === ref ? (defaultStatus(t) === '未按进度完成' ? '已完成' : '未按进度完成') : defaultStatus(t));
  const returns = [
    asReturn(lead.fileName, sheetGrid(fillReturn(lead).sheet)),
    asReturn(unitPart('市公安局').fileName, sheetGrid(fillReturn(unitPart('市公安局'), { status: disagree }).sheet)),
    asReturn('市编办.xlsx', sheetGrid(fillReturn(unitPart('市编办'), { renumber: true, shuffle: true }).sheet)),
  ];
  const plan = matchReturns(analysis, returns, { config: defaultConfig() });
  const overview = mergeOverview(plan, analysis);
  const render = (lang: Lang) => text(renderToString(<MergeOverviewView overview={overview} lang={lang} />));

  test('names the silent units and who answered, in Chinese and in English', () => {
    const zh = render('zh-CN');
    expect(zh).toMatch(/未报送的单位（\d+） .*市外侨局/);
    expect(zh).toContain(`市编办：市编办.xlsx，已报 ${unitPart('市编办').leads.length + unitPart('市编办').shares.length} 项`);
    const en = render('en-US');
    expect(en).toMatch(/Units that sent nothing \(\d+\) .*市外侨局/);
    expect(en).toContain('Tasks that will change');
  });

  test('per task: who it comes from, status and progress before → after, and the disagreement', () => {
    const zh = render('zh-CN');
    const first = overview.changes.find((c) => c.ref === ref);
    expect(first?.conflict).toHaveLength(2);
    expect(zh).toContain(`第 ${ref} 项 ${first?.task}`);
    expect(zh).toContain('取自：市委政法委、市公安局');
    expect(zh).toContain(`状态：${first?.status?.before} → ${first?.status?.after}`);
    expect(zh).toMatch(/报送不一致：市委政法委“[^”]+”、市公安局“[^”]+”/);
    expect(zh).toContain('原进展：');
    expect(zh).toContain('新进展：');
  });

  test('findings under the rule\'s description, never its id, at most ten per rule with the rest counted', () => {
    const zh = render('zh-CN');
    expect(zh).not.toMatch(/returns\.[a-z-]+/);
    expect(zh).toContain('牵头单位应报送其牵头的每项任务');
    const silent = overview.findings.find((g) => g.rule === 'returns.missing-unit');
    expect(silent?.shown).toHaveLength(10);
    expect(zh).toContain(`此类另有 ${(silent?.count ?? 0) - 10} 处`);
    // Each says where: the master's cell and the task's number (a return's file for findings in a return).
    expect(zh).toMatch(/总表 [A-Z]+\d+ 第 \d+ 项 牵头单位“[^”]+”本期没有报送/);
  });

  test('progress texts are shown without the blank lines of a Word paste, cut, and with quotes of the language', () => {
    for (const change of overview.changes) {
      expect(change.progress?.before ?? '').not.toMatch(/\n\s*\n/);
      expect((change.progress?.after ?? '').length).toBeLessThanOrEqual(161);
    }
    expect(render('en-US')).toMatch(/The returns disagree: 市委政法委 "[^"]+", 市公安局 "[^"]+"/);
  });

  test('a long round lists fifty tasks and counts the rest', () => {
    const all = unitPartsWithTasks().map((part) => asReturn(part.fileName, sheetGrid(fillReturn(part).sheet)));
    const big = mergeOverview(matchReturns(analysis, all), analysis);
    expect(big.taskCount).toBeGreaterThan(50);
    expect(big.changes).toHaveLength(50);
    expect(text(renderToString(<MergeOverviewView overview={big} lang="zh-CN" />))).toContain(`另有 ${big.taskCount - 50} 项任务将被修改`);
  });

  test('without the master at hand the progress column is found by its name', () => {
    expect(mergeOverview(plan)).toEqual(overview);
  });
});

function unitPartsWithTasks() {
  return ['市委政法委', '市编办', '市发展改革局', '市人力资源社会保障局', '市住房城乡建设局', '市交通运输局'].map(unitPart);
}
