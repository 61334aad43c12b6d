/**
 * Parts we only read are parsed with saxes (streaming, namespace-aware) into a small element tree: a Word document
 * of a few hundred records is several megabytes of XML, which a full DOM takes seconds to build. A DOCTYPE (entity
 * expansion) or malformed XML is refused.
 */
import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import { FileError, fileError } from '../errors';

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

const decoder = new TextDecoder('utf-8');

export function parseXmlPart(data: Uint8Array, partName: string): XElement {
  const bad = (): FileError =>
    fileError('docx-bad-xml', `Word 文档的部件 ${partName} 不是有效的 XML，无法读取`, `part ${partName} of the Word document is not valid XML`);
  const parser = new SaxesParser({ xmlns: true });
  const stack: XElement[] = [];
  let root: XElement | null = null;
  let failure: FileError | null = null;
  parser.on('doctype', () => {
    failure = fileError('docx-doctype', `Word 文档的部件 ${partName} 含有 DOCTYPE 声明，出于安全考虑拒绝读取`, `part ${partName} of the Word document declares a DOCTYPE; refused for safety`);
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const element: XElement = { uri: tag.uri, local: tag.local, attributes: tag.attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const parent = stack[stack.length - 1];
    // Indentation between elements is no content; inside w:t every space counts.
    if (parent && (parent.local === 't' || text.trim() !== '')) parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(decoder.decode(data)).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof FileError) throw error;
    throw bad();
  }
  if (!root) throw bad();
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
