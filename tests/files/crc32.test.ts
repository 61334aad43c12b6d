/**
 * The checksum written for every part copied unchanged into an output: Excel, openpyxl (Python's zipfile) and
 * LibreOffice refuse a part whose CRC-32 does not match, so it must agree with zlib's for any length and any split.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { CRC32_START, crc32, crc32Finish, crc32Update } from '../../src/files/zip/crc32';

describe('crc32', () => {
  it('agrees with zlib on any bytes, whole or fed in pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        const pieces = crc32Finish(crc32Update(crc32Update(CRC32_START, bytes.subarray(0, at)), bytes.subarray(at)));
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
        expect(pieces).toBe(zlibCrc32(bytes));
      }),
    );
  });
});
