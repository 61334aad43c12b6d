/** The page's words: both languages say the same things with the same placeholders, and the pane's words the page replaces. */
import { paneTranslator, webDictionaries } from '../../taskpane/web/webText';
import { translator } from '../../taskpane/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web page text', () => {
  it('has the same placeholders in zh-CN and en-US for every string', () => {
    const zh = webDictionaries['zh-CN'];
    const en = webDictionaries['en-US'];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(zh[key]) });
  });

  it('Chinese strings are Chinese (only file types and product names in Latin letters)', () => {
    const allowed = /\b(xlsx|xlsm|xls|docx|XML|Excel|JSON|Word|config)\b/g;
    for (const [key, text] of Object.entries(webDictionaries['zh-CN'])) {
      expect({ key, latin: text.replace(/\{\w+\}/g, '').replace(allowed, '').match(/[A-Za-z]{2,}/g) }).toEqual({ key, latin: null });
    }
  });

  it('speaks of the file, not of Excel’s selection, where the pane would', () => {
    const zh = paneTranslator('zh-CN');
    expect(translator('zh-CN')('source.read')).toContain('选区');
    expect(zh('source.read')).not.toContain('选区');
    expect(zh('check.highlighted', { count: 3 })).toBe('已在下方表格中标出 3 处问题。');
    expect(paneTranslator('en-US')('settings.saved')).toContain('browser');
    // Keys the page does not replace read as the pane's.
    expect(zh('tab.repair')).toBe(translator('zh-CN')('tab.repair'));
  });
});
