/**
 * Packages no producer here writes, made from producers' packages by editing their parts as DOMs: what the Open XML
 * SDK, government exporters, Strict OOXML writers and macro-enabled workbooks look like.
 */
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import {
  NS,
  REL_TYPE,
  editXml,
  elements,
  mainPartName,
  parseXml,
  readPackage,
  relationshipsOf,
  relsPartOf,
  renameNamespaces,
  serializeXml,
  withDeclaration,
  writePackage,
  type Parts,
} from './ooxmlPackage';

const clone = (bytes: Uint8Array): Parts => readPackage(bytes);

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Parts written in SpreadsheetML: the workbook, its sheets, shared strings and styles. */
function spreadsheetParts(parts: Parts): string[] {
  return [...parts.keys()].filter((name) => isXmlPart(name) && parseXml(parts.get(name) as Uint8Array).documentElement?.namespaceURI === NS.main);
}

/** Every SpreadsheetML element under the prefix `x:` (as the Open XML SDK writes), no default namespace. */
export function prefixedMainNamespace(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  for (const name of spreadsheetParts(parts)) {
    parts.set(name, withDeclaration(renameNamespaces(parseXml(parts.get(name) as Uint8Array), {}, { [NS.main]: 'x' })));
  }
  return writePackage(parts);
}

/** `xmlns:r` declared on each <sheet> that uses it instead of on <workbook> (as openpyxl does). */
export function localRelationshipPrefix(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  editXml(parts, mainPartName(parts), (doc) => {
    const root = doc.documentElement as XmlElement;
    const declared = Array.from(root.attributes).filter((a) => a.namespaceURI === NS.xmlns && a.value === NS.rel);
    for (const attr of declared) root.removeAttributeNode(attr);
    for (const sheet of elements(doc, NS.main, 'sheet')) sheet.setAttributeNS(NS.xmlns, 'xmlns:r', NS.rel);
    // Anything else using r: (e.g. <definedNames> never does; <externalReferences> might) gets its own declaration too.
    for (const element of Array.from(doc.getElementsByTagName('*'))) {
      if (Array.from(element.attributes).some((a) => a.namespaceURI === NS.rel)) element.setAttributeNS(NS.xmlns, 'xmlns:r', NS.rel);
    }
  });
  return writePackage(parts);
}

/** Every internal relationship target written as an absolute part name ("/xl/worksheets/sheet1.xml"). */
export function absoluteTargets(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  absolutize(parts);
  return writePackage(parts);
}

function absolutize(parts: Parts): void {
  for (const relsName of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    const source = relsName === '_rels/.rels' ? '' : sourceOfRels(relsName);
    const resolved = relationshipsOf(parts, source);
    editXml(parts, relsName, (doc) => {
      for (const rel of elements(doc, NS.pkgRel, 'Relationship')) {
        const match = resolved.find((r) => r.id === rel.getAttribute('Id'));
        if (match && !match.external) rel.setAttribute('Target', `/${match.target}`);
      }
    });
  }
}

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml". */
function sourceOfRels(relsName: string): string {
  const slash = relsName.lastIndexOf('/_rels/');
  const dir = relsName.slice(0, slash);
  const file = relsName.slice(slash + '/_rels/'.length, -'.rels'.length);
  return dir === '' ? file : `${dir}/${file}`;
}

/** Rename a part: its relationships part, every target pointing at it and its content-type override follow. */
function movePart(parts: Parts, from: string, to: string): void {
  absolutize(parts);
  const bytes = parts.get(from);
  if (!bytes) throw new Error(`no part ${from}`);
  parts.delete(from);
  parts.set(to, bytes);
  const rels = parts.get(relsPartOf(from));
  if (rels) {
    parts.delete(relsPartOf(from));
    parts.set(relsPartOf(to), rels);
  }
  for (const relsName of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    editXml(parts, relsName, (doc) => {
      for (const rel of elements(doc, NS.pkgRel, 'Relationship')) if (rel.getAttribute('Target') === `/${from}`) rel.setAttribute('Target', `/${to}`);
    });
  }
  editXml(parts, '[Content_Types].xml', (doc) => {
    for (const override of elements(doc, NS.contentTypes, 'Override')) if (override.getAttribute('PartName') === `/${from}`) override.setAttribute('PartName', `/${to}`);
  });
}

/** The main part away from xl/workbook.xml and the first sheet under an unusual name, as some exporters name them. */
export function unusualPartNames(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  const main = mainPartName(parts);
  const firstSheet = relationshipsOf(parts, main).find((r) => r.type === REL_TYPE.worksheet);
  if (!firstSheet) throw new Error('no worksheet');
  movePart(parts, firstSheet.target, 'report/data/table-1.xml');
  movePart(parts, main, 'report/book.xml');
  // The main part's own targets relative again ("data/table-1.xml", "../xl/styles.xml"): resolved from report/.
  editXml(parts, relsPartOf('report/book.xml'), (doc) => {
    for (const rel of elements(doc, NS.pkgRel, 'Relationship')) {
      const target = rel.getAttribute('Target') ?? '';
      if (rel.getAttribute('TargetMode') !== 'External' && target.startsWith('/')) rel.setAttribute('Target', relativeTarget('report/book.xml', target.slice(1)));
    }
  });
  return writePackage(parts);
}

/** The target that leads from `sourcePart` to `targetPart` ("report/book.xml", "xl/styles.xml" → "../xl/styles.xml"). */
function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function rezip(bytes: Uint8Array, shape: 'stored' | 'data-descriptors'): Uint8Array {
  return writePackage(clone(bytes), shape);
}

const STRICT: Record<string, string> = {
  [NS.main]: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  [NS.rel]: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'http://purl.oclc.org/ooxml/drawingml/main',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
};
const STRICT_REL_TYPES: Record<string, string> = {
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties':
    'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties',
};

/**
 * Strict OOXML (ISO/IEC 29500 strict: http://purl.oclc.org/ooxml/… namespaces and relationship types), as Excel's
 * "Strict Open XML Spreadsheet" saves it. LibreOffice reads Strict but only writes Transitional, hence a transformation.
 */
export function strictOoxml(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  for (const name of [...parts.keys()].filter(isXmlPart)) {
    const doc = parseXml(parts.get(name) as Uint8Array);
    if (doc.documentElement?.namespaceURI === NS.pkgRel) {
      for (const rel of elements(doc, NS.pkgRel, 'Relationship')) {
        const type = rel.getAttribute('Type') ?? '';
        if (type in STRICT_REL_TYPES) rel.setAttribute('Type', STRICT_REL_TYPES[type]);
        else if (type.startsWith(`${NS.rel}/`)) rel.setAttribute('Type', `${STRICT[NS.rel]}/${type.slice(NS.rel.length + 1)}`);
      }
      parts.set(name, serializeXml(doc));
      continue;
    }
    const renamed = renameNamespaces(doc, STRICT);
    if (renamed.documentElement?.localName === 'workbook') renamed.documentElement.setAttribute('conformance', 'strict');
    parts.set(name, withDeclaration(renamed));
  }
  return writePackage(parts);
}

/**
 * An .xlsm: a VBA project part (a compound file with the storages Excel writes: VBA/dir, VBA/Module1, PROJECT;
 * contents made up), its relationship and content type, and the macro-enabled main content type.
 */
export function withMacro(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  const main = mainPartName(parts);
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'PROJECT', strToU8('ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\nName="VBAProject"\r\n'));
  XLSX.CFB.utils.cfb_add(cfb, 'VBA/dir', new Uint8Array(64).fill(1));
  XLSX.CFB.utils.cfb_add(cfb, 'VBA/Module1', strToU8('Attribute VB_Name = "Module1"\r\nSub 汇总()\r\nEnd Sub\r\n'));
  XLSX.CFB.utils.cfb_add(cfb, 'VBA/_VBA_PROJECT', new Uint8Array([0xcc, 0x61, 0xff, 0xff, 0x00, 0x00, 0x00]));
  const vba = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'cfb' }) as ArrayLike<number>);
  const vbaPart = `${main.slice(0, main.lastIndexOf('/') + 1)}vbaProject.bin`;
  parts.set(vbaPart, vba);
  editXml(parts, relsPartOf(main), (doc) => {
    const rel = doc.createElementNS(NS.pkgRel, 'Relationship');
    rel.setAttribute('Id', 'rIdVba1');
    rel.setAttribute('Type', REL_TYPE.vbaProject);
    rel.setAttribute('Target', `/${vbaPart}`);
    doc.documentElement?.appendChild(rel);
  });
  editXml(parts, '[Content_Types].xml', (doc) => {
    for (const override of elements(doc, NS.contentTypes, 'Override')) {
      if (override.getAttribute('PartName') === `/${main}`) override.setAttribute('ContentType', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    }
    const vbaType = doc.createElementNS(NS.contentTypes, 'Default');
    vbaType.setAttribute('Extension', 'bin');
    vbaType.setAttribute('ContentType', 'application/vnd.ms-office.vbaProject');
    doc.documentElement?.insertBefore(vbaType, doc.documentElement.firstChild);
  });
  return writePackage(parts);
}

/** The first sheet's part name. */
export function firstSheetPart(parts: Parts): string {
  const sheet = relationshipsOf(parts, mainPartName(parts)).find((r) => r.type.endsWith('/worksheet'));
  if (!sheet) throw new Error('no worksheet');
  return sheet.target;
}

/** Add <mergeCell ref=…> elements to the first sheet (creating <mergeCells> after <sheetData> when there is none). */
export function withExtraMerges(bytes: Uint8Array, refs: string[]): Uint8Array {
  const parts = clone(bytes);
  editXml(parts, firstSheetPart(parts), (doc) => addMerges(doc, refs));
  return writePackage(parts);
}

function addMerges(doc: XmlDocument, refs: string[]): void {
  const root = doc.documentElement as XmlElement;
  let container = elements(doc, NS.main, 'mergeCells')[0];
  if (!container) {
    container = doc.createElementNS(root.namespaceURI, root.prefix ? `${root.prefix}:mergeCells` : 'mergeCells');
    const sheetData = elements(doc, NS.main, 'sheetData')[0];
    root.insertBefore(container, sheetData.nextSibling);
  }
  for (const ref of refs) {
    const merge = doc.createElementNS(root.namespaceURI, root.prefix ? `${root.prefix}:mergeCell` : 'mergeCell');
    merge.setAttribute('ref', ref);
    container.appendChild(merge);
  }
  container.setAttribute('count', String(elements(container, NS.main, 'mergeCell').length));
}

/** A workbook whose <sheets> is empty: the package is sound, there is just nothing to read. */
export function withoutSheets(bytes: Uint8Array): Uint8Array {
  const parts = clone(bytes);
  editXml(parts, mainPartName(parts), (doc) => {
    for (const sheet of elements(doc, NS.main, 'sheet')) sheet.parentNode?.removeChild(sheet);
  });
  return writePackage(parts);
}
