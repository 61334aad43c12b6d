/**
 * Open XML packages as the corpus edits them: entries by name (fflate), parts edited as namespace-aware DOMs
 * (@xmldom/xmldom), written back with a choice of zip shape. No regular expression ever looks at XML here.
 */
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Parts = Map<string, Uint8Array>;

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  vbaProject: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
};

export function readPackage(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)));
}

export type ZipShape = 'deflate' | 'stored' | 'data-descriptors';

/** Zip the parts: deflated (the usual), stored (no compression), or streamed with data descriptors (sizes after the data). */
export function writePackage(parts: Parts, shape: ZipShape = 'deflate'): Uint8Array {
  if (shape !== 'data-descriptors') {
    const level = shape === 'stored' ? 0 : 6;
    return zipSync(Object.fromEntries([...parts].map(([name, data]) => [name, [data, { level }]])));
  }
  return streamZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
}

/**
 * A zip written entry by entry with fflate's streaming writer, which sets the data-descriptor flag. Unlike zipSync it
 * takes any list of names, so a hostile file can repeat a name or carry "../" in one.
 */
export function streamZip(entries: Array<{ name: string; data: Uint8Array; deflate?: boolean }>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const file = entry.deflate ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
    zip.add(file);
    file.push(entry.data, true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function parseXml(bytes: Uint8Array): XmlDocument {
  return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');
}

export function serializeXml(doc: XmlDocument): Uint8Array {
  return strToU8(new XMLSerializer().serializeToString(doc));
}

export function part(parts: Parts, name: string): Uint8Array {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name} in the package`);
  return bytes;
}

export function editXml(parts: Parts, name: string, edit: (doc: XmlDocument) => void): void {
  const doc = parseXml(part(parts, name));
  edit(doc);
  parts.set(name, serializeXml(doc));
}

export function elements(root: XmlDocument | XmlElement, ns: string, localName: string): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name (no leading slash), relative to the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a part ('' for the package root), targets resolved to part names. */
export function relationshipsOf(parts: Parts, sourcePart: string): Relationship[] {
  const relsName = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
  const bytes = parts.get(relsName);
  if (!bytes) return [];
  return elements(parseXml(bytes), NS.pkgRel, 'Relationship').map((rel) => {
    const external = rel.getAttribute('TargetMode') === 'External';
    const target = rel.getAttribute('Target') ?? '';
    return { id: rel.getAttribute('Id') ?? '', type: rel.getAttribute('Type') ?? '', target: external ? target : resolveTarget(sourcePart, target), external };
  });
}

/** The main (workbook) part, wherever the package's root relationships put it; Strict packages use their own type URI. */
export function mainPartName(parts: Parts): string {
  const rel = relationshipsOf(parts, '').find((r) => r.type.endsWith('/officeDocument'));
  if (!rel) throw new Error('package has no officeDocument relationship');
  return rel.target;
}

/**
 * Copy an element tree into `doc`, renaming namespaces (`uris`) and the prefixes used for them (`prefixes`: namespace
 * URI → new prefix, '' for none). Namespace declarations are re-declared for the new names.
 */
export function renameNamespaces(source: XmlDocument, uris: Record<string, string>, prefixes: Record<string, string> = {}): XmlDocument {
  const mapUri = (uri: string | null): string | null => (uri === null ? null : (uris[uri] ?? uri));
  const qualified = (uri: string | null, prefix: string | null, localName: string): string => {
    const newPrefix = uri !== null && uri in prefixes ? prefixes[uri] : prefix;
    return newPrefix ? `${newPrefix}:${localName}` : localName;
  };
  const root = source.documentElement;
  if (!root) throw new Error('empty XML document');
  const doc = new DOMImplementation().createDocument(mapUri(root.namespaceURI), qualified(root.namespaceURI, root.prefix, root.localName ?? root.nodeName), null);
  const copy = (from: XmlElement, to: XmlElement): void => {
    for (const attr of Array.from(from.attributes)) {
      if (attr.namespaceURI === NS.xmlns) {
        // A declaration: declare the renamed namespace under its new prefix.
        const declared = attr.value;
        const newPrefix = declared in prefixes ? prefixes[declared] : attr.prefix === null ? '' : attr.localName;
        to.setAttributeNS(NS.xmlns, newPrefix ? `xmlns:${newPrefix}` : 'xmlns', mapUri(declared) ?? declared);
      } else if (attr.namespaceURI) {
        to.setAttributeNS(mapUri(attr.namespaceURI), qualified(attr.namespaceURI, attr.prefix, attr.localName ?? attr.name), attr.value);
      } else {
        to.setAttribute(attr.name, attr.value);
      }
    }
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === child.ELEMENT_NODE) {
        const element = child as XmlElement;
        const created = doc.createElementNS(mapUri(element.namespaceURI), qualified(element.namespaceURI, element.prefix, element.localName ?? element.nodeName));
        to.appendChild(created);
        copy(element, created);
      } else {
        to.appendChild(doc.importNode(child, true));
      }
    }
  };
  copy(root, doc.documentElement as XmlElement);
  return doc;
}

/** The XML declaration the serializer leaves out, put back so a part looks as a producer writes it. */
export function withDeclaration(doc: XmlDocument): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc)}`);
}
