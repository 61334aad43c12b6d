/** Excel failures turned into HostErrors with words a clerk understands, in both languages. */
import { HostError } from './host';

type Messages = { 'zh-CN': string; 'en-US': string };

const messages = {
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
  'cell-edit': {
    'zh-CN': 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。',
    'en-US': 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
  },
  'name-clash': {
    'zh-CN': '已有同名的工作表或表格，无法新建。请改名或删除后再试。',
    'en-US': 'A sheet or table with that name already exists. Rename or delete it and try again.',
  },
  'too-large': {
    'zh-CN': '一次发送给 Excel 的数据太多，被 Excel 拒绝。请选择较小的区域再试。',
    'en-US': 'Excel refused a request as too large. Select a smaller range and try again.',
  },
  'not-found': {
    'zh-CN': '要操作的工作表或单元格已不存在。',
    'en-US': 'The sheet or cell to work on no longer exists.',
  },
  'invalid-selection': {
    'zh-CN': '当前选中的不是单元格区域（例如选中了图表或多个不相连的区域）。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selection is not a single range of cells (a chart, or several separate areas). Select one cell of the table or the whole table.',
  },
  'empty-selection': {
    'zh-CN': '选中的区域里没有内容。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selected range is empty. Select one cell of the table or the whole table.',
  },
  'target-not-empty': {
    'zh-CN': '整理后的表格比原区域大，会覆盖原区域右侧或下方已有的内容。请改用“写入新工作表”，或先腾出空间。',
    'en-US': 'The repaired table is larger than the source range and would overwrite cells to its right or below. Write to a new sheet instead, or make room first.',
  },
  unsupported: {
    'zh-CN': '此版本的 Excel 不支持这项操作。请更新 Excel，或改用“写入新工作表”。',
    'en-US': 'This version of Excel does not support the operation. Update Excel, or write to a new sheet instead.',
  },
  'too-many-merges': {
    'zh-CN': '一行中的合并单元格过多，Excel 无法列出。请先取消合并（“开始”›“合并后居中”）再试。',
    'en-US': 'One row holds too many merged cells for Excel to list. Unmerge them (Home › Merge & Center) and try again.',
  },
} satisfies Record<string, Messages>;

export type HostErrorCode = keyof typeof messages | 'excel-error';

export function hostError(code: keyof typeof messages): HostError {
  return new HostError(code, { ...messages[code] });
}

/** Office errors carry a string `code` (OfficeExtension.Error); anything else has none. */
function officeCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

const byOfficeCode: Record<string, keyof typeof messages> = {
  AccessDenied: 'protected',
  InvalidOperationInCellEditMode: 'cell-edit',
  ItemAlreadyExists: 'name-clash',
  RequestPayloadSizeLimitExceeded: 'too-large',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  PayloadTooLarge: 'too-large',
  ItemNotFound: 'not-found',
  InvalidSelection: 'invalid-selection',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
};

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeCode(error);
  return code !== null && byOfficeCode[code] === 'too-large';
}

export function isOfficeError(error: unknown): boolean {
  return officeCode(error) !== null;
}

export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  const known = code === null ? undefined : byOfficeCode[code];
  if (known) return hostError(known);
  const detail = error instanceof Error ? error.message : String(error);
  return new HostError('excel-error', {
    'zh-CN': `Excel 报告了一个错误${code ? `（${code}）` : ''}：${detail}`,
    'en-US': `Excel reported an error${code ? ` (${code})` : ''}: ${detail}`,
  });
}
