/**
 * Loading office.js where clerks are: from Microsoft's CDN (what Office expects,
 * https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn),
 * and, when the CDN does not answer — intranets and many networks block it, and it has been down — from the copy of
 * `@microsoft/office-js` bundled with the add-in at build time ("for development of an add-in behind a firewall, when
 * accessing the Office.js CDN is not possible", the package's README). A build for closed networks
 * (`OFFICE_JS=bundled npm run build`) skips the CDN. When neither loads, the pane says so instead of staying blank.
 */

export const OFFICE_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Relative to taskpane.html; webpack copies node_modules/@microsoft/office-js/dist there. */
export const BUNDLED_OFFICE_URL = 'office-js/office.js';
/** How long the CDN may take before the bundled copy is tried. */
export const CDN_TIMEOUT_MS = 8000;

export type OfficeSource = 'present' | 'cdn' | 'bundled' | 'none';

declare const __OFFICE_JS_BUNDLED_ONLY__: boolean | undefined;

/** Set at build time by webpack's DefinePlugin from OFFICE_JS=bundled; absent in tests. */
export function bundledOnly(): boolean {
  return typeof __OFFICE_JS_BUNDLED_ONLY__ !== 'undefined' && __OFFICE_JS_BUNDLED_ONLY__ === true;
}

export interface LoadOfficeOptions {
  document?: Document;
  scope?: { Office?: unknown };
  cdnUrl?: string;
  bundledUrl?: string;
  cdnTimeoutMs?: number;
  bundledOnly?: boolean;
}

/** Adds a script tag; resolves true once it ran and defined `Office`, false on error or timeout. */
function loadScript(doc: Document, scope: { Office?: unknown }, url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = url;
    script.async = false;
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok) script.remove();
      resolve(ok && scope.Office !== undefined);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    script.addEventListener('load', () => finish(true));
    script.addEventListener('error', () => finish(false));
    doc.head.appendChild(script);
  });
}

/** Makes sure `Office` is defined: already there (a test double, or a host that injected it), CDN, bundled copy, or none. */
export async function loadOfficeJs(options: LoadOfficeOptions = {}): Promise<OfficeSource> {
  const doc = options.document ?? document;
  const scope = options.scope ?? (window as unknown as { Office?: unknown });
  if (scope.Office !== undefined) return 'present';
  const onlyBundled = options.bundledOnly ?? bundledOnly();
  if (!onlyBundled && (await loadScript(doc, scope, options.cdnUrl ?? OFFICE_CDN_URL, options.cdnTimeoutMs ?? CDN_TIMEOUT_MS))) return 'cdn';
  if (await loadScript(doc, scope, options.bundledUrl ?? BUNDLED_OFFICE_URL, options.cdnTimeoutMs ?? CDN_TIMEOUT_MS)) return 'bundled';
  return 'none';
}
