import * as fs from 'fs';
import * as path from 'path';
import { parseStringPromise } from 'xml2js';

/** An XML element as the manifest tests walk it: name, attributes, text and child elements in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

interface RawNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

function toElement(node: RawNode): XmlElement {
  return {
    name: node['#name'],
    attributes: node.$ ?? {},
    text: (node._ ?? '').trim(),
    children: (node.$$ ?? []).filter((child) => child['#name'] !== '__text__').map(toElement),
  };
}

export async function parseXml(xml: string): Promise<XmlElement> {
  const parsed = (await parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
    charsAsChildren: false,
  })) as Record<string, RawNode>;
  const [rootName, root] = Object.entries(parsed)[0];
  return toElement({ ...root, '#name': rootName });
}

export const MANIFEST_PATH = path.join(__dirname, '..', '..', 'manifest.xml');

export function readManifestText(): string {
  return fs.readFileSync(MANIFEST_PATH, 'utf8');
}

/** Every element below `root` (itself included) whose name is `name`. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (element.name === name) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

/** Every attribute value and text in the document, for scanning URLs. */
export function allStrings(root: XmlElement): string[] {
  const strings: string[] = [];
  const visit = (element: XmlElement) => {
    strings.push(...Object.values(element.attributes));
    if (element.text) strings.push(element.text);
    element.children.forEach(visit);
  };
  visit(root);
  return strings;
}
