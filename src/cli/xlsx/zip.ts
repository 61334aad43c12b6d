import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

/** Offset of the end-of-central-directory record, searched from the end (it may be followed by a comment). */
function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= earliest; i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

const inflateRaw = promisify(zlib.inflateRaw);

/** One entry of a zip as it is stored: the compressed bytes are kept, so copying it changes nothing. */
export interface StoredEntry {
  kind: 'stored';
  name: string;
  /** The central-directory record, copied to the output with its offset updated. */
  central: Buffer;
  method: number;
  flags: number;
  crc: number;
  size: number;
  /** The compressed bytes (equal to the content when method is 0). */
  data: Buffer;
}

/** An entry whose content is new: compressed when the zip is written. */
export interface NewEntry {
  kind: 'new';
  name: string;
  content: Buffer;
}

export type ZipEntry = StoredEntry | NewEntry;

/** A zip the reader does not handle (zip64, encryption, a damaged directory). */
export class UnsupportedZipError extends Error {}

/**
 * The entries of a zip, from its central directory. Only what an .xlsx needs: one disk, no zip64, no encryption;
 * anything else throws UnsupportedZipError.
 */
export function readZip(zip: Buffer): StoredEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) throw new UnsupportedZipError('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const centralOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new UnsupportedZipError('zip64');
  const entries: StoredEntry[] = [];
  let cursor = centralOffset;
  for (let i = 0; i < count; i += 1) {
    if (cursor + 46 > eocd || zip.readUInt32LE(cursor) !== 0x02014b50) throw new UnsupportedZipError('damaged central directory');
    const flags = zip.readUInt16LE(cursor + 8);
    const method = zip.readUInt16LE(cursor + 10);
    const crc = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const size = zip.readUInt32LE(cursor + 24);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    if ((flags & 0x1) !== 0) throw new UnsupportedZipError('encrypted entry');
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new UnsupportedZipError('zip64');
    const central = zip.subarray(cursor, cursor + 46 + nameLength + extraLength + commentLength);
    const nameBytes = central.subarray(46, 46 + nameLength);
    cursor += central.length;
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new UnsupportedZipError('damaged local header');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) throw new UnsupportedZipError('entry beyond the end of the file');
    // Names are UTF-8 when flag bit 11 is set; .xlsx part names are ASCII either way.
    const name = nameBytes.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1');
    entries.push({ kind: 'stored', name, central, method, flags, crc, size, data: zip.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}

/** The uncompressed content of a stored entry. */
export async function entryContent(entry: StoredEntry): Promise<Buffer> {
  if (entry.method === 0) return entry.data;
  if (entry.method === 8) return inflateRaw(entry.data);
  throw new UnsupportedZipError(`compression method ${entry.method}`);
}

/**
 * Write a zip: stored entries are copied byte for byte (their compressed data and central record), new entries are
 * deflated natively, in parallel on the libuv thread pool.
 */
export async function writeZip(entries: readonly ZipEntry[], level = 6): Promise<Buffer> {
  const compressed = await Promise.all(entries.map((entry) => (entry.kind === 'new' ? deflateRaw(entry.content, { level }) : entry.data)));
  const { time, date } = dosDateTime(new Date());
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const data = compressed[i];
    let central: Buffer;
    if (entry.kind === 'stored') {
      central = Buffer.from(entry.central);
      // The sizes go in the local header, so no data descriptor follows (flag bit 3 cleared).
      central.writeUInt16LE(entry.flags & ~0x8, 8);
    } else {
      const name = Buffer.from(entry.name, 'utf8');
      central = Buffer.alloc(46 + name.length);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(/[^\x20-\x7e]/.test(entry.name) ? 0x800 : 0, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(time, 12);
      central.writeUInt16LE(date, 14);
      central.writeUInt32LE(crc32(entry.content), 16);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(entry.content.length, 24);
      central.writeUInt16LE(name.length, 28);
      name.copy(central, 46);
    }
    central.writeUInt32LE(offset, 42);
    const nameLength = central.readUInt16LE(28);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(central.readUInt16LE(6), 4);
    central.copy(local, 6, 8, 26); // flags, method, time, date, crc, sizes: as in the central record
    local.writeUInt16LE(nameLength, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, central.subarray(46, 46 + nameLength), data);
    centrals.push(central);
    offset += 30 + nameLength + data.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length > 0xfffe || offset > 0xfffffffe) throw new UnsupportedZipError('the output would need zip64');
  return Buffer.concat([...parts, directory, end]);
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

let crcTable: Uint32Array | undefined;

/** CRC-32 of the zip format: Node's native one where it exists (Node ≥ 20.15), else a table-driven one. */
export function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
