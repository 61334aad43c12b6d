import { createContext, useContext } from 'react';
import type { Lang } from '../src/core/types';
import type { WorkbookHost } from '../src/excel/host';
import { translator, type Translate } from './i18n';

/** The workbook the pane works on; null outside Excel. Components reach Excel only through it. */
export const HostContext = createContext<WorkbookHost | null>(null);

export function useHost(): WorkbookHost | null {
  return useContext(HostContext);
}

export interface LanguageState {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const LanguageContext = createContext<LanguageState>({ lang: 'zh-CN', t: translator('zh-CN'), setLang: () => undefined });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
