/** The workbook part: its sheets, where their parts are, the date system, the number formats of the cell styles. */
import type { OpcPackage } from '../package';
import { attributeNS, childNS, elementsNS } from '../xml/dom';
import { OFFICE_REL_NS, SPREADSHEET_NS } from '../xml/namespaces';
import { dateFormatCode } from './numberFormat';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  relId: string;
  /** The sheet's part, null when its relationship is missing or points outside the package. */
  part: string | null;
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';
}

export interface WorkbookInfo {
  part: string;
  sheets: WorkbookSheet[];
  date1904: boolean;
  strict: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

export function readWorkbookInfo(pkg: OpcPackage, part: string): WorkbookInfo {
  const doc = pkg.dom(part);
  const root = doc.documentElement;
  const strict = root?.namespaceURI === SPREADSHEET_NS[1];
  const rels = pkg.relationships(part);
  const byId = new Map(rels.map((rel) => [rel.id, rel]));
  const sheets: WorkbookSheet[] = [];
  for (const el of elementsNS(doc, SPREADSHEET_NS, 'sheet')) {
    const relId = attributeNS(el, OFFICE_REL_NS, 'id') ?? '';
    const rel = byId.get(relId);
    const kind = rel?.kind;
    const state = el.getAttribute('state');
    sheets.push({
      name: el.getAttribute('name') ?? '',
      sheetId: Number(el.getAttribute('sheetId') ?? 0),
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      relId,
      part: rel?.part ?? null,
      kind: kind === 'worksheet' || kind === 'chartsheet' || kind === 'dialogsheet' || kind === 'macrosheet' ? kind : 'other',
    });
  }
  const pr = root ? childNS(root, SPREADSHEET_NS, 'workbookPr') : null;
  const flag = pr?.getAttribute('date1904') ?? '';
  const date1904 = flag === '1' || flag.toLowerCase() === 'true';
  const find = (kind: string): string | null => rels.find((rel) => rel.kind === kind && rel.part !== null && pkg.has(rel.part))?.part ?? null;
  return { part, sheets, date1904, strict, sharedStringsPart: find('sharedStrings'), stylesPart: find('styles') };
}

/** For each cell style index (s="…"), the date format code it shows numbers with, or null for a plain number. */
export function readDateStyles(pkg: OpcPackage, stylesPart: string | null): Array<string | null> {
  if (stylesPart === null) return [];
  const doc = pkg.dom(stylesPart);
  const custom = new Map<number, string>();
  for (const el of elementsNS(doc, SPREADSHEET_NS, 'numFmt')) {
    custom.set(Number(el.getAttribute('numFmtId')), el.getAttribute('formatCode') ?? '');
  }
  const cellXfs = elementsNS(doc, SPREADSHEET_NS, 'cellXfs')[0];
  if (!cellXfs) return [];
  const out: Array<string | null> = [];
  for (const xf of elementsNS(cellXfs, SPREADSHEET_NS, 'xf')) {
    out.push(dateFormatCode(Number(xf.getAttribute('numFmtId') ?? 0), custom));
  }
  return out;
}
