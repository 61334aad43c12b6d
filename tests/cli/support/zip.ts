/** Zip helpers for building and inspecting test packages: fflate, independent of the file layer under test. */
import { unzipSync, zipSync } from 'fflate';

export interface ZipEntry {
  kind?: 'new' | 'stored';
  name: string;
  /** Content of an entry read from a zip. */
  data?: Buffer;
  /** Content of an entry to write. */
  content?: Buffer;
}

export function readZip(bytes: Uint8Array): Array<ZipEntry & { data: Buffer }> {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ kind: 'stored' as const, name, data: Buffer.from(data) }));
}

export async function entryContent(entry: ZipEntry): Promise<Buffer> {
  return entry.content ?? entry.data ?? Buffer.alloc(0);
}

export async function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) files[entry.name] = new Uint8Array(entry.content ?? entry.data ?? Buffer.alloc(0));
  return Buffer.from(zipSync(files));
}
