/** The pane renders on the server (no DOM needed): a cheap guard against components that crash on first render. */
import { renderToString } from 'react-dom/server';
import { excelTooOld } from '../../src/excel/requirements';
import { App } from '../../taskpane/App';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('outside Excel the pane shows its tabs and says it must run inside Excel, in Chinese by default', () => {
  const html = text(renderToString(<App host={null} initialLang="zh-CN" />));
  expect(html).toContain('需要在 Excel 中运行');
  for (const tab of ['整理', '校验', '汇总', '设置']) expect(html).toContain(tab);
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
  const html = text(renderToString(<App host={null} initialLang="zh-CN" connection={{ kind: 'too-old', messages }} />));
  expect(html).toMatch(/Excel 2021/);
  expect(html).toMatch(/网页版/);
  expect(excelTooOld((version) => version === '1.13')).toBeNull();
});
