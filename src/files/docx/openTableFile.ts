/**
 * One entry for every command and page that reads a table: a workbook through the file layer's openWorkbook, a Word
 * document through the Word reader. A file named as a Word document (.docx, .doc, .wps …) goes to the Word reader
 * first, so an old .doc, a .wps or a password-protected document is refused in Word's terms (请在 Word 中另存为 .docx)
 * rather than as a workbook; a Word document under another name is still found by its content (the openWorkbook hook).
 */
import { registerDocxReader } from '../docxHook';
import { FileError } from '../errors';
import { openWorkbook } from '../open';
import type { OpenOptions, OpenedWorkbook } from '../types';
import { openDocx } from './readDocx';

const WORD_NAME = /\.(docx|docm|dotx|dotm|doc|dot|wps|wpt)$/i;

export function isWordFileName(fileName: string | undefined): boolean {
  return fileName !== undefined && WORD_NAME.test(fileName);
}

/** Put the Word reader behind openWorkbook (format 'docx'); idempotent. */
export function installDocxReader(): void {
  registerDocxReader((bytes) => openDocx(bytes));
}

/** Open a workbook or a Word document; every failure is a FileError with both languages. */
export function openTableFile(bytes: Uint8Array, options: OpenOptions = {}): OpenedWorkbook {
  installDocxReader();
  if (!isWordFileName(options.fileName)) return openWorkbook(bytes, options);
  try {
    return openDocx(bytes, options);
  } catch (error) {
    // Named like openWorkbook's refusals: "汇总表.doc：这是旧版 Word 文档…".
    if (!(error instanceof FileError) || !options.fileName) throw error;
    throw new FileError(error.code, { 'zh-CN': `${options.fileName}：${error.messages['zh-CN']}`, 'en-US': `${options.fileName}: ${error.messages['en-US']}` });
  }
}

/** What `fix` says on stderr when its input is a Word document. */
export const DOCX_FIX_NOTE = {
  'zh-CN': '输入是 Word 文档：整理结果写成新的 .xlsx 工作簿（每项一行），原文档不变',
  'en-US': 'the input is a Word document: the repaired table is written as a new .xlsx workbook (one row per record); the document is unchanged',
} as const;
