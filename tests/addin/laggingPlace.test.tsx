/**
 * The lagging list of 与上期对比 names every task so that it can be found in the table: by its 序号 when it has one,
 * else by its section and place there (the seed's 九、 section has a lagging task written without a number).
 */
import { renderToString } from 'react-dom/server';
import { analyze, defaultConfig } from '../../src/core';
import { compareTables, taskPlaces, type Comparison } from '../../src/core/returns';
import type { Lang } from '../../src/core/types';
import { LaggingList } from '../../taskpane/components/ComparePanel';
import { compareTranslator } from '../../taskpane/components/CompareText';
import { LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { seedGrid } from '../host-contract/contract';
import { lastPeriodOf } from '../support/lastPeriod';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
const config = defaultConfig();
const current = analyze(seedGrid(), { config });
const comparison = compareTables(lastPeriodOf(current).analysis, current, { config });

function listed(lang: Lang, of: Comparison = comparison): string[] {
  const html = renderToString(
    <LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>
      <LaggingList comparison={of} t={compareTranslator(lang)} lang={lang} />
    </LanguageContext.Provider>,
  );
  return Array.from(html.matchAll(/<li[^>]*>(.*?)<\/li>/g), (m) => text(m[1]!).trim());
}

const unnumbered = comparison.tasks.find((x) => (x.change === 'newly-lagging' || x.change === 'still-lagging') && x.number === '');

test('the seed still has a lagging task without a number (else this file tests nothing)', () => {
  expect(unnumbered).toBeDefined();
  expect(unnumbered!.section).not.toBeNull();
});

test('a lagging task without a 序号 is named by its section and its place there, in both languages', () => {
  const task = unnumbered!;
  // Its place counted from the table as read: the records of its section, in order.
  const position = current.table.records.filter((r) => r.section === task.section).findIndex((r) => r.row === task.row) + 1;
  expect(position).toBeGreaterThan(0);
  const start = task.task.split('\n')[0]!.slice(0, 10);
  expect(listed('zh-CN').find((line) => line.includes(start))).toContain(`第 ${task.section} 部分第 ${position} 项（无序号）：${start}`);
  expect(listed('en-US').find((line) => line.includes(start))).toContain(`section ${task.section}, item ${position} (no number): ${start}`);
});

test('a numbered lagging task keeps its 序号', () => {
  const numbered = comparison.tasks.find((x) => x.change === 'newly-lagging' && x.number !== '')!;
  const start = numbered.task.split('\n')[0]!.slice(0, 10);
  expect(listed('zh-CN').find((line) => line.includes(start))).toContain(`第 ${numbered.number} 项：${start}`);
});

test('in a table without sections or numbers every lagging task still has a distinct name', () => {
  const bare: Comparison = { ...comparison, tasks: comparison.tasks.map((x) => ({ ...x, number: '', section: null })) };
  const lines = listed('zh-CN', bare);
  const names = lines.map((line) => /第 \d+ 项（无序号）/.exec(line)?.[0]);
  expect(names.every((name) => name !== undefined)).toBe(true);
  expect(new Set(names).size).toBe(lines.length);
  // Places count this period's table only: a task gone since last period has none.
  expect([...taskPlaces(bare).keys()].every((x) => x.row !== null)).toBe(true);
});
