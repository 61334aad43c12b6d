import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { CliError } from '../errors';
import { installLinearMerges } from './linearMerges';

/** Compound-file (OLE2) signature: an encrypted .xlsx or an Excel 97-2003 .xls. */
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buffer: Uint8Array, signature: number[]): boolean {
  return buffer.length >= signature.length && signature.every((byte, i) => buffer[i] === byte);
}

export interface OpenedWorkbook {
  workbook: Workbook;
  /** The file as read: the package `fix` and `summarize` copy their output from. */
  bytes: Buffer;
}

/** Read an .xlsx file, turning every way it can be unusable into a one-line reason. */
export async function openWorkbook(file: string): Promise<OpenedWorkbook> {
  const name = path.basename(file);
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('file-missing', { 'zh-CN': `找不到文件：${file}`, 'en-US': `file not found: ${file}` });
    if (code === 'EISDIR') throw new CliError('not-a-file', { 'zh-CN': `这是文件夹，不是文件：${file}`, 'en-US': `${file} is a folder, not a file` });
    throw new CliError('unreadable', { 'zh-CN': `无法读取文件 ${file}（${code ?? '未知原因'}）`, 'en-US': `cannot read ${file} (${code ?? 'unknown reason'})` });
  }
  if (buffer.length === 0) {
    throw new CliError('empty-file', { 'zh-CN': `${name} 是空文件（0 字节）`, 'en-US': `${name} is empty (0 bytes)` });
  }
  if (startsWith(buffer, OLE2_SIGNATURE)) {
    throw new CliError('encrypted-or-xls', {
      'zh-CN': `${name} 设有打开密码，或是旧版 .xls 文件：请在 Excel 中取消密码或另存为 .xlsx 后再试`,
      'en-US': `${name} is password-protected or an old .xls file: remove the password or save it as .xlsx in Excel, then try again`,
    });
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) {
    throw new CliError('not-xlsx', {
      'zh-CN': `${name} 不是 .xlsx 工作簿（可能是文本、CSV 或其他格式的文件）`,
      'en-US': `${name} is not an .xlsx workbook (it may be text, CSV or another format)`,
    });
  }
  installLinearMerges();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch (error) {
    throw new CliError('corrupt', {
      'zh-CN': `${name} 已损坏，无法作为 .xlsx 读取（${oneLine(error)}）`,
      'en-US': `${name} is damaged and cannot be read as .xlsx (${oneLine(error)})`,
    });
  }
  if (workbook.worksheets.length === 0) {
    throw new CliError('no-sheets', { 'zh-CN': `${name} 中没有工作表`, 'en-US': `${name} has no worksheets` });
  }
  return { workbook, bytes: buffer };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 200);
}

/** The sheet to read: the one named (exactly, else ignoring case, as Excel does), or the first visible sheet. */
export function pickWorksheet(workbook: Workbook, sheet: string | null, file: string): Worksheet {
  const sheets = workbook.worksheets;
  if (sheet === null) return sheets.find((ws) => ws.state === 'visible' || ws.state === undefined) ?? sheets[0];
  const found = sheets.find((ws) => ws.name === sheet) ?? sheets.find((ws) => ws.name.toLowerCase() === sheet.toLowerCase());
  if (found) return found;
  const names = sheets.map((ws) => ws.name);
  throw new CliError('sheet-missing', {
    'zh-CN': `${path.basename(file)} 中没有工作表“${sheet}”（现有：${names.join('、')}）`,
    'en-US': `${path.basename(file)} has no sheet "${sheet}" (sheets: ${names.join(', ')})`,
  });
}
