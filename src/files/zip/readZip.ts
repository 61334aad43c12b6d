/**
 * The zip container, through fflate only. The central directory (fflate's unzipSync with a filter that extracts
 * nothing) gives names and declared sizes, checked against the limits before anything is inflated; the entries' stored
 * bytes come from fflate's streaming Unzip with a decoder that hands them over still compressed, so a part we do not
 * touch can be written back byte for byte, and a part we read is inflated with a running count that stops a zip bomb
 * after the first few kilobytes that exceed the ratio.
 */
import { Inflate, Unzip, unzipSync } from 'fflate';
import type { AsyncFlateStreamHandler, UnzipDecoder, UnzipFileInfo } from 'fflate';
import { fileError } from '../errors';
import { RATIO_FREE_BYTES } from '../limits';
import { CRC32_START, crc32Finish, crc32Update } from './crc32';
import type { FileWarning, InflateRaw, Limits, NativeZip } from '../types';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  compression: number;
  /** The entry's bytes as stored in the archive (deflated when compression is 8). */
  raw: Uint8Array;
  /** Decompressed size the central directory declares. */
  size: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** Entry names in archive order. */
  order: string[];
  warnings: FileWarning[];
  limits: Limits;
  /** The host's inflate and checksum, when it offers them (see OpenOptions). */
  inflateRaw?: InflateRaw;
  crc32?: (data: Uint8Array) => number;
  /** Decompressed bytes handed out so far, against limits.maxTotalBytes. */
  inflated: { bytes: number };
}

const ZIP_SIGNATURE = [0x50, 0x4b];

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === ZIP_SIGNATURE[0] && bytes[1] === ZIP_SIGNATURE[1] && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

function damaged(): Error {
  return fileError(
    'zip-damaged',
    '文件已损坏或不完整（压缩包无法读取）：请重新下载或从 Excel 重新保存',
    'the file is damaged or incomplete (the zip cannot be read): download it again or save it again from Excel',
  );
}

function bomb(): Error {
  return fileError(
    'zip-too-large',
    '文件解压后过大，疑似恶意压缩包，已拒绝读取',
    'the file would decompress to far more than a workbook holds (a zip bomb?); refused',
  );
}

/** A name that could mean a place outside the package if anyone ever used it as a path. */
export function unsafeEntryName(name: string): boolean {
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\0')) return true;
  return name.split('/').some((segment) => segment === '..' || segment === '.');
}

/** Hands over an entry's stored bytes without inflating them. */
function rawDecoder(compression: number) {
  return class RawDecoder implements UnzipDecoder {
    static compression = compression;
    ondata: AsyncFlateStreamHandler = () => undefined;
    push(chunk: Uint8Array, final: boolean): void {
      // fflate types its chunks as backed by an ArrayBuffer; these are views of the input, which is.
      this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
    }
  };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function readZip(bytes: Uint8Array, limits: Limits, native: NativeZip = {}): ZipArchive {
  const directory: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        directory.push(info);
        return false;
      },
    });
  } catch {
    throw damaged();
  }
  if (directory.length === 0) {
    throw fileError('zip-empty', '压缩包里没有任何内容，不是工作簿', 'the zip holds nothing: it is not a workbook');
  }
  if (directory.length > limits.maxEntries) throw bomb();
  let declared = 0;
  for (const info of directory) {
    declared += info.originalSize;
    if (info.originalSize > limits.maxEntryBytes || declared > limits.maxTotalBytes) throw bomb();
    if (info.originalSize > RATIO_FREE_BYTES && info.originalSize > info.size * limits.maxRatio) throw bomb();
  }

  const warnings: FileWarning[] = [];
  const entries = new Map<string, ZipEntry>();
  const order: string[] = [];
  const declaredByName = new Map<string, UnzipFileInfo>();
  for (const info of directory) if (!declaredByName.has(info.name)) declaredByName.set(info.name, info);
  const dropped = { unsafe: 0, duplicate: 0 };
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw damaged();
      if (chunk.length > 0) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (!final) return;
      const name = file.name;
      if (name.endsWith('/')) return;
      if (unsafeEntryName(name)) {
        dropped.unsafe += 1;
        return;
      }
      if (entries.has(name)) {
        dropped.duplicate += 1;
        return;
      }
      const info = declaredByName.get(name);
      entries.set(name, { name, compression: file.compression, raw: concat(chunks, length), size: info?.originalSize ?? file.originalSize ?? 0 });
      order.push(name);
    };
    if (file.compression !== 0 && file.compression !== 8) {
      throw fileError('zip-method', '文件使用了不支持的压缩方式：请在 Excel 中重新保存', 'the file uses a compression method Excel does not write: save it again in Excel');
    }
    file.start();
  });
  unzip.register(rawDecoder(0));
  unzip.register(rawDecoder(8));
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof Error && error.name === 'FileError') throw error;
    throw damaged();
  }
  if (dropped.unsafe > 0) {
    warnings.push({
      code: 'zip-unsafe-name',
      messages: {
        'zh-CN': `忽略了 ${dropped.unsafe} 个名称可疑的压缩包条目（含“..”或绝对路径），不会写入输出文件`,
        'en-US': `ignored ${dropped.unsafe} zip entries with unsafe names (".." or absolute paths); they are not copied into any output`,
      },
    });
  }
  if (dropped.duplicate > 0) {
    warnings.push({
      code: 'zip-duplicate-name',
      messages: {
        'zh-CN': `压缩包中有 ${dropped.duplicate} 个重名条目，只使用第一个`,
        'en-US': `the zip holds ${dropped.duplicate} duplicate entries; only the first of each is used`,
      },
    });
  }
  return { entries, order, warnings, limits, inflateRaw: native.inflateRaw, crc32: native.crc32, inflated: { bytes: 0 } };
}

/**
 * Input pushed into the inflater at a time. Ordinary sheet XML inflates about 10:1, so large steps keep it fast; a
 * stream that inflates far better than that is fed in small steps, so a bomb is noticed after a few megabytes.
 */
const LARGE_STEP = 64 * 1024;
const SMALL_STEP = 1024;
const SUSPICIOUS_RATIO = 50;

/**
 * Checksums of entries already inflated, by the stored bytes they came from: the CLI reads a sheet, then writes the
 * same package, and copying that sheet needs its checksum — computed once, while it was read.
 */
const knownChecksums = new WeakMap<ArrayBufferLike, Map<number, { length: number; crc: number; size: number }>>();

export function knownChecksum(entry: ZipEntry): { crc: number; size: number } | null {
  const found = knownChecksums.get(entry.raw.buffer)?.get(entry.raw.byteOffset);
  return found && found.length === entry.raw.length ? found : null;
}

function rememberChecksum(entry: ZipEntry, crc: number, size: number): void {
  let map = knownChecksums.get(entry.raw.buffer);
  if (!map) {
    map = new Map();
    knownChecksums.set(entry.raw.buffer, map);
  }
  map.set(entry.raw.byteOffset, { length: entry.raw.length, crc, size });
}

/** Inflate an entry piece by piece, counting every byte against the entry and archive limits. */
export function inflateEntry(archive: ZipArchive, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const whole = inflateWhole(archive, entry);
  if (whole !== null) {
    const crc = archive.crc32 ? archive.crc32(whole) : crc32Finish(crc32Update(CRC32_START, whole));
    for (let at = 0; at < whole.length; at += PIECE) onChunk(whole.subarray(at, Math.min(whole.length, at + PIECE)));
    rememberChecksum(entry, crc, whole.length);
    return;
  }
  let crc = CRC32_START;
  let size = 0;
  const checked = (chunk: Uint8Array): void => {
    crc = crc32Update(crc, chunk);
    size += chunk.length;
    onChunk(chunk);
  };
  inflateRaw(archive, entry, checked);
  rememberChecksum(entry, crc32Finish(crc), size);
}

function inflateRaw(archive: ZipArchive, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const { limits, inflated } = archive;
  let produced = 0;
  let consumed = 0;
  const count = (length: number): void => {
    produced += length;
    inflated.bytes += length;
    if (produced > limits.maxEntryBytes || inflated.bytes > limits.maxTotalBytes) throw bomb();
    if (produced > RATIO_FREE_BYTES && produced > Math.max(consumed, 1) * limits.maxRatio) throw bomb();
  };
  if (entry.compression === 0) {
    consumed = entry.raw.length;
    count(entry.raw.length);
    onChunk(entry.raw);
    return;
  }
  const inflater = new Inflate((chunk) => {
    count(chunk.length);
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    const raw = entry.raw;
    if (raw.length === 0) {
      inflater.push(new Uint8Array(0), true);
      return;
    }
    let at = 0;
    while (at < raw.length) {
      const step = consumed > 0 && produced < consumed * SUSPICIOUS_RATIO ? LARGE_STEP : SMALL_STEP;
      const end = Math.min(raw.length, at + step);
      consumed = end;
      inflater.push(raw.subarray(at, end), end === raw.length);
      at = end;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'FileError') throw error;
    throw damaged();
  }
}

/** Pieces of a part inflated whole, handed on as the streaming inflater hands them (the XML reader decodes as it goes). */
const PIECE = 256 * 1024;

/**
 * The host's inflate, for an entry whose declared size is plausible (inflating no more than SUSPICIOUS_RATIO times its
 * stored bytes, within the limits): it may produce exactly that many bytes, so memory stays what the directory
 * declared. Null when it cannot be used or its output is not the declared size (a size that lies, a damaged stream):
 * the streaming inflater then reads the entry and says what is wrong with it.
 */
function inflateWhole(archive: ZipArchive, entry: ZipEntry): Uint8Array | null {
  const { inflateRaw, limits, inflated } = archive;
  if (!inflateRaw || entry.compression !== 8 || entry.size <= 0 || entry.size > entry.raw.length * SUSPICIOUS_RATIO) return null;
  if (entry.size > limits.maxEntryBytes || inflated.bytes + entry.size > limits.maxTotalBytes) return null;
  let whole: Uint8Array;
  try {
    whole = inflateRaw(entry.raw, entry.size);
  } catch {
    return null;
  }
  if (whole.length !== entry.size) return null;
  inflated.bytes += whole.length;
  return whole;
}

export function entryBytes(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  inflateEntry(archive, entry, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  return concat(chunks, length);
}
