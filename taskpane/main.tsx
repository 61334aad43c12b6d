/**
 * Starts the pane: waits for office.js to report Excel, picks the language and renders the App with the office-js
 * WorkbookHost. Outside Excel it renders all the same, with no host and a notice.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../src/core/types';
import { createOfficeHost } from '../src/excel';
import { createWpsHost, detectWpsApplication } from '../src/wps';
import type { WorkbookHost } from '../src/excel/host';
import { App } from './App';
import { pickLanguage } from './i18n';
import { officeGlobal, waitForExcel } from './officeReady';

const LANGUAGE_KEY = 'report-tables.lang';

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null; // storage can be blocked in some Office webviews
  }
}

function rememberLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not remembered: the pane falls back to Office's language next time
  }
  document.documentElement.lang = lang;
}

export interface StartOptions {
  /** Where to render; defaults to #root. */
  container?: HTMLElement;
  /** How long to wait for Office.onReady before treating the page as outside Excel. */
  officeTimeoutMs?: number;
}

export async function startTaskpane(options: StartOptions = {}): Promise<void> {
  const container = options.container ?? document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  // In WPS 表格 the page has WPS's window.Application and no Office host to wait for.
  const wps = detectWpsApplication(window);
  const environment = wps ? { inExcel: false, displayLanguage: null } : await waitForExcel(officeGlobal(window), options.officeTimeoutMs);
  const lang = pickLanguage({
    override: storedLanguage(),
    displayLanguage: environment.displayLanguage,
    urlLang: new URLSearchParams(window.location.search).get('lang'),
  });
  document.documentElement.lang = lang;
  const host: WorkbookHost | null = wps ? createWpsHost(wps) : environment.inExcel ? createOfficeHost() : null;
  createRoot(container).render(<App host={host} initialLang={lang} onLanguageChosen={rememberLanguage} />);
}
