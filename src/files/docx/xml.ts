/**
 * Parts we only read are parsed with the file layer's saxes stream (namespace-aware; DOCTYPE and malformed XML refused)
 * into a small element tree: a Word document of a few hundred records is several megabytes of XML, which a full DOM
 * takes seconds to build.
 */
import type { SaxesAttributeNS } from 'saxes';
import { saxText } from '../xml/sax';
import { decodeXml, xmlDamaged } from '../xml/text';

export interface XElement {
  /** Namespace URI ('' when none). */
  uri: string;
  local: string;
  /** Attributes as saxes resolved them (qualified name → namespace URI, local name, value); an element has few. */
  attributes: Record<string, SaxesAttributeNS>;
  children: XNode[];
}

/** An element or a run of character data. */
export type XNode = XElement | string;

export function parseXmlPart(data: Uint8Array, partName: string): XElement {
  const stack: XElement[] = [];
  let root: XElement | null = null;
  saxText(partName, decodeXml(data), {
    open(tag) {
      const element: XElement = { uri: tag.uri, local: tag.local, attributes: tag.attributes, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      stack.push(element);
    },
    close() {
      stack.pop();
    },
    text(text) {
      const parent = stack[stack.length - 1];
      // Indentation between elements is no content; inside w:t every space counts.
      if (parent && (parent.local === 't' || text.trim() !== '')) parent.children.push(text);
    },
  });
  if (!root) throw xmlDamaged(partName);
  return root;
}

/** The value of the attribute with this namespace URI ('' for none) and local name. */
export function attributeNS(element: XElement, uri: string, local: string): string | null {
  for (const key in element.attributes) {
    const attribute = element.attributes[key];
    if (attribute.local === local && attribute.uri === uri) return attribute.value;
  }
  return null;
}
