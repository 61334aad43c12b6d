/**
 * The native charts a sheet of an .xlsx package carries, read the way Excel finds them: workbook.xml names the sheet,
 * its relationship leads to the worksheet part, the worksheet's relationships to its drawing, the drawing's to the
 * chart parts (ECMA-376 Part 1, §12.3.x relationships; §21.2 DrawingML charts). Parsed namespace-aware with xmldom.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';

function parse(files: Record<string, Uint8Array>, part: string): Document | null {
  const bytes = files[part];
  return bytes ? new DOMParser().parseFromString(strFromU8(bytes), 'application/xml') : null;
}

function elements(doc: Document | Element, ns: string, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, local) as unknown as ArrayLike<Element>);
}

/** Relationship targets of `part` (by id), resolved against the part's folder. */
function relationships(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = parse(files, `${folder}_rels/${part.slice(folder.length)}.rels`);
  const out = new Map<string, string>();
  for (const rel of rels ? elements(rels, RELS, 'Relationship') : []) {
    const target = rel.getAttribute('Target') ?? '';
    const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
    const resolved: string[] = [];
    for (const piece of parts) {
      if (piece === '..') resolved.pop();
      else if (piece !== '.') resolved.push(piece);
    }
    out.set(rel.getAttribute('Id') ?? '', resolved.join('/'));
  }
  return out;
}

export function packageCharts(bytes: Uint8Array, sheet: string): Array<{ title: string; series: number }> {
  const files = unzipSync(bytes);
  const workbook = parse(files, 'xl/workbook.xml');
  if (!workbook) throw new Error('no xl/workbook.xml');
  const entry = elements(workbook, MAIN, 'sheet').find((s) => s.getAttribute('name') === sheet);
  if (!entry) throw new Error(`no sheet ${sheet}`);
  const sheetPart = relationships(files, 'xl/workbook.xml').get(entry.getAttributeNS(OFFICE_RELS, 'id') ?? '');
  const worksheet = sheetPart ? parse(files, sheetPart) : null;
  if (!sheetPart || !worksheet) throw new Error(`no part for sheet ${sheet}`);
  const sheetRels = relationships(files, sheetPart);
  const out: Array<{ title: string; series: number }> = [];
  for (const drawing of elements(worksheet, MAIN, 'drawing')) {
    const drawingPart = sheetRels.get(drawing.getAttributeNS(OFFICE_RELS, 'id') ?? '');
    if (!drawingPart) continue;
    for (const chartPart of relationships(files, drawingPart).values()) {
      const chart = parse(files, chartPart);
      if (!chart) continue;
      const title = elements(chart, CHART, 'title')[0];
      out.push({
        title: title ? elements(title, DRAWING, 't').map((t) => t.textContent ?? '').join('') : '',
        series: elements(chart, CHART, 'ser').length,
      });
    }
  }
  return out;
}
