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

export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Waits for office.js to report its host. Without an Office global (plain browser, office.js blocked) or when
 * onReady does not name Excel within the timeout, the pane runs outside Excel.
 */
export function waitForExcel(office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeEnvironment> {
  const outside: OfficeEnvironment = { inExcel: false, displayLanguage: null };
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(outside);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(outside), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve({ inExcel: String(info.host) === 'Excel', displayLanguage: office.context?.displayLanguage ?? null });
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(outside);
      });
  });
}

/** The Office global when office.js (or a stand-in) defined one. */
export function officeGlobal(scope: object): OfficeLike | undefined {
  const candidate = (scope as { Office?: OfficeLike }).Office;
  return candidate && typeof candidate === 'object' ? candidate : undefined;
}
