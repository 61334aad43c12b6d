/**
 * The CLI's side of reading: bytes from disk (fs stays here), the file layer for everything about formats, and
 * LibreOffice for a real binary .xls when it is installed.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileError, openWorkbook } from '../files';
import { openTableFile } from '../files/docx/openTableFile';
import type { OpenedWorkbook } from '../files';
import { CliError } from './errors';
import type { CliIO } from './io';
import { nodeZip } from './nativeZlib';

export interface InputWorkbook {
  bytes: Uint8Array;
  book: OpenedWorkbook;
  /** The bytes came from LibreOffice converting a binary .xls: there is no original package to add sheets to. */
  converted: boolean;
}

export function fromFileError(error: unknown): never {
  if (error instanceof FileError) throw new CliError(error.code, error.messages);
  throw error;
}

export async function readInputBytes(file: string): Promise<Uint8Array> {
  try {
    const buffer = await fs.readFile(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('file-missing', { 'zh-CN': `找不到文件：${file}`, 'en-US': `file not found: ${file}` });
    if (code === 'EISDIR') throw new CliError('not-a-file', { 'zh-CN': `这是文件夹，不是文件：${file}`, 'en-US': `${file} is a folder, not a file` });
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CliError('unreadable', { 'zh-CN': `没有读取 ${file} 的权限：请检查文件权限`, 'en-US': `no permission to read ${file}: check the file's permissions` });
    }
    throw new CliError('unreadable', { 'zh-CN': `无法读取文件 ${file}`, 'en-US': `cannot read ${file}` });
  }
}

function findOnPath(command: string): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Convert a binary .xls with LibreOffice (headless) into .xlsx bytes; null when LibreOffice is not installed. */
async function convertWithLibreOffice(file: string, io: CliIO, lang: 'zh-CN' | 'en-US'): Promise<Uint8Array | null> {
  const soffice = findOnPath('soffice') ?? findOnPath('libreoffice');
  if (soffice === null) return null;
  io.stderr(
    lang === 'en-US'
      ? `report-tables: ${path.basename(file)} is an Excel 97-2003 workbook; converting it with LibreOffice (${soffice})\n`
      : `report-tables：${path.basename(file)} 是 Excel 97-2003 工作簿，正在用 LibreOffice 转换（${soffice}）\n`,
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-tables-xls-'));
  try {
    const copy = path.join(dir, 'input.xls');
    await fs.copyFile(file, copy);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', dir, copy],
        { timeout: 120000 },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    const out = await fs.readFile(path.join(dir, 'input.xlsx'));
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    throw new CliError('xls-convert-failed', {
      'zh-CN': `LibreOffice 无法转换 ${path.basename(file)}：请在 Excel 或 WPS 中“另存为” .xlsx 后再试`,
      'en-US': `LibreOffice could not convert ${path.basename(file)}: use Save As .xlsx in Excel or WPS, then try again`,
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function readInput(file: string, io: CliIO, lang: 'zh-CN' | 'en-US'): Promise<InputWorkbook> {
  const bytes = await readInputBytes(file);
  const fileName = path.basename(file);
  try {
    return { bytes, book: openTableFile(bytes, { fileName, native: nodeZip }), converted: false };
  } catch (error) {
    if (error instanceof FileError && error.code === 'xls') {
      const converted = await convertWithLibreOffice(file, io, lang);
      if (converted) {
        try {
          return { bytes: converted, book: openWorkbook(converted, { fileName, native: nodeZip }), converted: true };
        } catch (again) {
          return fromFileError(again);
        }
      }
    }
    return fromFileError(error);
  }
}
