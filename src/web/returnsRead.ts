/**
 * One return file read into the engine, for the page's worker and the add-in's pane alike: bytes in, the analysed
 * table out, or one line (both languages) saying why the file cannot be used. Never throws for a bad file: one bad
 * return must not stop the others.
 */
import { UnusableInputError, analyze, type Config } from '../core';
import { roundSheetNames, type ReturnInput } from '../core/returns';
import type { Lang } from '../core/types';
import { FileError, openWorkbook } from '../files';

export type ReturnRead = { ok: true; input: ReturnInput; sheet: string } | { ok: false; file: string; messages: Record<Lang, string> };

const MERGED_SHEETS = new Set<string>(Object.values(roundSheetNames.merged));

/** Shown for a failure that is not the file's or the engine's own (a bug): no JavaScript internals. */
const UNEXPECTED: Record<Lang, string> = {
  'zh-CN': '读取时出现意外错误，这份报送未合并',
  'en-US': 'something unexpected went wrong while reading it; this return is not merged',
};

/**
 * The sheet read is the one the CLI's merge reads: the merged table of an earlier round (合并后), else the first visible
 * sheet. Returns are short; a return that is a whole workbook of other sheets is the unit's own business.
 */
export function readReturn(file: string, bytes: Uint8Array, config: Config): ReturnRead {
  try {
    const book = openWorkbook(bytes, { fileName: file });
    const sheet = book.sheets.find((s) => MERGED_SHEETS.has(s.name)) ?? book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
    if (!sheet) return { ok: false, file, messages: { 'zh-CN': '文件中没有工作表', 'en-US': 'the file has no sheets' } };
    const { grid } = book.readSheet(sheet.name);
    return { ok: true, input: { file, analysis: analyze(grid, { config }) }, sheet: sheet.name };
  } catch (error) {
    if (error instanceof FileError || error instanceof UnusableInputError) return { ok: false, file, messages: { ...error.messages } };
    return { ok: false, file, messages: { ...UNEXPECTED } };
  }
}
