import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * Recompress a zip whose entries are all stored (uncompressed) with Node's native deflate.
 *
 * exceljs compresses with a JavaScript deflate that takes longer than writing the sheets themselves on a large
 * workbook; asking it for a stored zip and deflating here gives the same .xlsx several times faster. Only what a
 * stored zip from exceljs holds is handled (no zip64, no encryption); anything else is returned unchanged.
 * Entries are deflated on the libuv thread pool, so the sheets of a workbook compress in parallel.
 */
export async function deflateStoredZip(input: Uint8Array, level = 6): Promise<Buffer> {
  const zip = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  const centralSize = zip.readUInt32LE(eocd + 12);
  const centralOffset = zip.readUInt32LE(eocd + 16);
  if (centralOffset + centralSize > eocd) return zip;

  const found: Array<{ central: Buffer; localOffset: number; flags: number; crc: number; size: number; name: Buffer; data: Buffer }> = [];
  let cursor = centralOffset;
  for (let i = 0; i < entries; i += 1) {
    if (zip.readUInt32LE(cursor) !== 0x02014b50) return zip;
    const flags = zip.readUInt16LE(cursor + 8);
    const method = zip.readUInt16LE(cursor + 10);
    const crc = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const size = zip.readUInt32LE(cursor + 24);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const central = zip.subarray(cursor, cursor + 46 + nameLength + extraLength + commentLength);
    cursor += central.length;
    if (method !== 0 || (flags & 0x1) !== 0 || compressedSize !== size) return zip;

    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const name = zip.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    found.push({ central, localOffset, flags, crc, size, name, data: zip.subarray(dataStart, dataStart + size) });
  }
  const compressedData = await Promise.all(found.map((entry) => deflateRaw(entry.data, { level })));

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [i, { central, localOffset, flags, crc, size, name }] of found.entries()) {
    const compressed = compressedData[i];

    // Sizes go in the local header, so no data descriptor follows (flag bit 3 cleared).
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags & ~0x8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zip.readUInt32LE(localOffset + 10), 10); // DOS time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const newCentral = Buffer.from(central);
    newCentral.writeUInt16LE(20, 6);
    newCentral.writeUInt16LE(flags & ~0x8, 8);
    newCentral.writeUInt16LE(8, 10);
    newCentral.writeUInt32LE(compressed.length, 20);
    newCentral.writeUInt32LE(offset, 42);
    centrals.push(newCentral);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(eocd, zip.length));
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Offset of the end-of-central-directory record, searched from the end (it may be followed by a comment). */
function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= earliest; i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
