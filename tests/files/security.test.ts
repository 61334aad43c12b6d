/** Hostile and broken files: zip bombs, DOCTYPE and entities, entry names that point elsewhere, duplicates, truncation. */
import { Zip, ZipDeflate, deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { FileError, openWorkbook, writeSheets } from '../../src/files';
import { nodeInflateRaw, nodeZip } from '../../src/cli/nativeZlib';
import { crc32 } from '../../src/files/zip/crc32';
import { HEAD, MAIN, sheetData, workbookParts, zip } from './support/build';

function fileErrorOf(action: () => unknown): FileError {
  try {
    action();
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

const table = sheetData([[['A1', '序号'], ['B1', '工作任务']], [['A2', 1], ['B2', '推进建设']]]);
const summary = { name: '汇总', columns: ['a'], rows: [['b']], widths: [] };

/** Set the uncompressed size a zip's headers declare for an entry (a lying directory). */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let i = 0; i + 46 < out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === encoded.length && Buffer.from(out.subarray(i + 30, i + 30 + encoded.length)).equals(Buffer.from(encoded))) {
      view.setUint32(i + 22, size, true);
    }
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === encoded.length && Buffer.from(out.subarray(i + 46, i + 46 + encoded.length)).equals(Buffer.from(encoded))) {
      view.setUint32(i + 24, size, true);
    }
  }
  return out;
}

describe('limits against zip bombs', () => {
  const bomb = (): Uint8Array => {
    const parts = workbookParts([{ name: '表1', xml: table }]);
    // 64 MB of spaces inside the sheet: well-formed, and 1000:1 compressible.
    const sheet = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    sheet.set(strToU8(`${HEAD}<worksheet xmlns="${MAIN}">`));
    const files: Record<string, Uint8Array> = {};
    for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
    files['xl/worksheets/sheet1.xml'] = sheet;
    return zipSync(files, { level: 9 });
  };
  let bombBytes: Uint8Array;
  beforeAll(() => {
    bombBytes = bomb();
  });

  it('refuses an entry whose declared size is far beyond its compressed size, before inflating anything', () => {
    expect(bombBytes.length).toBeLessThan(1024 * 1024);
    expect(fileErrorOf(() => openWorkbook(bombBytes)).code).toBe('zip-too-large');
  });

  it('refuses it while inflating when the directory lies about the size', () => {
    const lying = declareSize(bombBytes, 'xl/worksheets/sheet1.xml', 1000);
    const error = fileErrorOf(() => openWorkbook(lying).readSheet('表1'));
    expect(error.code).toBe('zip-too-large');
    expect(error.messages['zh-CN']).toMatch(/过大/);
  });

  it('with a host\'s native inflate (the CLI\'s zlib), refuses the lying bomb the same way and in bounded memory', () => {
    // zlib may produce no more than the 1000 bytes declared; past them the streaming inflater takes over and says why.
    const lying = declareSize(bombBytes, 'xl/worksheets/sheet1.xml', 1000);
    const calls: number[] = [];
    const inflateRaw = (raw: Uint8Array, maxOutput: number): Uint8Array => {
      calls.push(maxOutput);
      return nodeInflateRaw(raw, maxOutput);
    };
    expect(fileErrorOf(() => openWorkbook(lying, { native: { inflateRaw } }).readSheet('表1')).code).toBe('zip-too-large');
    expect(Math.max(...calls)).toBeLessThanOrEqual(1000);
  });

  it('reads a large sheet through a host\'s native inflate exactly as through fflate', () => {
    const input = zip(workbookParts([{ name: '表1', xml: sheetData([[['A1', '序号'], ['B1', '工作任务']], ...Array.from({ length: 30000 }, (_, i): Array<[string, string | number]> => [[`A${i + 2}`, i + 1], [`B${i + 2}`, `推进第${i + 1}项建设`]])]) }]));
    let used = 0;
    const inflateRaw = (raw: Uint8Array, maxOutput: number): Uint8Array => {
      used += 1;
      return nodeInflateRaw(raw, maxOutput);
    };
    const native = openWorkbook(input, { native: { inflateRaw } }).readSheet('表1').grid.values;
    expect(used).toBeGreaterThan(0);
    expect(native).toEqual(openWorkbook(input).readSheet('表1').grid.values);
    // Over a megabyte of XML: past the size below which the inflation ratio is not checked.
    expect(native[30000]).toEqual([30000, '推进第30000项建设']);
    // The checksum remembered while reading is the one a copied part is written with: zlib's must be ours.
    const sheetXml = unzipSync(input)['xl/worksheets/sheet1.xml'];
    expect(nodeZip.crc32?.(sheetXml)).toBe(crc32(sheetXml));
  });

  it('applies limits the caller sets', () => {
    const input = zip(workbookParts([{ name: '表1', xml: table }]));
    expect(fileErrorOf(() => openWorkbook(input, { limits: { maxEntryBytes: 100 } })).code).toBe('zip-too-large');
    expect(fileErrorOf(() => openWorkbook(input, { limits: { maxEntries: 2 } })).code).toBe('zip-too-large');
    expect(openWorkbook(input, { limits: { maxEntryBytes: 10000 } }).readSheet('表1').grid.values[1]).toEqual([1, '推进建设']);
  });
});

describe('DOCTYPE and entities', () => {
  it('refuses a DOCTYPE in a part read as DOM (the workbook)', () => {
    const parts = workbookParts([{ name: '表1', xml: table }]);
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace(HEAD, `${HEAD}<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>`);
    expect(fileErrorOf(() => openWorkbook(zip(parts))).code).toBe('xml-doctype');
  });

  it('refuses a DOCTYPE in a streamed part (billion laughs in the shared strings)', () => {
    const laughs = '<!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const parts = workbookParts([{ name: '表1', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }], { sharedStrings: ['x'] });
    parts['xl/sharedStrings.xml'] = `${HEAD}${laughs}<sst xmlns="${MAIN}"><si><t>&c;</t></si></sst>`;
    expect(fileErrorOf(() => openWorkbook(zip(parts)).readSheet('表1')).code).toBe('xml-doctype');
    parts['xl/worksheets/sheet1.xml'] = `${HEAD}<!DOCTYPE worksheet><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
    expect(fileErrorOf(() => openWorkbook(zip(parts)).readSheet('表1')).code).toBe('xml-doctype');
  });
});

describe('entry names and duplicates', () => {
  it('never copies entries named with "..", an absolute path or a backslash into an output, and says so', () => {
    const parts = workbookParts([{ name: '表1', xml: table }]);
    const files: Record<string, Uint8Array> = {};
    for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
    files['../../evil.sh'] = strToU8('rm -rf /');
    files['/etc/cron.d/evil'] = strToU8('x');
    files['xl\\..\\..\\evil.bat'] = strToU8('x');
    const input = zipSync(files);
    const book = openWorkbook(input);
    expect(book.warnings?.map((w) => w.code)).toContain('zip-unsafe-name');
    expect(book.readSheet('表1').grid.values[1]).toEqual([1, '推进建设']);
    const names = Object.keys(unzipSync(writeSheets(input, [summary])));
    expect(names.filter((n) => n.includes('evil'))).toEqual([]);
  });

  it('uses the first of two entries with the same name and writes only one', () => {
    const parts = workbookParts([{ name: '表1', xml: table }]);
    const chunks: Uint8Array[] = [];
    const z = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const add = (name: string, content: string): void => {
      const f = new ZipDeflate(name);
      z.add(f);
      f.push(strToU8(content), true);
    };
    for (const [name, content] of Object.entries(parts)) add(name, content as string);
    add('xl/worksheets/sheet1.xml', `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row></sheetData></worksheet>`);
    z.end();
    const input = Buffer.concat(chunks);
    const book = openWorkbook(input);
    expect(book.warnings?.map((w) => w.code)).toContain('zip-duplicate-name');
    expect(book.readSheet('表1').grid.values[0]).toEqual(['序号', '工作任务']);
    const output = writeSheets(input, [summary]);
    let count = 0;
    unzipSync(output, {
      filter: (info) => {
        if (info.name === 'xl/worksheets/sheet1.xml') count += 1;
        return false;
      },
    });
    expect(count).toBe(1);
  });
});

describe('broken files', () => {
  it('an empty file, an empty zip, a truncated zip, a damaged part: one clear reason each', () => {
    expect(fileErrorOf(() => openWorkbook(new Uint8Array(0))).code).toBe('empty-file');
    expect(fileErrorOf(() => openWorkbook(zipSync({}))).code).toBe('zip-empty');
    const good = zip(workbookParts([{ name: '表1', xml: table }]));
    expect(fileErrorOf(() => openWorkbook(good.subarray(0, Math.floor(good.length / 2)))).code).toBe('zip-damaged');
    const parts = workbookParts([{ name: '表1', xml: table }]);
    parts['xl/worksheets/sheet1.xml'] = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row>`;
    const error = fileErrorOf(() => openWorkbook(zip(parts)).readSheet('表1'));
    expect(error.code).toBe('xml-damaged');
    expect(error.messages['zh-CN']).not.toMatch(/Error|undefined|at /);
  });

  it('a deflate stream that is not one is damaged, not a crash', () => {
    const files = { 'a.xml': strToU8('<a/>') };
    const good = zipSync(files);
    const bad = good.slice();
    // Corrupt the compressed data of the only entry.
    bad.set(deflateSync(strToU8('x')).map((b) => b ^ 0xff), 30 + 'a.xml'.length);
    expect(['zip-damaged', 'not-workbook']).toContain(fileErrorOf(() => openWorkbook(bad)).code);
    expect(['zip-damaged', 'not-workbook']).toContain(fileErrorOf(() => openWorkbook(bad, { native: nodeZip })).code);
  });

  it('a cell longer than 32,767 characters is read with a warning', () => {
    const long = '长'.repeat(40000);
    const result = openWorkbook(zip(workbookParts([{ name: '表1', xml: sheetData([[['A1', long]]]) }]))).readSheet('表1');
    expect(result.grid.values[0][0]).toBe(long);
    expect(result.warnings.map((w) => w.code)).toContain('cell-too-long');
  });
});
