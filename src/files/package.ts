/**
 * An Open Packaging Conventions package (the zip of an .xlsx, .xlsm, .docx): parts by name, content types from
 * [Content_Types].xml defaults and overrides, relationships with their targets resolved by one function.
 */
import { fileError } from './errors';
import { parseXml, childElements } from './xml/dom';
import type { Document, Element } from './xml/dom';
import { CONTENT_TYPES_NS, PACKAGE_REL_NS, relationshipKind } from './xml/namespaces';
import { decodeXml } from './xml/text';
import { entryBytes, readZip } from './zip/readZip';
import type { ZipArchive, ZipEntry } from './zip/readZip';
import type { Limits, NativeZip } from './types';

export interface Relationship {
  id: string;
  type: string;
  /** "worksheet", "officeDocument", … whichever schema (transitional or strict) the type comes from. */
  kind: string | null;
  /** The target as written. */
  target: string;
  external: boolean;
  /** The part the target names (zip entry name, no leading slash); null for external or unresolvable targets. */
  part: string | null;
}

/**
 * The part a relationship target names, relative to the source part's folder or absolute from the package root.
 * Returns null when the target leaves the package (more ".." than folders).
 */
export function resolveTarget(sourcePart: string, target: string): string | null {
  let path = target.split('#')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%" is part of the name.
  }
  path = path.replace(/\\/g, '/');
  const absolute = path.startsWith('/');
  const base = absolute ? [] : sourcePart.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length === 0 ? null : segments.join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; the package's own: _rels/.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? `_rels/${part}.rels` : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

export class OpcPackage {
  readonly archive: ZipArchive;
  private readonly byLowerName = new Map<string, string>();
  private readonly cache = new Map<string, Uint8Array>();
  private types: { defaults: Map<string, string>; overrides: Map<string, string> } | undefined;

  constructor(archive: ZipArchive) {
    this.archive = archive;
    for (const name of archive.order) this.byLowerName.set(name.toLowerCase(), name);
  }

  static open(bytes: Uint8Array, limits: Limits, native?: NativeZip): OpcPackage {
    return new OpcPackage(readZip(bytes, limits, native));
  }

  /** The entry name of a part, matched without regard to case as part names are. */
  entryName(part: string): string | undefined {
    return this.archive.entries.has(part) ? part : this.byLowerName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.entryName(part) !== undefined;
  }

  entry(part: string): ZipEntry | undefined {
    const name = this.entryName(part);
    return name === undefined ? undefined : this.archive.entries.get(name);
  }

  bytes(part: string): Uint8Array {
    const name = this.entryName(part);
    const entry = name === undefined ? undefined : this.archive.entries.get(name);
    if (!entry || name === undefined) {
      throw fileError('part-missing', `文件已损坏：缺少 ${part}`, `the file is damaged: ${part} is missing`);
    }
    let bytes = this.cache.get(name);
    if (!bytes) {
      bytes = entryBytes(this.archive, entry);
      // Only small parts are kept: a sheet is read once, streamed.
      if (bytes.length < 4 * 1024 * 1024) this.cache.set(name, bytes);
    }
    return bytes;
  }

  text(part: string): string {
    return decodeXml(this.bytes(part));
  }

  dom(part: string): Document {
    return parseXml(this.bytes(part), part);
  }

  /** Relationships of a part (none when it has no .rels part). */
  relationships(sourcePart: string): Relationship[] {
    const relsPart = relsPartOf(sourcePart);
    if (!this.has(relsPart)) return [];
    const doc = this.dom(relsPart);
    const out: Relationship[] = [];
    const list = doc.getElementsByTagNameNS(PACKAGE_REL_NS, 'Relationship');
    for (let i = 0; i < list.length; i += 1) {
      const el = list[i];
      const type = el.getAttribute('Type') ?? '';
      const target = el.getAttribute('Target') ?? '';
      const external = (el.getAttribute('TargetMode') ?? '').toLowerCase() === 'external';
      out.push({
        id: el.getAttribute('Id') ?? '',
        type,
        kind: relationshipKind(type),
        target,
        external,
        part: external ? null : resolveTarget(sourcePart === '' ? '' : sourcePart, target),
      });
    }
    return out;
  }

  /** The package's main part (the workbook or the document), wherever the root relationships put it. */
  mainPart(): string | null {
    const main = this.relationships('').find((rel) => rel.kind === 'officeDocument' && rel.part !== null);
    return main?.part ?? null;
  }

  private contentTypes(): { defaults: Map<string, string>; overrides: Map<string, string> } {
    if (this.types) return this.types;
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    if (this.has('[Content_Types].xml')) {
      const doc = this.dom('[Content_Types].xml');
      for (const el of childElements(doc.documentElement as unknown as Element)) {
        if (el.namespaceURI !== CONTENT_TYPES_NS) continue;
        const type = el.getAttribute('ContentType') ?? '';
        if (el.localName === 'Default') defaults.set((el.getAttribute('Extension') ?? '').toLowerCase(), type);
        if (el.localName === 'Override') overrides.set((el.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase(), type);
      }
    }
    this.types = { defaults, overrides };
    return this.types;
  }

  /** A part's content type: its override, else the default for its extension. */
  contentType(part: string): string | null {
    const { defaults, overrides } = this.contentTypes();
    const override = overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf('.');
    return dot < 0 ? null : (defaults.get(part.slice(dot + 1).toLowerCase()) ?? null);
  }
}

export { decodeXml };
