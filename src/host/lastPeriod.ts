/**
 * Last period's file as the engine reads it, for the comparison every front end offers (the add-in and WPS read it in
 * the pane, the web page in its worker): bytes in through the file layer, the first sheet holding a task table
 * (visible sheets first — a file may open on a cover or summary sheet). A file or sheet that cannot be used ends in
 * one HostError whose sentence names the file, in both languages.
 */
import { UnusableInputError, analyze, type Analysis, type Config } from '../core';
import type { Lang } from '../core/types';
import { FileError, openWorkbook } from '../files';
import { HostError } from './index';

function unreadable(file: string, reason: Record<Lang, string>): HostError {
  return new HostError('last-period-unreadable', {
    'zh-CN': `无法读取上期的表格 ${file}：${reason['zh-CN']}`,
    'en-US': `Cannot read last period's table ${file}: ${reason['en-US']}`,
  });
}

export function readLastPeriod(file: string, bytes: Uint8Array, config: Config): Analysis {
  let firstProblem: Record<Lang, string> | null = null;
  try {
    const workbook = openWorkbook(bytes, { fileName: file });
    const sheets = [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)];
    for (const sheet of sheets) {
      try {
        const analysis = analyze(workbook.readSheet(sheet.name).grid, { config });
        if (analysis.table.records.length > 0) return analysis;
      } catch (error) {
        if (!(error instanceof UnusableInputError)) throw error;
        firstProblem ??= error.messages;
      }
    }
  } catch (error) {
    if (error instanceof FileError) throw unreadable(file, error.messages);
    throw error;
  }
  throw unreadable(file, firstProblem ?? { 'zh-CN': '文件中没有读出任务表格。', 'en-US': 'no task table was found in the file.' });
}
