/**
 * Hostile and broken inputs, built by code from a sound workbook: what a clerk's mailbox or a hostile sender brings.
 * Each is small on disk; the zip bomb inflates to a gigabyte but is generated from one compressed chunk repeated.
 */
import { crc32 } from 'node:zlib';
import { XMLSerializer } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { Deflate, Zip, ZipDeflate, strToU8, type ZipInputFile } from 'fflate';
import * as XLSX from 'xlsx';
import { concat, mainPartName, parseXml, readPackage, streamZip, type Parts } from './ooxmlPackage';
import { firstSheetPart } from './transforms';

export function truncated(bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length / 2));
}

/** What Excel writes for a password-protected workbook: a compound file holding the encrypted package. */
export function encryptedLooking(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '\u0006DataSpaces/Version', new Uint8Array(76));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Uint8Array(120)]));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096).map((_, i) => (i * 131) & 0xff));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'cfb' }) as ArrayLike<number>);
}

/** One part serialized with a DOCTYPE in front and `entity` referenced where `token` stands (a unique attribute value). */
function withDoctype(parts: Parts, name: string, doctype: string, token: string, entity: string, place: (root: XmlElement) => void): void {
  const doc = parseXml(parts.get(name) as Uint8Array);
  const root = doc.documentElement as XmlElement;
  place(root);
  const text = new XMLSerializer().serializeToString(root);
  // A plain text substitution of a token we put there ourselves: the DOM cannot hold an undeclared entity reference.
  parts.set(name, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${doctype}\n${text.split(token).join(`&${entity};`)}`));
}

const TOKEN = 'CORPUS-ENTITY-HERE';

/** An external entity naming a local file (XXE): the sheet name would show the file's contents if it were expanded. */
export function xxe(bytes: Uint8Array, secretFile: string): Uint8Array {
  const parts = readPackage(bytes);
  const main = mainPartName(parts);
  withDoctype(parts, main, `<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`, TOKEN, 'xxe', (root) => {
    const sheet = root.getElementsByTagNameNS(root.namespaceURI, 'sheet')[0];
    sheet.setAttribute('name', TOKEN);
  });
  return streamZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
}

/** Nested entities that expand to 10^9 copies of "lol" (billion laughs), referenced in the first sheet. */
export function billionLaughs(bytes: Uint8Array): Uint8Array {
  const parts = readPackage(bytes);
  const lines = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) lines.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  withDoctype(parts, firstSheetPart(parts), `<!DOCTYPE worksheet [${lines.join('')}]>`, TOKEN, 'lol9', (root) => {
    root.setAttribute('title', TOKEN);
  });
  return streamZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
}

/**
 * A zip bomb: the first sheet part replaced by a valid sheet padded with a gigabyte of spaces inside <sheetData>,
 * deflated at about 1000:1. The deflate stream is one compressed megabyte-chunk (ended by a sync flush, so it is
 * byte-aligned and self-contained) repeated, then an empty final block: built in a second. Sizes and CRC in the zip
 * are honest (a reader can refuse it from the directory alone), or the size lies (only inflating with a bound stops it).
 */
export function zipBomb(bytes: Uint8Array, options: { megabytes?: number; lieAboutSize?: boolean } = {}): Uint8Array {
  const megabytes = options.megabytes ?? 1024;
  const parts = readPackage(bytes);
  const sheet = firstSheetPart(parts);
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  const tail = strToU8('</sheetData></worksheet>');
  const chunk = new Uint8Array(1 << 20).fill(0x20);

  const compress = (data: Uint8Array, final: boolean): Uint8Array<ArrayBuffer> => {
    const out: Uint8Array[] = [];
    const deflate = new Deflate({ level: 9 }, (c) => out.push(c));
    deflate.push(data, final);
    if (!final) deflate.flush(true);
    return concat(out);
  };
  const headBlock = compress(head, false);
  const chunkBlock = compress(chunk, false);
  const tailBlock = compress(tail, true);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const size = head.length + megabytes * chunk.length + tail.length;

  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [name, data] of parts) {
    if (name === sheet) {
      // The lying variant declares 4 KB: a reader must bound what it inflates, not trust the directory.
      const file: ZipInputFile = { filename: name, size: options.lieAboutSize ? 4096 : size, crc, compression: 8 };
      zip.add(file);
      const emit = (data: Uint8Array<ArrayBuffer>, final: boolean): void => (file.ondata as NonNullable<ZipInputFile['ondata']>)(null, data, final);
      emit(headBlock, false);
      for (let i = 0; i < megabytes; i++) emit(chunkBlock, false);
      emit(tailBlock, true);
    } else {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(data, true);
    }
  }
  zip.end();
  return concat(chunks);
}

/** Entries named "../../evil" and "/tmp/evil-absolute" beside the workbook's parts: names never to be used as paths. */
export function traversalEntries(bytes: Uint8Array): Uint8Array {
  const parts = readPackage(bytes);
  return streamZip([
    ...[...parts].map(([name, data]) => ({ name, data, deflate: true })),
    { name: '../../evil', data: strToU8('escaped the output folder'), deflate: true },
    { name: '/tmp/evil-absolute', data: strToU8('absolute entry name'), deflate: true },
  ]);
}

/** The main part twice, the second copy naming another sheet: which one a reader takes is a guess, so refuse or keep one. */
export function duplicateEntries(bytes: Uint8Array): Uint8Array {
  const parts = readPackage(bytes);
  const main = mainPartName(parts);
  const doc = parseXml(parts.get(main) as Uint8Array);
  const sheet = doc.getElementsByTagNameNS(doc.documentElement?.namespaceURI ?? null, 'sheet')[0];
  sheet.setAttribute('name', '冒名');
  return streamZip([
    ...[...parts].map(([name, data]) => ({ name, data, deflate: true })),
    { name: main, data: strToU8(new XMLSerializer().serializeToString(doc)), deflate: true },
  ]);
}
