/** The add-in's 合并报送 step reads as two sections, each under its heading: send the forms out, merge what comes back. */
import { renderToString } from 'react-dom/server';
import type { Lang } from '../../src/core/types';
import { MergePanel } from '../../taskpane/components/MergePanel';
import { LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { roundWorkbench } from './paneWorkbench';

function headings(lang: Lang): string[] {
  const html = renderToString(
    <LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>
      <MergePanel workbench={roundWorkbench(true)} />
    </LanguageContext.Provider>,
  );
  return Array.from(html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g), (m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'"));
}

test('the returns part has its own heading after 发出报送表, in both languages', () => {
  expect(headings('zh-CN')).toEqual(['发出报送表', '合并各单位报送']);
  expect(headings('en-US')).toEqual(['Send out the return forms', "Merge the units' returns"]);
});
