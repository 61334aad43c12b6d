/** WPS failures turned into HostErrors in words a clerk understands, both languages, no JavaScript internals. */
import { HostError } from '../host';

type Messages = { 'zh-CN': string; 'en-US': string };

const messages = {
  'no-workbook': {
    'zh-CN': '没有打开的工作簿。请先在 WPS 表格中打开要整理的表格。',
    'en-US': 'No workbook is open. Open the table in WPS Spreadsheets first.',
  },
  'source-changed': {
    'zh-CN': '原表格在读取之后被修改过。为避免覆盖您的修改，本次没有写入任何内容。请重新读取表格后再试。',
    'en-US': 'The source table was edited after it was read. Nothing was written, so your edits are safe. Read the table again and retry.',
  },
  'source-missing': {
    'zh-CN': '找不到原来的工作表（可能已被删除或改名）。请重新选择表格并读取。',
    'en-US': 'The source sheet is gone (deleted or renamed). Select the table and read it again.',
  },
  protected: {
    'zh-CN': '工作表受保护，无法修改。请先撤销工作表保护（“审阅”›“撤销工作表保护”）再试。',
    'en-US': 'The sheet is protected and cannot be changed. Unprotect it (Review › Unprotect Sheet) and try again.',
  },
  'invalid-selection': {
    'zh-CN': '当前选中的不是单元格区域（例如选中了图片或多个不相连的区域）。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selection is not a single range of cells (a picture, or several separate areas). Select one cell of the table or the whole table.',
  },
  'empty-selection': {
    'zh-CN': '选中的区域里没有内容。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selected range is empty. Select one cell of the table or the whole table.',
  },
  'target-not-empty': {
    'zh-CN': '整理后的表格比原区域大，会覆盖原区域右侧或下方已有的内容。请改用“写入新工作表”，或先腾出空间。',
    'en-US': 'The repaired table is larger than the source range and would overwrite cells to its right or below. Write to a new sheet instead, or make room first.',
  },
  'wps-error': {
    'zh-CN': 'WPS 表格拒绝了这项操作。请确认没有单元格正处于编辑状态（按 Enter 或 Esc 结束编辑），然后再试。',
    'en-US': 'WPS Spreadsheets refused the operation. Make sure no cell is being edited (press Enter or Esc), then try again.',
  },
} satisfies Record<string, Messages>;

export type WpsErrorCode = keyof typeof messages;

export function wpsHostError(code: WpsErrorCode): HostError {
  return new HostError(code, { ...messages[code] });
}

/**
 * Anything WPS throws becomes one HostError. WPS raises VBA run-time errors into JavaScript with English or Chinese
 * text that means nothing to a clerk (and may carry internals), so only the protection case is told apart; the rest
 * get one plain sentence. HostErrors pass through unchanged.
 */
export function toWpsHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/protect|受保护|只读/i.test(text)) return wpsHostError('protected');
  return wpsHostError('wps-error');
}
