/**
 * The Word export of the repaired table. The .docx writer lives in src/files/docx (the Word issue); until it is wired
 * here the page does not offer the download (`wordExportAvailable` is false) and a request says so in words.
 */
import type { Analysis, Lang } from '../core/types';
import { HostError } from '../host';

export const wordExportAvailable = false;

export function wordExport(analysis: Analysis, lang: Lang): Promise<Uint8Array> {
  void analysis;
  void lang;
  return Promise.reject(
    new HostError('word-unavailable', { 'zh-CN': '此版本还不能导出 Word 文档。', 'en-US': 'This version cannot export a Word document yet.' }),
  );
}
