/**
 * The .docx package: refuse what is not one (old binary Word, WPS, encrypted documents), unzip within bounds, find the
 * main document part through the package relationships (never by a fixed name) and parse the parts we read.
 *
 * The zip and XML safety helpers are small functions here so they can be switched to the file layer's shared ones
 * (src/files) without touching the reader.
 */
import { unzipSync } from 'fflate';
import { FileError, fileError } from '../errors';
import type { Limits } from '../types';
import { NS, elementChildren, plainAttr } from './names';
import { parseXmlPart, type XElement } from './xml';

export const DEFAULT_DOCX_LIMITS: Limits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10000,
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Does the byte string hold this name as UTF-16LE (how a compound file's directory spells its streams)? */
function holdsUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * A compound file (CFB) is an old binary .doc, a WPS .wps, or a .docx with an open password (Office wraps the encrypted
 * package in a compound file). None can be read here: all get the one instruction a clerk can follow.
 */
function refuseCompoundFile(bytes: Uint8Array, fileName: string | undefined): FileError {
  const lower = (fileName ?? '').toLowerCase();
  if (holdsUtf16Name(bytes, 'EncryptionInfo')) {
    return fileError(
      'docx-encrypted',
      '这是加密（设有打开密码）的 Word 文档，无法读取：请在 Word 中取消密码，另存为 .docx 后再试',
      'this Word document is encrypted (it has an open password): remove the password in Word and save it as .docx (请在 Word 中另存为 .docx)',
    );
  }
  if (lower.endsWith('.wps')) {
    return fileError(
      'docx-legacy-format',
      '这是 WPS 文字的旧格式（.wps），无法读取：请在 Word 中另存为 .docx 后再试（WPS 中“另存为 Word 文档 .docx”亦可）',
      'this is an old WPS Writer file (.wps) that cannot be read: save it as .docx in Word (or WPS) and try again',
    );
  }
  return fileError(
    'docx-legacy-format',
    '这是旧版 Word 文档（.doc），无法读取：请在 Word 中另存为 .docx 后再试',
    'this is an old binary Word document (.doc) that cannot be read: save it as .docx in Word and try again',
  );
}

const notWordDocument = (): FileError =>
  fileError(
    'docx-not-word',
    '这不是 Word 文档（.docx）：请在 Word 中另存为 .docx 后再试',
    'this is not a Word document (.docx): save it as .docx in Word and try again',
  );

/** The unzipped parts we asked for, by part name without a leading slash. */
type Parts = Map<string, Uint8Array>;

/** Unzip only the parts `wanted` accepts, within the limits; entry names are only ever map keys, never paths. */
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: Limits): Parts {
  let entries = 0;
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter(file) {
        entries++;
        if (entries > limits.maxEntries) throw tooLarge();
        if (!wanted(file.name)) return false;
        if (file.originalSize > limits.maxEntryBytes) throw tooLarge();
        if (file.originalSize > 1024 * 1024 && file.size > 0 && file.originalSize / file.size > limits.maxRatio) throw tooLarge();
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw tooLarge();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw fileError('docx-damaged', 'Word 文档已损坏，无法解压：请在 Word 中打开并另存为 .docx 后再试', 'the Word document is damaged (it cannot be unzipped): open it in Word and save it as .docx again');
  }
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(unzipped)) {
    // The declared size is what the filter checked; a part that inflated past it is refused here.
    if (data.length > limits.maxEntryBytes) throw tooLarge();
    parts.set(name.replace(/^\/+/, ''), data);
  }
  return parts;
}

const tooLarge = (): FileError =>
  fileError('docx-too-large', 'Word 文档解压后过大，已停止读取（可能是损坏或恶意文件）', 'the Word document is too large once unzipped; reading stopped (the file may be damaged or hostile)');

/** Resolve a relationship target against the part that owns the relationships (OPC part names, no file system). */
export function resolvePartName(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(parts: Parts, sourcePart: string): Relationship[] {
  const relsName = relsPartOf(sourcePart);
  const data = parts.get(relsName);
  if (!data) return [];
  const root = parseXmlPart(data, relsName);
  const out: Relationship[] = [];
  for (const rel of elementChildren(root)) {
    if (rel.uri !== NS.packageRels || rel.local !== 'Relationship' || plainAttr(rel, 'TargetMode') === 'External') continue;
    out.push({ type: plainAttr(rel, 'Type') ?? '', target: resolvePartName(sourcePart, plainAttr(rel, 'Target') ?? '') });
  }
  return out;
}

const relType = (rel: Relationship, name: string): boolean =>
  rel.type === `${NS.relsTransitional}/${name}` || rel.type === `${NS.relsStrict}/${name}`;

export interface DocxPackage {
  /** The main document part (w:document), transitional or Strict. */
  document: XElement;
  /** The styles part, when there is one (heading styles). */
  styles: XElement | null;
  /** The numbering part, when there is one (automatic 序号 and 一、二、 headings). */
  numbering: XElement | null;
  mainPartName: string;
}

/** Open a .docx: refusals for what is not one, the main part found through the root relationships. */
export function openDocxPackage(bytes: Uint8Array, options: { fileName?: string; limits?: Partial<Limits> } = {}): DocxPackage {
  if (startsWith(bytes, CFB_MAGIC)) throw refuseCompoundFile(bytes, options.fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) throw notWordDocument();
  const limits = { ...DEFAULT_DOCX_LIMITS, ...options.limits };
  // Two passes over the central directory: relationships first, then only the parts they name.
  const rels = unzipParts(bytes, (name) => name.replace(/^\/+/, '').endsWith('.rels'), limits);
  const main = readRelationships(rels, '').find((rel) => relType(rel, 'officeDocument'));
  if (!main) throw notWordDocument();
  const mainRels = readRelationships(rels, main.target);
  const stylesName = mainRels.find((rel) => relType(rel, 'styles'))?.target;
  const numberingName = mainRels.find((rel) => relType(rel, 'numbering'))?.target;
  const wanted = new Set([main.target, stylesName, numberingName].filter((n): n is string => n !== undefined));
  const parts = unzipParts(bytes, (name) => wanted.has(name.replace(/^\/+/, '')), limits);
  const mainData = parts.get(main.target);
  if (!mainData) throw notWordDocument();
  const document = parseXmlPart(mainData, main.target);
  if (document.local !== 'document' || !NS.isWordprocessing(document.uri)) throw notWordDocument();
  const optional = (name: string | undefined): XElement | null => {
    const data = name === undefined ? undefined : parts.get(name);
    return data && name ? parseXmlPart(data, name) : null;
  };
  return { document, styles: optional(stylesName), numbering: optional(numberingName), mainPartName: main.target };
}
