/**
 * CRC-32 (IEEE) of a part's content. fflate computes it for what it compresses itself, but an untouched part is
 * copied as its original compressed bytes, and the header fflate writes for it needs the checksum of the content.
 */
let tables: Uint32Array | undefined;

/** Eight 256-entry tables (slicing-by-8): a large sheet's 15 MB are checksummed eight bytes per step. */
function crcTables(): Uint32Array {
  if (tables) return tables;
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n += 1) {
    for (let k = 1; k < 8; k += 1) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  }
  tables = t;
  return t;
}

export function crc32(data: Uint8Array): number {
  return crc32Finish(crc32Update(CRC32_START, data));
}

export const CRC32_START = 0xffffffff;

/** Continue a running checksum over the next piece of content (start with CRC32_START, end with crc32Finish). */
export function crc32Update(crc: number, data: Uint8Array): number {
  const t = crcTables();
  let c = crc;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const lo = (c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24))) >>> 0;
    c =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i += 1) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

export function crc32Finish(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}
