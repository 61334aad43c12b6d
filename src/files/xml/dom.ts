/**
 * The small parts we edit (workbook, relationships, content types, styles) as namespace-aware DOM, through
 * @xmldom/xmldom. Any DOCTYPE is refused (no entity ever expanded); any parse error is a damaged part.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { doctypeRefused, decodeXml, xmlDamaged } from './text';

export type { Document, Element, Node };

export function parseXml(source: Uint8Array | string, part: string): Document {
  const text = typeof source === 'string' ? source : decodeXml(source);
  let failed = false;
  const parser = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') failed = true;
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch {
    throw xmlDamaged(part);
  }
  if (doc.doctype) throw doctypeRefused();
  for (let node = doc.firstChild; node; node = node.nextSibling) if (node.nodeType === 10) throw doctypeRefused();
  if (failed || !doc.documentElement) throw xmlDamaged(part);
  return doc;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Serialize a part we edited; the XML declaration Excel writes is kept (or added when the part had none). */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : DECLARATION + text;
}

/** Element children of a node, in order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child as Element);
  return out;
}

/** First child element with this local name and one of these namespaces. */
export function childNS(node: Node, namespaces: readonly string[], localName: string): Element | null {
  for (const child of childElements(node)) if (child.localName === localName && namespaces.includes(child.namespaceURI ?? '')) return child;
  return null;
}

/** Descendant elements by local name in any of these namespaces, in document order. */
export function elementsNS(node: Document | Element, namespaces: readonly string[], localName: string): Element[] {
  const out: Element[] = [];
  for (const ns of namespaces) {
    const list = node.getElementsByTagNameNS(ns, localName);
    for (let i = 0; i < list.length; i += 1) out.push(list[i]);
  }
  if (namespaces.length > 1) out.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return out;
}

/** An attribute in one of these namespaces (a relationship id under whatever prefix the producer chose). */
export function attributeNS(element: Element, namespaces: readonly string[], localName: string): string | null {
  for (const ns of namespaces) {
    const value = element.getAttributeNS(ns, localName);
    if (value !== null && value !== '') return value;
  }
  return null;
}

/**
 * A new element in the parent's namespace and under the parent's prefix, so it is well-formed wherever it goes
 * (`<x:sheet>` under `<x:sheets>`, `<sheet>` under a default namespace).
 */
export function createLike(parent: Element, localName: string): Element {
  const doc = parent.ownerDocument as Document;
  const qualified = parent.prefix ? `${parent.prefix}:${localName}` : localName;
  return doc.createElementNS(parent.namespaceURI, qualified);
}

/**
 * Set an attribute in namespace `ns`: with the prefix already bound to it at `element`, or else with `preferred`
 * declared on the element itself (what openpyxl does for r:id).
 */
export function setAttributeInNs(element: Element, ns: string, preferred: string, localName: string, value: string): void {
  const bound = element.lookupPrefix(ns);
  if (bound) {
    element.setAttributeNS(ns, `${bound}:${localName}`, value);
    return;
  }
  let prefix = preferred;
  for (let n = 1; element.lookupNamespaceURI(prefix) !== null; n += 1) prefix = `${preferred}${n}`;
  element.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, ns);
  element.setAttributeNS(ns, `${prefix}:${localName}`, value);
}
