/** The 合并报送 step renders (on the server, as tests/addin does) in both languages, with what a clerk must see. */
import { renderToString } from 'react-dom/server';
import { matchReturns } from '../../src/core/returns';
import type { Lang } from '../../src/core/types';
import { MergePanel, MergePreview } from '../../taskpane/components/MergePanel';
import { mergeMessages } from '../../taskpane/components/mergeText';
import { LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { roundWorkbench } from './paneWorkbench';
import { asReturn, fillReturn, seedMaster, sheetGrid, unitPart } from './round';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');


function render(lang: Lang, node: JSX.Element): string {
  return text(renderToString(<LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>{node}</LanguageContext.Provider>));
}

test('both languages have the same keys and placeholders', () => {
  const zh = mergeMessages['zh-CN'];
  const en = mergeMessages['en-US'];
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect(holes(en[key])).toEqual(holes(zh[key]));
});

test('without a master the picker is offered but the pane asks for the master first', () => {
  const html = render('zh-CN', <MergePanel workbench={roundWorkbench(false)} />);
  expect(html).toContain('选择报送文件');
  expect(html).toContain('请先读取总表');
  expect(render('en-US', <MergePanel workbench={roundWorkbench(false)} />)).toContain('Read the master table first');
});

test('the preview shows who answered, who did not, what will change and the findings', () => {
  const returns = ['市委政法委', '市编办'].map((unit) => asReturn(unitPart(unit).fileName, sheetGrid(fillReturn(unitPart(unit)).sheet)));
  const plan = matchReturns(seedMaster().analysis, returns);
  const html = render('zh-CN', <MergePreview plan={plan} master={seedMaster().analysis} lang="zh-CN" />);
  expect(html).toContain(`2 份报送，将填入 ${plan.cells.length} 个单元格`);
  expect(html).toContain('市委政法委：市委政法委-2018年1-10月.xlsx');
  expect(html).toMatch(/未报送的单位（\d+）/);
  expect(html).toContain('市外侨局');
  // Findings under what the rule checks, in words; the rule's id is not shown.
  expect(html).toContain('牵头单位应报送其牵头的每项任务');
  expect(html).not.toContain('returns.missing-unit');
});
