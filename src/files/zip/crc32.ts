/**
 * CRC-32 (IEEE) of a part's content. fflate computes it for what it compresses itself, but an untouched part is
 * copied as its original compressed bytes, and the header fflate writes for it needs the checksum of the content.
 */
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32(data: Uint8Array): number {
  return crc32Finish(crc32Update(CRC32_START, data));
}

export const CRC32_START = 0xffffffff;

/** Continue a running checksum over the next piece of content (start with CRC32_START, end with crc32Finish). */
export function crc32Update(crc: number, data: Uint8Array): number {
  const t = crcTable();
  let c = crc;
  for (let i = 0; i < data.length; i += 1) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export function crc32Finish(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}
