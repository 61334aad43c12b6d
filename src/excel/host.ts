/** The seam lives in src/host (shared by the Excel, WPS and web-page hosts); re-exported here for the office-js code. */
export * from '../host';
