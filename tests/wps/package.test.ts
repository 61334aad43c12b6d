/**
 * The WPS add-in package as WPS reads it: ribbon.xml (CustomUI) with the 报表整理 tab and its four buttons wired to
 * the entry page's callbacks, publish.xml / jsplugins.xml in the shape WPS's samples show, each parsed strictly by a
 * namespace-aware XML reader we did not write; the ribbon callback opening one task pane and reusing it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { openPane } from '../../wps/ribbon';
import { BUTTON_STEPS, PANE_ID_KEY, STEP_KEY, stepFrom } from '../../wps/steps';
import { WpsBook, createFakeApplication } from '../support/fakeWps';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build helper is CommonJS, as webpack.config.js
const build = require('../../wps/build') as { publishXml(url: string): string; jspluginsXml(url: string, version: string): string };

const CUSTOM_UI = 'http://schemas.microsoft.com/office/2006/01/customui';

function strictParse(text: string): Document {
  return new DOMParser({
    onError: (level: string, message: string) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
}

test('ribbon.xml: a 报表整理 tab with 整理 / 校验 / 汇总 / 设置, each calling OnAction, loaded by OnAddinLoad', () => {
  const doc = strictParse(fs.readFileSync(path.join(__dirname, '..', '..', 'wps', 'ribbon.xml'), 'utf8'));
  const root = doc.documentElement;
  expect(root.namespaceURI).toBe(CUSTOM_UI);
  expect(root.getAttribute('onLoad')).toBe('OnAddinLoad');
  const tabs = Array.from(doc.getElementsByTagNameNS(CUSTOM_UI, 'tab'));
  expect(tabs.map((tab) => tab.getAttribute('label'))).toEqual(['报表整理']);
  const buttons = Array.from(doc.getElementsByTagNameNS(CUSTOM_UI, 'button'));
  expect(buttons.map((button) => button.getAttribute('label'))).toEqual(['整理', '校验', '汇总', '设置']);
  for (const button of buttons) {
    expect(button.getAttribute('onAction')).toBe('OnAction');
    expect(BUTTON_STEPS[button.getAttribute('id') ?? '']).toBeDefined();
    expect(button.getAttribute('screentip')).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(buttons.map((button) => BUTTON_STEPS[button.getAttribute('id')!])).toEqual(['repair', 'check', 'summary', 'settings']);
});

test('the entry page defines the callbacks ribbon.xml names', () => {
  const scope = globalThis as unknown as Record<string, unknown>;
  expect(typeof scope.OnAddinLoad).toBe('function');
  expect(typeof scope.OnAction).toBe('function');
  expect(typeof scope.GetImage).toBe('function');
});

test('publish.xml (online) and jsplugins.xml (offline) for WPS 表格 (type "et"), addresses escaped', () => {
  const online = strictParse(build.publishXml('https://oa.example.gov.cn/a&b/wps/'));
  const plugin = online.documentElement.getElementsByTagName('jspluginonline')[0]!;
  expect(online.documentElement.tagName).toBe('jsplugins');
  expect(plugin.getAttribute('type')).toBe('et');
  expect(plugin.getAttribute('url')).toBe('https://oa.example.gov.cn/a&b/wps/');
  const offline = strictParse(build.jspluginsXml('file:///C:/ProgramData/report-tables/report-tables_0.1.0.zip', '0.1.0'));
  const packaged = offline.documentElement.getElementsByTagName('jsplugin')[0]!;
  expect([packaged.getAttribute('type'), packaged.getAttribute('version'), packaged.getAttribute('enable')]).toEqual(['et', '0.1.0', 'true']);
  expect(packaged.getAttribute('url')).toMatch(/\.zip$/);
});

test('a ribbon button opens the task pane once, at the step asked, and shows the same pane again later', () => {
  const book = new WpsBook();
  book.addSheet('表1');
  const app = createFakeApplication(book);
  openPane(app, 'rtCheck', 'https://oa.example.gov.cn/wps/');
  expect(book.taskPanes).toEqual([{ id: 1, url: 'https://oa.example.gov.cn/wps/taskpane.html?step=check', visible: true }]);
  expect(app.PluginStorage.getItem(PANE_ID_KEY)).toBe(1);
  book.taskPanes[0]!.visible = false; // the clerk closed it
  openPane(app, 'rtSummary', 'https://oa.example.gov.cn/wps/');
  expect(book.taskPanes).toHaveLength(1);
  expect(book.taskPanes[0]!.visible).toBe(true);
  expect(stepFrom(app.PluginStorage.getItem(STEP_KEY))).toBe('summary');
});
