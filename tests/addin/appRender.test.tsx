/** The pane renders on the server (no DOM needed): a cheap guard against components that crash on first render. */
import { renderToString } from 'react-dom/server';
import { excelTooOld } from '../../src/excel/requirements';
import { App } from '../../taskpane/App';
import { statusColors } from '../../taskpane/components/OfficialChart';
import { FindingList, GROUP_LIMIT } from '../../taskpane/components/CheckPanel';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('outside Excel the pane shows its tabs and says it must run inside Excel, in Chinese by default', () => {
  const html = text(renderToString(<App host={null} initialLang="zh-CN" />));
  expect(html).toContain('需要在 Excel 中运行');
  for (const tab of ['整理', '校验', '汇总', '合并报送', '设置']) expect(html).toContain(tab);
  expect(html).toContain('读取选区并分析');
});

test('in English when asked', () => {
  const html = text(renderToString(<App host={null} initialLang="en-US" />));
  expect(html).toContain('Runs inside Excel');
  expect(html).toContain('Read selection and analyze');
  expect(html).not.toContain('需要在 Excel 中运行');
});

test('when office.js could not be loaded the pane says so in Chinese', () => {
  const html = text(renderToString(<App host={null} initialLang="zh-CN" connection={{ kind: 'office-missing' }} />));
  expect(html).toContain('无法加载 Office 脚本');
  expect(html).not.toMatch(/office\.js could/);
});

test('an Excel too old is told which Excel it needs and pointed to the web page', () => {
  const messages = excelTooOld(() => false)!;
  const raw = renderToString(<App host={null} initialLang="zh-CN" connection={{ kind: 'too-old', messages, webPage: 'https://tables.example.gov.cn/web/index.html' }} />);
  const html = text(raw);
  expect(html).toMatch(/Excel 2021/);
  expect(html).toMatch(/打开报表整理网页版/);
  expect(raw).toContain('href="https://tables.example.gov.cn/web/index.html"');
  expect(excelTooOld((version) => version === '1.13')).toBeNull();
});

test('the stacked bar gives lagging statuses warm colours and on-schedule ones cool, whatever their order', () => {
  const kinds: Record<string, 'on-schedule' | 'lagging' | 'other'> = { 滞后: 'lagging', 按进度完成: 'on-schedule', 未填写: 'other', 已完成: 'on-schedule' };
  const colors = statusColors(['滞后', '按进度完成', '未填写', '已完成'], (status) => kinds[status] ?? 'other');
  expect(colors['滞后']).toBe('#E53935');
  expect(new Set(Object.values(colors)).size).toBe(4);
  expect(colors['按进度完成']).toMatch(/^#(2E7D32|43A047)$/);
});

test('a long group of findings shows the first ten and a 显示全部 button with the count', () => {
  const findings = Array.from({ length: 25 }, (_, i) => ({
    rule: 'unit.unknown',
    severity: 'warning' as const,
    row: i + 5,
    cell: `D${i + 5}`,
    section: null,
    number: null,
    messages: { 'zh-CN': `单位“X${i}”不在名录中`, 'en-US': `Unit X${i} is not in the directory` },
    value: null,
    suggestion: null,
  }));
  const html = renderToString(<FindingList findings={findings} firstColumn={1} onGo={null} />);
  expect((html.match(/<li/g) ?? []).length).toBe(GROUP_LIMIT);
  expect(text(html)).toContain('显示全部 25 条');
  expect(text(html)).not.toContain('unit.unknown'); // the id is in the tooltip only
  expect(html).toContain('unit.unknown'); // … which is there
});
