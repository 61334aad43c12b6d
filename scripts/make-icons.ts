/**
 * Draws the add-in's icon (a small table with a green header row) at the sizes the manifest names and writes PNGs.
 * Pure Node (zlib + a minimal PNG encoder) so the icons are built from code, never committed as binaries.
 *
 *   tsx scripts/make-icons.ts [outDir]      (webpack runs it before every build)
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [0x21, 0x73, 0x46, 0xff];
const GRID: Rgba = [0x8a, 0x9a, 0x90, 0xff];
const PAPER: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels (row after row) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The table glyph: a framed sheet, a green header band, three columns and four body rows. */
export function drawTableIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const put = (x: number, y: number, colour: Rgba) => pixels.set(colour, (y * size + x) * 4);
  const margin = Math.max(1, Math.round(size * 0.08));
  const line = Math.max(1, Math.round(size / 32));
  const left = margin;
  const right = size - margin - 1;
  const top = margin + Math.round(size * 0.04);
  const bottom = size - margin - 1 - Math.round(size * 0.04);
  const headerBottom = top + Math.round((bottom - top) * 0.25);
  const columnLines = [1, 2].map((i) => left + Math.round(((right - left) * i) / 3));
  const rowLines = [1, 2, 3].map((i) => headerBottom + Math.round(((bottom - headerBottom) * i) / 4));
  const near = (v: number, at: number) => v >= at && v < at + line;

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x >= left && x <= right && y >= top && y <= bottom;
      if (!inside) {
        put(x, y, CLEAR);
        continue;
      }
      const frame = x < left + line || x > right - line || y < top + line || y > bottom - line;
      if (frame || y <= headerBottom) put(x, y, GREEN);
      else if (columnLines.some((c) => near(x, c)) || rowLines.some((r) => near(y, r))) put(x, y, GRID);
      else put(x, y, PAPER);
    }
  }
  return pixels;
}

/** Writes icon-<size>.png for every manifest size into `outDir`; returns the files written. */
export function writeIcons(outDir: string, sizes: readonly number[] = ICON_SIZES): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return sizes.map((size) => {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawTableIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  for (const file of writeIcons(outDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
