/**
 * Excel failures turned into HostErrors with words a clerk understands, in both languages. Office reports an
 * `OfficeExtension.Error` whose `code` is one of Excel.ErrorCodes (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); its `message` is in
 * Office's own UI language and meant for developers, so it never reaches the zh-CN text — the code decides the words.
 */
import { HostError } from './host';
import { sharedHostMessages } from '../host/messages';

type Messages = { 'zh-CN': string; 'en-US': string };

const messages = {
  ...sharedHostMessages,
  'workbook-protected': {
    'zh-CN': '工作簿结构受保护，不能新建、删除或重命名工作表。请先撤销工作簿保护（“审阅”›“保护工作簿”）再试。',
    'en-US': 'The workbook structure is protected: sheets cannot be added, deleted or renamed. Unprotect it (Review › Protect Workbook) and try again.',
  },
  'access-denied': {
    'zh-CN': 'Excel 拒绝了这项修改。工作表和工作簿都没有受保护，可能是文件以只读方式打开、正在被他人编辑或受权限限制。请确认可以编辑此文件后再试。',
    'en-US': 'Excel refused the change. Neither the sheet nor the workbook is protected; the file may be open read-only, locked by someone else, or restricted. Make sure you can edit it and try again.',
  },
  busy: {
    'zh-CN': 'Excel 正忙或暂时无法响应（可能正在计算、保存或同步）。请稍候再试。',
    'en-US': 'Excel is busy or not answering right now (calculating, saving or syncing). Please wait a moment and try again.',
  },
  'invalid-argument': {
    'zh-CN': 'Excel 不接受要写入的内容（例如工作表名称或单元格内容不符合 Excel 的限制）。请检查后再试。',
    'en-US': 'Excel did not accept what was to be written (a sheet name or cell content outside Excel\'s limits). Check it and try again.',
  },
  'merge-conflict': {
    'zh-CN': '要写入的区域与合并单元格、筛选或表格冲突。请取消区域中的合并或筛选后再试。',
    'en-US': 'The range to write clashes with merged cells, a filter or a table. Unmerge or clear the filter there and try again.',
  },
  cancelled: {
    'zh-CN': '已取消。',
    'en-US': 'Cancelled.',
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
  // AccessDenied also comes from a protected workbook structure and from read-only files: explainAccessDenied looks.
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
  ActivityLimitReached: 'busy',
  ServiceNotAvailable: 'busy',
  Conflict: 'busy',
  RequestAborted: 'busy',
  Timeout: 'busy',
  InvalidArgument: 'invalid-argument',
  InvalidReference: 'not-found',
  InvalidBinding: 'not-found',
  MergedRangeConflict: 'merge-conflict',
  FilteredRangeConflict: 'merge-conflict',
  InsertDeleteConflict: 'merge-conflict',
  NonBlankCellOffSheet: 'target-not-empty',
};

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeCode(error);
  return code !== null && byOfficeCode[code] === 'too-large';
}

export function isOfficeError(error: unknown): boolean {
  return officeCode(error) !== null;
}

export function isAccessDenied(error: unknown): boolean {
  return officeCode(error) === 'AccessDenied';
}

/**
 * An error we do not know by its code: the zh-CN text names no English (Office's message is in the UI language and
 * written for developers); the code is given so that support can look it up.
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  const known = code === null ? undefined : byOfficeCode[code];
  if (known) return hostError(known);
  const tag = code && /^[A-Za-z]+$/.test(code) ? code : null;
  return new HostError('excel-error', {
    'zh-CN': `Excel 没能完成这项操作${tag ? `（错误代码 ${tag}）` : ''}。请稍后再试；如果仍然不行，请保存并重新打开工作簿。`,
    'en-US': `Excel could not complete the operation${tag ? ` (error code ${tag})` : ''}. Try again in a moment; if it keeps failing, save and reopen the workbook.`,
  });
}

/**
 * AccessDenied means a protected sheet, a protected workbook structure, or neither (a read-only or locked file): looks
 * at the protections, in a run of its own because the failed one may be unusable, and names the one that applies.
 */
export async function explainAccessDenied(sheetNames: string[]): Promise<HostError> {
  try {
    return await Excel.run(async (context) => {
      const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load('name'));
      await context.sync();
      const protections = sheets.filter((sheet) => !sheet.isNullObject).map((sheet) => sheet.protection.load('protected'));
      const workbook = supportsWorkbookProtection() ? context.workbook.protection.load('protected') : null;
      await context.sync();
      if (protections.some((protection) => protection.protected)) return hostError('protected');
      if (workbook?.protected) return hostError('workbook-protected');
      return hostError('access-denied');
    });
  } catch {
    return hostError('access-denied');
  }
}

function supportsWorkbookProtection(): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.7') === true;
}
