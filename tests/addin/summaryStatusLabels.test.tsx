/** The pane's stacked bars name the summary's own buckets (未填写, 未识别, 未标明分管领导) in the pane's language, the user's statuses and officials as written. */
import { renderToString } from 'react-dom/server';
import { analyze } from '../../src/core';
import type { Lang } from '../../src/core/types';
import { OfficialChart, statusColors } from '../../taskpane/components/OfficialChart';
import { LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { HU_TAI_SECTION, bucketsTable, noOfficialSection } from '../fixtures/summaryBuckets';

/** Three tasks: one 按进度完成, one with an empty progress cell, one whose first line names no known status. */
const grid = bucketsTable(HU_TAI_SECTION);
const { summary } = analyze(grid);

function chartText(lang: Lang): string {
  const colors = statusColors(summary.statuses, () => 'other');
  const html = renderToString(
    <LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>
      <OfficialChart summary={summary} colors={colors} />
    </LanguageContext.Provider>,
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') + html;
}

test('in English the legend and the bar\'s spoken label say "Not filled in" and "Not recognized"', () => {
  const text = chartText('en-US');
  expect(text).toContain('Not filled in');
  expect(text).toContain('Not recognized');
  // The bar's label, which screen readers read: the official's counts by status.
  expect(text).toMatch(/aria-label="胡钛: 3 tasks, 按进度完成 1, Not recognized 1, Not filled in 1"/);
  expect(text).not.toMatch(/未填写|未识别/);
  // The user's own status words are not translated.
  expect(text).toContain('按进度完成');
});

test('in Chinese they stay 未填写 and 未识别', () => {
  const text = chartText('zh-CN');
  expect(text).toContain('未填写');
  expect(text).toContain('未识别');
  expect(text).not.toMatch(/Not filled in|Not recognized/);
});

/** Tasks under a section that names no official: the summary groups them as 未标明分管领导. */
const withoutOfficial = analyze(bucketsTable(HU_TAI_SECTION, noOfficialSection('二', '4'))).summary;

function barsText(lang: Lang): string {
  const html = renderToString(
    <LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>
      <OfficialChart summary={withoutOfficial} colors={statusColors(withoutOfficial.statuses, () => 'other')} />
    </LanguageContext.Provider>,
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') + html;
}

test('in English the bar of the tasks without an official is named "No official named", in Chinese 未标明分管领导', () => {
  const english = barsText('en-US');
  expect(english).toMatch(/aria-label="No official named: 1 task(s)?, 按进度完成 1"/);
  expect(english).not.toContain('未标明分管领导');
  const chinese = barsText('zh-CN');
  expect(chinese).toContain('未标明分管领导');
  expect(chinese).not.toContain('No official named');
});
