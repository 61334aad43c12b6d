/**
 * Is the page running inside WPS 表格? WPS opens an add-in's pages in its own Chromium and puts its object model on
 * `window.Application`, and a `wps` object beside it (the wpsjs samples use both globals). Office's `Office` global
 * can exist too when office.js was loaded, so WPS is recognized by what only WPS has: the `wps` object or an
 * Application that names itself WPS/ET — and that is a spreadsheet (it has workbooks' sheets, not Word's documents).
 */
import type { WpsApplication } from './api';

interface Scope {
  Application?: unknown;
  wps?: unknown;
}

export function detectWpsApplication(scope: object): WpsApplication | null {
  const { Application: app, wps } = scope as Scope;
  if (typeof app !== 'object' || app === null) return null;
  const spreadsheet = 'ActiveSheet' in app && 'ActiveWorkbook' in app && 'Selection' in app;
  if (!spreadsheet) return null;
  const name = (app as { Name?: unknown }).Name;
  const namedWps = typeof name === 'string' && /wps|\bet\b|金山/i.test(name);
  const hasWpsGlobal = typeof wps === 'object' && wps !== null;
  return namedWps || hasWpsGlobal ? (app as WpsApplication) : null;
}
