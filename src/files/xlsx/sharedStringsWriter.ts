/**
 * Text of the new sheets as shared strings: a clerk's repaired table repeats the input's texts, and a shared string
 * is written once for the whole workbook, which keeps the output about the size of the input. The existing part is
 * kept as written: the new <si> entries go before its closing tag, at the offset the SAX parser reports, and only its
 * root start tag (the counts) is written anew from the parsed attributes.
 */
import { fileError } from '../errors';
import { saxText } from '../xml/sax';
import type { Tag } from '../xml/sax';
import { isSpreadsheetNs } from '../xml/namespaces';
import { escapeText } from './escape';
import { cellString } from './cellText';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private existing = 0;
  private references = 0;
  private readonly source: string | null;
  private prefix = '';
  private root: { start: number; end: number; tag: Tag; selfClosing: boolean } | null = null;
  private closeStart = -1;
  private readonly ns: string;

  /** `source` is the existing part's text, or null when the workbook has none yet. */
  constructor(source: string | null, ns: string) {
    this.source = source;
    this.ns = ns;
    if (source !== null) this.scan(source);
  }

  private scan(source: string): void {
    let depth = 0;
    let current: string[] | null = null;
    let plain = true;
    let tagStart = 0;
    saxText('xl/sharedStrings.xml', source, {
      open: (tag) => {
        depth += 1;
        if (depth === 1) {
          this.prefix = tag.prefix;
          this.root = { start: tagStart, end: -1, tag, selfClosing: tag.isSelfClosing };
          return;
        }
        if (!isSpreadsheetNs(tag.uri)) return;
        if (depth === 2 && tag.local === 'si') {
          current = [];
          plain = true;
        } else if (current && tag.local !== 't') plain = false;
      },
      close: (tag) => {
        if (depth === 2 && tag.local === 'si' && current) {
          const text = cellString(current.join(''));
          if (plain && !this.index.has(text)) this.index.set(text, this.existing);
          this.existing += 1;
          current = null;
        }
        depth -= 1;
      },
      text: (text) => {
        if (current) current.push(text);
      },
    }, {
      opentagstart: (position, name) => {
        if (depth === 0) tagStart = source.lastIndexOf(`<${name}`, position);
      },
      opentag: (position) => {
        if (this.root && this.root.end < 0) this.root.end = position;
      },
      closetag: (position, name) => {
        if (depth === 0 && !this.root?.selfClosing) this.closeStart = source.lastIndexOf(`</${name}`, position);
      },
    });
    if (!this.root || this.root.end < 0) throw fileError('xml-damaged', '文件已损坏：共享字符串表无效', 'the file is damaged: the shared strings are not valid');
  }

  /** True when the part already holds the text. */
  has(text: string): boolean {
    return this.index.has(text);
  }

  /** The shared string index of a text, adding it when new. */
  indexOf(text: string): number {
    this.references += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  private entries(): string {
    const p = this.prefix ? `${this.prefix}:` : '';
    return this.added
      .map((text) => {
        const t = escapeText(text);
        const space = t !== t.trim() || t.includes('\n') ? ' xml:space="preserve"' : '';
        return `<${p}si><${p}t${space}>${t}</${p}t></${p}si>`;
      })
      .join('');
  }

  /** The part with the new entries; null when nothing was added. */
  toXml(): string | null {
    if (!this.changed) return null;
    const unique = this.existing + this.added.length;
    if (this.source === null || !this.root) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${this.ns}" count="${this.references}" uniqueCount="${unique}">${this.entries()}</sst>`;
    }
    const { tag, start, end, selfClosing } = this.root;
    const attributes = Object.values(tag.attributes)
      .filter((a) => a.name !== 'count' && a.name !== 'uniqueCount')
      .map((a) => ` ${a.name}="${escapeText(a.value)}"`)
      .join('');
    const counts = ` count="${this.references + this.countAttribute(tag)}" uniqueCount="${unique}"`;
    const open = `<${tag.name}${attributes}${counts}>`;
    if (selfClosing) return `${this.source.slice(0, start)}${open}${this.entries()}</${tag.name}>${this.source.slice(end)}`;
    return `${this.source.slice(0, start)}${open}${this.source.slice(end, this.closeStart)}${this.entries()}${this.source.slice(this.closeStart)}`;
  }

  private countAttribute(tag: Tag): number {
    const n = Number(tag.attributes.count?.value ?? this.existing);
    return Number.isFinite(n) ? n : this.existing;
  }
}
