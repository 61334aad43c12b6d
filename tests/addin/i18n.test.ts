import { dictionaries, pickLanguage, translator } from '../../taskpane/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('zh-CN and en-US have the same keys', () => {
  const zh = Object.keys(dictionaries['zh-CN']).sort();
  const en = Object.keys(dictionaries['en-US']).sort();
  expect(en).toEqual(zh);
  expect(zh.length).toBeGreaterThan(50);
});

test('each message has the same {placeholders} in both languages and no empty text', () => {
  for (const key of Object.keys(dictionaries['zh-CN']) as Array<keyof (typeof dictionaries)['zh-CN']>) {
    const zh = dictionaries['zh-CN'][key];
    const en = dictionaries['en-US'][key];
    expect({ key, placeholders: placeholders(en) }).toEqual({ key, placeholders: placeholders(zh) });
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
  }
});

test('the Chinese dictionary is Chinese and the English one is not', () => {
  const cjk = /[\u4e00-\u9fff]/;
  expect(translator('zh-CN')('tab.repair')).toMatch(cjk);
  // language names are shown in their own language in both dictionaries
  const english = Object.entries(dictionaries['en-US']).filter(([key, text]) => key !== 'app.language.zh-CN' && cjk.test(text));
  expect(english).toEqual([]);
});

test('placeholders are filled, unknown ones left visible', () => {
  const t = translator('zh-CN');
  expect(t('repair.applied', { sheet: '整理结果' })).toBe('已写入工作表“整理结果”。');
  expect(translator('en-US')('check.total', { count: 3 })).toBe('3 problems');
  expect(t('repair.applied')).toContain('{sheet}');
});

describe('pickLanguage', () => {
  test('Chinese unless Office speaks English', () => {
    expect(pickLanguage({})).toBe('zh-CN');
    expect(pickLanguage({ displayLanguage: 'zh-CN' })).toBe('zh-CN');
    expect(pickLanguage({ displayLanguage: 'en-GB' })).toBe('en-US');
    expect(pickLanguage({ displayLanguage: 'EN-us' })).toBe('en-US');
    expect(pickLanguage({ displayLanguage: 'fr-FR' })).toBe('zh-CN');
  });

  test('the user’s choice wins, then Office, then the manifest’s ?lang=', () => {
    expect(pickLanguage({ override: 'zh-CN', displayLanguage: 'en-US' })).toBe('zh-CN');
    expect(pickLanguage({ override: 'en-US', displayLanguage: 'zh-CN' })).toBe('en-US');
    expect(pickLanguage({ override: 'de-DE', displayLanguage: 'en-US' })).toBe('en-US');
    expect(pickLanguage({ displayLanguage: 'zh-TW', urlLang: 'en-US' })).toBe('zh-CN');
    expect(pickLanguage({ urlLang: 'en-US' })).toBe('en-US');
  });
});
