/** Which picked or dropped files the web page turns away before reading: only those whose extension says "not a table". */
import { isTableFileName, TABLE_FILE_TYPES } from '../../taskpane/web/useFileDrop';

test('table files pass whatever the case of their extension', () => {
  for (const name of ['总表.xlsx', '总表.XLSX', '宏.xlsm', '系统导出.xls', '2003.xml', '网页.htm', '网页.HTML', '报送.docx']) expect({ name, ok: isTableFileName(name) }).toEqual({ name, ok: true });
});

test('a name without an extension is left to the file layer, which reads the content', () => {
  expect(isTableFileName('微信下载的表格')).toBe(true);
});

test('other files are turned away', () => {
  for (const name of ['通知.pdf', '名单.csv', '旧表.et', '说明.txt', '总表.xlsx.zip']) expect({ name, ok: isTableFileName(name) }).toEqual({ name, ok: false });
});

test('the picker offers the same types it lets through', () => {
  expect(TABLE_FILE_TYPES).toEqual(['.xlsx', '.xlsm', '.xls', '.xml', '.htm', '.html', '.docx']);
});
