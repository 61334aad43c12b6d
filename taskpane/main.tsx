/**
 * Starts the pane: makes sure office.js is there (CDN, else the bundled copy), renders at once, and connects to Excel
 * when office.js says it is ready — however long that takes. Outside Excel, with office.js unavailable, or in an Excel
 * too old for the add-in, the pane says so in the user's language.
 */
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../src/core/types';
import { createOfficeHost, excelTooOld, supports } from '../src/excel';
import { createWpsHost, detectWpsApplication } from '../src/wps';
import type { WorkbookHost } from '../src/excel/host';
import { App, type Connection } from './App';
import { pickLanguage } from './i18n';
import { loadOfficeJs, type OfficeSource } from './officeLoader';
import { officeGlobal, watchExcel } from './officeReady';

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
  /** After this long without an answer from Office the pane says it is still waiting (it keeps waiting). */
  officeSlowMs?: number;
  /** Skip loading office.js (a test double is installed). */
  skipOfficeLoad?: boolean;
}

interface BootProps {
  officeSource: Promise<OfficeSource>;
  slowMs?: number;
}

function Boot({ officeSource, slowMs }: BootProps) {
  const urlLang = new URLSearchParams(window.location.search).get('lang');
  const [lang, setLang] = useState<Lang>(() => pickLanguage({ override: storedLanguage(), urlLang }));
  const [connection, setConnection] = useState<Connection>({ kind: 'connecting' });
  const [host, setHost] = useState<WorkbookHost | null>(null);

  useEffect(() => {
    // In WPS 表格 the page has WPS's window.Application and no Office host to wait for.
    const wps = detectWpsApplication(window);
    if (wps) {
      setHost(createWpsHost(wps));
      setConnection({ kind: 'ready' });
      return undefined;
    }
    let stop: () => void = () => undefined;
    let active = true;
    void officeSource.then((source) => {
      if (!active) return;
      if (source === 'none') {
        setConnection({ kind: 'office-missing' });
        return;
      }
      stop = watchExcel(
        officeGlobal(window),
        {
          onSlow: () => setConnection({ kind: 'slow' }),
          onReady: (environment) => {
            if (!storedLanguage() && environment.displayLanguage) setLang(pickLanguage({ displayLanguage: environment.displayLanguage }));
            if (!environment.inExcel) {
              setConnection({ kind: 'outside' });
              return;
            }
            const tooOld = excelTooOld((version) => supports(version));
            if (tooOld) {
              setConnection({ kind: 'too-old', messages: tooOld });
              return;
            }
            setHost(createOfficeHost());
            setConnection({ kind: 'ready' });
          },
        },
        slowMs,
      );
    });
    return () => {
      active = false;
      stop();
    };
  }, [officeSource, slowMs]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const onLanguageChosen = useMemo(() => (next: Lang) => rememberLanguage(next), []);
  // The App is keyed by language source only through props; a late Office language switches it in place.
  return <App key={lang} host={host} initialLang={lang} onLanguageChosen={onLanguageChosen} connection={connection} />;
}

export function startTaskpane(options: StartOptions = {}): void {
  const container = options.container ?? document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const inWps = detectWpsApplication(window) !== null;
  const officeSource = options.skipOfficeLoad || inWps ? Promise.resolve<OfficeSource>('present') : loadOfficeJs();
  createRoot(container).render(<Boot officeSource={officeSource} slowMs={options.officeSlowMs} />);
}
