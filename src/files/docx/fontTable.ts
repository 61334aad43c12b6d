/**
 * 公文 fonts and their fallbacks. 仿宋_GB2312 and 方正小标宋简体 are missing on many machines (and on every Mac): the
 * font table names, for each, the font Word should use instead (w:altName) and its Chinese character set, so the
 * document still prints in a 仿宋 / 黑体 / 宋体 face. The docx library writes an empty font table; we add the entries
 * with a namespace-aware DOM edit of that one part, every other part of the package kept byte for byte.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { NS } from './names';

export const FONTS = {
  /** Body text of the table and the lines under the title. */
  body: '仿宋_GB2312',
  /** The header row, section rows, 附件 label. */
  heading: '黑体',
  /** The document title. */
  title: '方正小标宋简体',
  /** Page numbers (GB/T 9704: 4号半角宋体阿拉伯数字). */
  pageNumber: '宋体',
  /** Digits and Latin letters. */
  latin: 'Times New Roman',
};

interface FontEntry {
  name: string;
  altName?: string;
  /** w:charset: 86 is GB2312, 00 ANSI. */
  charset: string;
  family: 'modern' | 'roman' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** Each 公文 font, then the common fallback it points to, then that one's Latin name. */
export const FONT_FALLBACKS: FontEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  { name: '宋体', altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable' },
];

const FONT_TABLE_PART = 'word/fontTable.xml';

function valElement(doc: XmlDocument, localName: string, value: string): XmlElement {
  const element = doc.createElementNS(NS.w, `w:${localName}`);
  element.setAttributeNS(NS.w, 'w:val', value);
  return element;
}

/** The font table with our entries added (fonts it already names are left as they are). */
export function fontTableWithFallbacks(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'fonts' || root.namespaceURI !== NS.w) throw new Error('export: unexpected font table');
  const named = new Set<string>();
  const existing = root.getElementsByTagNameNS(NS.w, 'font');
  for (let i = 0; i < existing.length; i++) named.add(existing[i].getAttributeNS(NS.w, 'name') ?? '');
  for (const entry of FONT_FALLBACKS) {
    if (named.has(entry.name)) continue;
    const font = doc.createElementNS(NS.w, 'w:font');
    font.setAttributeNS(NS.w, 'w:name', entry.name);
    // Schema order of CT_Font: altName, panose1, charset, family, notTrueType, pitch, sig, embed…
    if (entry.altName) font.appendChild(valElement(doc, 'altName', entry.altName));
    font.appendChild(valElement(doc, 'charset', entry.charset));
    font.appendChild(valElement(doc, 'family', entry.family));
    font.appendChild(valElement(doc, 'pitch', entry.pitch));
    root.appendChild(font);
  }
  return new XMLSerializer().serializeToString(doc);
}

/** Add the fallback entries to a packed document's font table; every other part is written back unchanged. */
export function addFontFallbacks(packed: Uint8Array): Uint8Array {
  const parts = unzipSync(packed);
  const table = parts[FONT_TABLE_PART];
  if (!table) return packed;
  const updated = fontTableWithFallbacks(new TextDecoder('utf-8').decode(table));
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = name === FONT_TABLE_PART ? new TextEncoder().encode(updated) : data;
  return zipSync(out, { level: 6 });
}
