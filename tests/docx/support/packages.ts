/**
 * Small Word packages built by code for the reader's edge cases (prefixes, Strict, content controls, tracked changes,
 * numbering …), and a compound file like the container Office wraps an encrypted .docx in ([MS-OFFCRYPTO] 2.1: streams
 * EncryptionInfo and EncryptedPackage; [MS-CFB] 2.2 header, 2.6 directory entries). No tool on this machine writes a
 * password-protected .docx, so that container is built here.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export interface PackageSpec {
  /** The body's inner XML, elements written with `prefix`. */
  body: string;
  prefix?: string;
  strict?: boolean;
  /** Where the main part lives (found through _rels/.rels). */
  mainPart?: string;
  styles?: string;
  numbering?: string;
  /** Extra XML before the root element (e.g. a DOCTYPE). */
  prolog?: string;
}

export function buildDocx(spec: PackageSpec): Uint8Array {
  const p = spec.prefix ?? 'w';
  const ns = spec.strict ? W_STRICT : W;
  const rel = spec.strict ? REL_STRICT : REL;
  const main = spec.mainPart ?? 'word/document.xml';
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : '';
  const base = main.slice(main.lastIndexOf('/') + 1);
  const xmlns = `xmlns:${p}="${ns}"`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="${main}"/></Relationships>`,
    ),
    [main]: strToU8(`<?xml version="1.0" encoding="UTF-8"?>${spec.prolog ?? ''}<${p}:document ${xmlns}><${p}:body>${spec.body}</${p}:body></${p}:document>`),
  };
  const rels: string[] = [];
  if (spec.styles) {
    files[`${dir}/styles.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}:styles ${xmlns}>${spec.styles}</${p}:styles>`);
    rels.push(`<Relationship Id="rId10" Type="${rel}/styles" Target="styles.xml"/>`);
  }
  if (spec.numbering) {
    files[`${dir}/numbering.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}:numbering ${xmlns}>${spec.numbering}</${p}:numbering>`);
    rels.push(`<Relationship Id="rId11" Type="${rel}/numbering" Target="numbering.xml"/>`);
  }
  if (rels.length > 0) {
    files[`${dir}/_rels/${base}.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    );
  }
  return zipSync(files);
}

/** Paragraph and table builders in a given prefix. */
export function xml(p = 'w') {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const para = (text: string, pPr = '') => `<${p}:p>${pPr ? `<${p}:pPr>${pPr}</${p}:pPr>` : ''}<${p}:r><${p}:t xml:space="preserve">${esc(text)}</${p}:t></${p}:r></${p}:p>`;
  const cell = (lines: string[] | string, tcPr = '') =>
    `<${p}:tc>${tcPr ? `<${p}:tcPr>${tcPr}</${p}:tcPr>` : ''}${(Array.isArray(lines) ? lines : [lines]).map((l) => para(l)).join('') || `<${p}:p/>`}</${p}:tc>`;
  const row = (cells: string[], trPr = '') => `<${p}:tr>${trPr ? `<${p}:trPr>${trPr}</${p}:trPr>` : ''}${cells.join('')}</${p}:tr>`;
  const table = (rows: string[], columns: number) =>
    `<${p}:tbl><${p}:tblGrid>${`<${p}:gridCol ${p}:w="1000"/>`.repeat(columns)}</${p}:tblGrid>${rows.join('')}</${p}:tbl>`;
  return { para, cell, row, table };
}

/** A compound file holding the named streams (empty), with a valid header, FAT and directory. */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const directorySectors = Math.ceil((streams.length + 1) / 4);
  const bytes = new Uint8Array(sector * (2 + directorySectors));
  const view = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  // FAT (sector 0, at offset 512): sector 0 is a FAT sector, the directory chain runs 1..n.
  const fat = sector;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  for (let k = 0; k < directorySectors; k++) view.setUint32(fat + (1 + k) * 4, k === directorySectors - 1 ? 0xfffffffe : 2 + k, true);
  const entry = (index: number, name: string, type: number) => {
    const at = sector * 2 + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = type;
    view.setUint32(at + 0x44, 0xffffffff, true);
    view.setUint32(at + 0x48, 0xffffffff, true);
    view.setUint32(at + 0x4c, type === 5 && streams.length > 0 ? 1 : 0xffffffff, true);
    view.setUint32(at + 0x74, 0xfffffffe, true);
  };
  entry(0, 'Root Entry', 5);
  streams.forEach((name, i) => entry(i + 1, name, 2));
  return bytes;
}
