/**
 * 与上期对比 in the add-in's summary step: last period's file (built from the seed by code, some statuses changed) is
 * read in the pane, compared with this period's table, shown per official, and written through the host as the
 * comparison sheets — into the in-memory Excel here. Rendered on the server as the other pane tests are.
 */
import { renderToString } from 'react-dom/server';
import { analyze, defaultConfig } from '../../src/core';
import { compareSheets, compareTables } from '../../src/core/returns';
import { createOfficeHost } from '../../src/excel';
import { createWpsHost } from '../../src/wps';
import { HostError } from '../../src/host';
import { readLastPeriod } from '../../src/host/lastPeriod';
import { CompareBars, CompareCounts, ComparePanel, LAGGING_LIMIT, LaggingList, hostCompareBackend } from '../../taskpane/components/ComparePanel';
import { compareMessages, compareTranslator } from '../../taskpane/components/CompareText';
import { LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import type { Lang } from '../../src/core/types';
import { seedGrid } from '../host-contract/contract';
import { installFakeOffice, workbookFromGrid } from '../support/fakeExcel';
import { createFakeApplication, wpsBookFromGrid } from '../support/fakeWps';
import { lastPeriodOf, lastPeriodWorkbook } from '../support/lastPeriod';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
const config = defaultConfig();
const current = analyze(seedGrid(), { config });
const last = lastPeriodOf(current);
const lastFile = () => new File([new Uint8Array(lastPeriodWorkbook(current))], '1-8月进展情况.xlsx');

function render(lang: Lang, node: JSX.Element): string {
  return text(renderToString(<LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>{node}</LanguageContext.Provider>));
}

test('both languages have the same keys and placeholders', () => {
  const zh = compareMessages['zh-CN'];
  const en = compareMessages['en-US'];
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect(holes(en[key])).toEqual(holes(zh[key]));
});

test("last period's file is read with the file layer and the engine: the counts come out as built", () => {
  const analysis = readLastPeriod('1-8月.xlsx', lastPeriodWorkbook(current), config);
  const { counts } = compareTables(analysis, current, { config });
  expect(counts['newly-lagging']).toBe(last.expected.newlyLagging);
  expect(counts['still-lagging']).toBe(last.expected.stillLagging);
  expect(counts.recovered).toBe(last.expected.recovered);
  expect(counts.completed).toBe(last.expected.completed);
});

test('a file that is not a workbook is refused in one line in both languages', () => {
  const refusal = (bytes: Uint8Array, name: string) => {
    try {
      readLastPeriod(name, bytes, config);
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };
  const notAFile = refusal(new TextEncoder().encode('这不是表格'), '上期.xlsx');
  expect(notAFile).toBeInstanceOf(HostError);
  expect((notAFile as HostError).messages['zh-CN']).toMatch(/^无法读取上期的表格 上期\.xlsx：/);
  expect((notAFile as HostError).messages['en-US']).not.toMatch(/Error:|undefined|\bat \w+ \(/);
});

test('the add-in compares in the pane and writes the comparison sheets with a native chart through the host', async () => {
  const book = workbookFromGrid(seedGrid(), { sheet: '重点工作' });
  const uninstall = installFakeOffice(globalThis, book);
  try {
    const host = createOfficeHost();
    const backend = hostCompareBackend(host, current, config, 'zh-CN');
    expect(backend).toMatchObject({ action: 'write', chart: 'native' });
    const comparison = await backend.compare(lastFile(), new AbortController().signal);
    expect(comparison.counts['newly-lagging']).toBe(last.expected.newlyLagging);
    const written = await backend.write(comparison, { replace: false, signal: new AbortController().signal });
    const names = compareSheets(comparison, 'zh-CN').map((spec) => spec.name);
    expect(written.sheets).toEqual(names);
    expect(book.sheet(names[1]!).charts).toHaveLength(1);
    // Newly lagging tasks head the comparison sheet.
    const firstTask = String(book.sheet(names[0]!).valuesOf('B2')[0]![0]);
    expect(last.newlyLagging).toContain(firstTask);
  } finally {
    uninstall();
  }
});

test('WPS writes the same sheets without a chart: the pane draws it and says so', async () => {
  const wps = wpsBookFromGrid(seedGrid(), { sheet: '重点工作' });
  const backend = hostCompareBackend(createWpsHost(createFakeApplication(wps)), current, config, 'zh-CN');
  expect(backend.chart).toBe('pane');
  const comparison = await backend.compare(lastFile(), new AbortController().signal);
  const written = await backend.write(comparison, { replace: false, signal: new AbortController().signal });
  expect(wps.visibleSheetNames).toEqual(expect.arrayContaining(written.sheets));
  const bars = render('zh-CN', <CompareBars comparison={comparison} t={compareTranslator('zh-CN')} lang="zh-CN" />);
  for (const word of ['新增滞后', '持续滞后', '已恢复', '本期完成']) expect(bars).toContain(word);
});

test('pressing 取消 while the file is read compares nothing', async () => {
  const controller = new AbortController();
  controller.abort();
  const backend = hostCompareBackend(createWpsHost(createFakeApplication(wpsBookFromGrid(seedGrid(), { sheet: '重点工作' }))), current, config, 'zh-CN');
  await expect(backend.compare(lastFile(), controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
});

test('the counts per official add up to the totals row, in both languages', () => {
  const comparison = compareTables(last.analysis, current, { config });
  const zh = render('zh-CN', <CompareCounts comparison={comparison} t={compareTranslator('zh-CN')} lang="zh-CN" />);
  expect(zh).toContain(`合计 ${last.expected.newlyLagging} ${last.expected.stillLagging} ${last.expected.recovered} ${last.expected.completed}`);
  const en = render('en-US', <CompareCounts comparison={comparison} t={compareTranslator('en-US')} lang="en-US" />);
  expect(en).toContain('Newly lagging');
  expect(en).toContain(`Total ${last.expected.newlyLagging} ${last.expected.stillLagging}`);
});

test('the lagging list shows newly lagging tasks first, periods for the others, and is capped', () => {
  const comparison = compareTables(last.analysis, current, { config });
  const html = render('zh-CN', <LaggingList comparison={comparison} t={compareTranslator('zh-CN')} lang="zh-CN" />);
  expect(html.indexOf('新增滞后')).toBeLessThan(html.indexOf('持续滞后'));
  expect(html).toContain('（连续 2 期）');
  const many = { ...comparison, tasks: Array.from({ length: LAGGING_LIMIT + 5 }, (_, i) => ({ ...comparison.tasks.find((x) => x.change === 'newly-lagging')!, number: String(i + 1) })) };
  const capped = render('zh-CN', <LaggingList comparison={many} t={compareTranslator('zh-CN')} lang="zh-CN" />);
  expect(capped).toContain('另有 5 项未列出');
});

test('without a table read the picker waits and the pane says what to do first', () => {
  const html = render('zh-CN', <ComparePanel backend={null} analysis={null} />);
  expect(html).toContain('与上期对比');
  expect(html).toContain('先读取本期的表格');
  expect(render('en-US', <ComparePanel backend={null} analysis={null} />)).toContain("Read this period's table first");
});

describe('tasks without an official', () => {
  /** A section that names no official, whose task fell behind since last period. */
  const tableWith = (progress: string) =>
    analyze(
      {
        origin: { row: 1, column: 1 },
        merges: [],
        values: [
          ['序号', '工作任务', '责任单位', '责任人', '进展情况'],
          ['一、胡钛同志分管工作（共1项）', '', '', '', ''],
          ['1', '推进综治视联网建设。', '市委政法委', '赖惠镇', '按进度完成。已贯通至各村。'],
          ['二、其他重点工作（共1项）', '', '', '', ''],
          ['2', '整治农村人居环境。', '市农业农村局', '李明', progress],
        ],
      },
      { config },
    );
  const comparison = compareTables(tableWith('按进度完成。'), tableWith('未按进度完成。资金未到位。'), { config });

  test('are named "No official named" in the English counts, bars, lagging list and sheet, 未标明分管领导 in Chinese', () => {
    const views = (lang: Lang) => {
      const t = compareTranslator(lang);
      const pane = render(lang, <><CompareCounts comparison={comparison} t={t} lang={lang} /><CompareBars comparison={comparison} t={t} lang={lang} /><LaggingList comparison={comparison} t={t} lang={lang} /></>);
      const sheet = compareSheets(comparison, lang)[1]!.rows.map((row) => row[0]);
      return { pane, sheet };
    };
    const english = views('en-US');
    // The counts row, the bar's name, and the lagging task's line.
    expect(english.pane.match(/No official named/g)).toHaveLength(3);
    expect(english.pane).toMatch(/Newly lagging · No official named no\. 2: 整治农村人居环境/);
    expect(english.pane).not.toContain('未标明分管领导');
    expect(english.sheet).toContain('No official named');
    expect(english.sheet).not.toContain('未标明分管领导');
    const chinese = views('zh-CN');
    expect(chinese.pane).toContain('未标明分管领导');
    expect(chinese.pane).not.toContain('No official named');
    expect(chinese.sheet).toContain('未标明分管领导');
  });
});
