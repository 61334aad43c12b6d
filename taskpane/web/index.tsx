/**
 * The web page's entry: picks the language (the user's last choice, else ?lang=, else the browser's, else Chinese)
 * and renders the page. Built into dist/web/index.html; works opened from file:// and from any static host.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../../src/core/types';
import { pickLanguage } from '../i18n';
import { WebApp } from './WebApp';

const LANGUAGE_KEY = 'report-tables.lang';

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function rememberLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not remembered: the page falls back to the browser's language next time
  }
  document.documentElement.lang = lang;
}

const container = document.getElementById('root');
if (container) {
  const lang = pickLanguage({
    override: storedLanguage(),
    displayLanguage: new URLSearchParams(window.location.search).get('lang'),
    urlLang: navigator.language,
  });
  document.documentElement.lang = lang;
  createRoot(container).render(<WebApp initialLang={lang} onLanguageChosen={rememberLanguage} />);
}
