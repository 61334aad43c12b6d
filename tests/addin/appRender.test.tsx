/** The pane renders on the server (no DOM needed): a cheap guard against components that crash on first render. */
import { renderToString } from 'react-dom/server';
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
