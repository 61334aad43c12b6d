/** Where the pane runs: inside Excel (office.js reported the Excel host) or anywhere else. */
export interface OfficeEnvironment {
  inExcel: boolean;
  /** Office's UI language, e.g. "zh-CN", when office.js knows it. */
  displayLanguage: string | null;
}

/** The part of office.js this module looks at, so a test can hand in a stand-in. */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string };
}

/** After this long without an answer the pane says it is still waiting for Excel — and keeps waiting. */
export const OFFICE_SLOW_MS = 4000;

export interface WatchCallbacks {
  /** office.js answered: in Excel or not. */
  onReady(environment: OfficeEnvironment): void;
  /** No answer yet after `slowMs`: a slow Excel (a big workbook opening, a busy PC); the answer may still come. */
  onSlow?(): void;
}

/**
 * Waits for office.js to report its host, without giving up: Excel can take well over a few seconds to start an add-in,
 * and a pane that declared itself "outside Excel" after a fixed timeout stayed useless after Excel did answer. Without an
 * Office global (plain browser, office.js not loaded) the pane is outside Excel at once. Returns a function that stops
 * listening.
 */
export function watchExcel(office: OfficeLike | undefined, callbacks: WatchCallbacks, slowMs = OFFICE_SLOW_MS): () => void {
  const outside: OfficeEnvironment = { inExcel: false, displayLanguage: null };
  if (!office || typeof office.onReady !== 'function') {
    callbacks.onReady(outside);
    return () => undefined;
  }
  let active = true;
  const timer = setTimeout(() => {
    if (active) callbacks.onSlow?.();
  }, slowMs);
  office
    .onReady()
    .then((info) => {
      if (!active) return;
      clearTimeout(timer);
      callbacks.onReady({ inExcel: String(info.host) === 'Excel', displayLanguage: office.context?.displayLanguage ?? null });
    })
    .catch(() => {
      if (!active) return;
      clearTimeout(timer);
      callbacks.onReady(outside);
    });
  return () => {
    active = false;
    clearTimeout(timer);
  };
}

/** The Office global when office.js (or a stand-in) defined one. */
export function officeGlobal(scope: object): OfficeLike | undefined {
  const candidate = (scope as { Office?: OfficeLike }).Office;
  return candidate && typeof candidate === 'object' ? candidate : undefined;
}
