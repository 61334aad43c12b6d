/**
 * Parts we only read are parsed with the file layer's saxes stream (namespace-aware; DOCTYPE and malformed XML refused)
 * into a small element tree: a Word document of a few hundred records is several megabytes of XML, which a full DOM
 * takes seconds to build.
 */
import type { SaxesAttributeNS } from 'saxes';
import { saxText } from '../xml/sax';
import { fileError } from '../errors';
import { decodeXml, xmlDamaged } from '../xml/text';

/**
 * Real documents nest a few dozen elements deep (a table in a cell in a content control …); the reader walks the tree
 * recursively, so a part nested deeper than this is refused rather than allowed to exhaust the stack.
 */
export const MAX_XML_DEPTH = 400;

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
      if (stack.length > MAX_XML_DEPTH) {
        throw fileError('docx-too-deep', `Word 文档的部件 ${partName} 嵌套过深，无法读取（可能是损坏或恶意文件）`, `part ${partName} of the Word document is nested too deeply to read (the file may be damaged or hostile)`);
      }
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
