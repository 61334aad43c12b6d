/** The namespaces a .docx uses, transitional and Strict, and element tests by namespace + local name (any prefix). */
import { attributeNS, type XElement, type XNode } from './xml';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  wStrict: 'http://purl.oclc.org/ooxml/wordprocessingml/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  packageRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  relsTransitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relsStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  isWordprocessing(uri: string | null | undefined): boolean {
    return uri === NS.w || uri === NS.wStrict;
  },
};

export const isElement = (node: XNode): node is XElement => typeof node !== 'string';

/** Is this a WordprocessingML element with this local name (w:p, w:tbl …), whatever its prefix? */
export function isW(node: XElement | null | undefined, localName: string): boolean {
  return !!node && node.local === localName && NS.isWordprocessing(node.uri);
}

/** The element children of an element. */
export function elementChildren(node: XElement): XElement[] {
  return node.children.filter(isElement);
}

/** The first WordprocessingML child with this local name. */
export function wChild(node: XElement | null | undefined, localName: string): XElement | null {
  if (!node) return null;
  for (const child of node.children) if (typeof child !== 'string' && isW(child, localName)) return child;
  return null;
}

/** The text directly inside an element (w:t). */
export function textOf(node: XElement): string {
  let text = '';
  for (const child of node.children) if (typeof child === 'string') text += child;
  return text;
}

/** An attribute in no namespace (Relationship's Type and Target). */
export function plainAttr(element: XElement, localName: string): string | null {
  return attributeNS(element, '', localName);
}

/**
 * A w: attribute (w:val …). WordprocessingML attributes are namespace-qualified; the namespace is the element's own
 * (transitional or Strict), and a few producers write them unqualified.
 */
export function wAttr(element: XElement | null | undefined, localName: string): string | null {
  if (!element) return null;
  for (const key in element.attributes) {
    const attribute = element.attributes[key];
    if (attribute.local === localName && (attribute.uri === '' || NS.isWordprocessing(attribute.uri))) return attribute.value;
  }
  return null;
}

/** An on/off property (w:tblHeader, w:cantSplit): present and not switched off. */
export function isOn(element: XElement | null): boolean {
  if (!element) return false;
  const value = wAttr(element, 'val');
  return value === null || !['0', 'false', 'off'].includes(value.toLowerCase());
}
