import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { crc32, drawTableIcon, encodePng, writeIcons } from '../../scripts/make-icons';

interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

/** Reads back what encodePng writes (8-bit RGBA, filter 0), checking every chunk's CRC on the way. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    expect(file.readUInt32BE(offset + 8 + length)).toBe(crc32(file.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9];
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  return { width, height, colourType, pixels };
}

test('crc32 matches the PNG specification’s check value', () => {
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
});

test('writes a valid RGBA PNG per manifest size, with the drawn pixels', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
  try {
    const files = writeIcons(dir);
    expect(files.map((f) => path.basename(f))).toEqual(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const file of files) {
      const size = Number(/icon-(\d+)/.exec(file)?.[1]);
      const png = decodePng(fs.readFileSync(file));
      expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
      expect(png.pixels).toEqual(Buffer.from(drawTableIcon(size)));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the glyph is a table: transparent corner, green header band, white cells', () => {
  const size = 64;
  const pixels = drawTableIcon(size);
  const at = (x: number, y: number) => Array.from(pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
  expect(at(0, 0)[3]).toBe(0);
  const [r, g, b] = at(size / 2, 12);
  expect(g).toBeGreaterThan(r);
  expect(g).toBeGreaterThan(b);
  const paperPixels = Array.from({ length: size * size }, (_, i) => Array.from(pixels.subarray(i * 4, i * 4 + 4))).filter((p) =>
    p.every((v) => v === 255),
  );
  expect(paperPixels.length).toBeGreaterThan(size * size * 0.2);
});

test('encodePng refuses pixel data of the wrong size', () => {
  expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/16 bytes/);
});
