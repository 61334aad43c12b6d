/** WPS failures turned into HostErrors in words a clerk understands, both languages, no JavaScript internals. */
import { HostError } from '../host';
import { sharedHostMessages } from '../host/messages';

type Messages = { 'zh-CN': string; 'en-US': string };

const messages = {
  ...sharedHostMessages,
  'no-workbook': {
    'zh-CN': '没有打开的工作簿。请先在 WPS 表格中打开要整理的表格。',
    'en-US': 'No workbook is open. Open the table in WPS Spreadsheets first.',
  },
  'invalid-selection': {
    'zh-CN': '当前选中的不是单元格区域（例如选中了图片或多个不相连的区域）。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selection is not a single range of cells (a picture, or several separate areas). Select one cell of the table or the whole table.',
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
