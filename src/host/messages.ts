/**
 * What every host says in the same words, whatever spreadsheet it runs beside: the clerk's situation is the same in
 * Excel, WPS and the web page, so the sentence is too. Host-specific messages stay with their host.
 */
export const sharedHostMessages = {
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
  'empty-selection': {
    'zh-CN': '选中的区域里没有内容。请选中表格中的一个单元格或整个表格。',
    'en-US': 'The selected range is empty. Select one cell of the table or the whole table.',
  },
  'target-not-empty': {
    'zh-CN': '整理后的表格比原区域大，会覆盖原区域右侧或下方已有的内容。请改用“写入新工作表”，或先腾出空间。',
    'en-US': 'The repaired table is larger than the source range and would overwrite cells to its right or below. Write to a new sheet instead, or make room first.',
  },
} as const;
