/** Namespaces of the parts the file layer reads or edits: transitional first, then ISO Strict OOXML. */
export const SPREADSHEET_NS = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'] as const;
export const OFFICE_REL_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'] as const;
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const SPREADSHEETML_2003_NS = 'urn:schemas-microsoft-com:office:spreadsheet';
export const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/** The last segment of a relationship type ("worksheet", "officeDocument"), whichever of the two schemas it comes from. */
export function relationshipKind(type: string): string | null {
  for (const base of OFFICE_REL_NS) {
    if (type.startsWith(`${base}/`)) return type.slice(base.length + 1);
  }
  // Extended-properties and core-properties live under package / other bases; they are not ours to interpret.
  return null;
}

export function isSpreadsheetNs(ns: string | null | undefined): boolean {
  return ns === SPREADSHEET_NS[0] || ns === SPREADSHEET_NS[1];
}

export function isOfficeRelNs(ns: string | null | undefined): boolean {
  return ns === OFFICE_REL_NS[0] || ns === OFFICE_REL_NS[1];
}
