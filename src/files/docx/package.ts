/**
 * The .docx package: refuse what is not one (old binary Word, WPS, encrypted documents), open the zip within the file
 * layer's limits, find the main document part through the package relationships (never by a fixed name) and parse the
 * parts we read. Zip, compound-file names and the XML safety rules are the file layer's (src/files).
 */
import { cfbNames, looksLikeCfb } from '../cfb';
import { FileError, fileError } from '../errors';
import { withDefaults } from '../limits';
import { OpcPackage } from '../package';
import type { Limits, NativeZip } from '../types';
import { looksLikeZip } from '../zip/readZip';
import { NS } from './names';
import { parseXmlPart, type XElement } from './xml';

/** Every refusal says what to do, in the words of the issue: 请在 Word 中另存为 .docx. */
const SAVE_AS = '请在 Word 中另存为 .docx';

/**
 * A compound file (CFB) is an old binary .doc, a WPS .wps, or a .docx with an open password (Office wraps the encrypted
 * package in a compound file). None can be read here.
 */
export function refuseWordCompoundFile(bytes: Uint8Array, fileName: string | undefined): FileError {
  const names = cfbNames(bytes);
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) {
    return fileError(
      'docx-encrypted',
      `这是加密（设有打开密码）的 Word 文档，无法读取：请在 Word 中取消密码，${SAVE_AS} 后再试`,
      'this Word document is encrypted (it has an open password): remove the password in Word and save it as .docx, then try again',
    );
  }
  if ((fileName ?? '').toLowerCase().endsWith('.wps')) {
    return fileError(
      'docx-legacy-format',
      `这是 WPS 文字的旧格式（.wps），无法读取：${SAVE_AS}（或在 WPS 中另存为 Word 文档 .docx）后再试`,
      'this is an old WPS Writer file (.wps) that cannot be read: save it as .docx in Word (or WPS), then try again',
    );
  }
  return fileError(
    'docx-legacy-format',
    `这是旧版 Word 文档（.doc）或其他二进制格式，无法读取：${SAVE_AS} 后再试`,
    'this is an old binary Word document (.doc) or another binary format that cannot be read: save it as .docx in Word, then try again',
  );
}

const notWordDocument = (): FileError =>
  fileError('docx-not-word', `这不是 Word 文档（.docx）：${SAVE_AS} 后再试`, 'this is not a Word document (.docx): save it as .docx in Word, then try again');

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
export function openDocxPackage(bytes: Uint8Array, options: { fileName?: string; limits?: Partial<Limits>; native?: NativeZip } = {}): DocxPackage {
  if (looksLikeCfb(bytes)) throw refuseWordCompoundFile(bytes, options.fileName);
  if (!looksLikeZip(bytes)) throw notWordDocument();
  const pkg = OpcPackage.open(bytes, withDefaults(options.limits), options.native);
  const main = pkg.mainPart();
  if (main === null || !pkg.has(main)) throw notWordDocument();
  const document = parseXmlPart(pkg.bytes(main), main);
  if (document.local !== 'document' || !NS.isWordprocessing(document.uri)) throw notWordDocument();
  const related = pkg.relationships(main);
  const optional = (kind: string): XElement | null => {
    const part = related.find((rel) => rel.kind === kind && rel.part !== null && pkg.has(rel.part))?.part;
    return part ? parseXmlPart(pkg.bytes(part), part) : null;
  };
  return { document, styles: optional('styles'), numbering: optional('numbering'), mainPartName: main };
}
