/** openWorkbook: the format told by the content, never by the file name, then the reader for it. */
import { cfbNames, looksLikeCfb } from './cfb';
import { currentDocxReader } from './docxHook';
import { FileError, fileError } from './errors';
import { openHtml, looksLikeHtml } from './formats/html';
import { isSpreadsheetMl2003, openSpreadsheetMl2003 } from './formats/spreadsheetml2003';
import { withDefaults } from './limits';
import { OpcPackage } from './package';
import type { FileWarning, OpenOptions, OpenedWorkbook, ReadSheetResult, SheetInfo, WorkbookFormat } from './types';
import { readDateStyles, readWorkbookInfo } from './xlsx/workbook';
import { readSharedStrings } from './xlsx/sharedStrings';
import { readWorksheet } from './xlsx/readSheet';
import { looksLikeZip } from './zip/readZip';

const MAIN_TYPES: Record<string, WorkbookFormat> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'docx',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'docx',
};

/** What the OPC readers need to tell their failures apart; the CLI uses `code`. */
export const ENCRYPTED_MESSAGE = { 'zh-CN': '加密的工作簿：请先在 Excel 中取消密码', 'en-US': 'an encrypted workbook: remove the password in Excel first' };

function named(fileName: string | undefined): string {
  return fileName ? `${fileName}：` : '';
}
function namedEn(fileName: string | undefined): string {
  return fileName ? `${fileName}: ` : '';
}

function refuse(code: string, zh: string, en: string, fileName?: string): FileError {
  return fileError(code, `${named(fileName)}${zh}`, `${namedEn(fileName)}${en}`);
}

/** Pick the sheet by exact name, else ignoring case as Excel does. */
function pickSheet(sheets: SheetInfo[], name: string, fileName?: string): SheetInfo {
  const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  throw refuse(
    'sheet-missing',
    `没有工作表“${name}”（现有：${sheets.map((s) => s.name).join('、')}）`,
    `no sheet "${name}" (sheets: ${sheets.map((s) => s.name).join(', ')})`,
    fileName,
  );
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Government systems often write HTML and CSV in GB18030 (GBK).
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function openOpc(bytes: Uint8Array, options: OpenOptions): OpenedWorkbook {
  const limits = withDefaults(options.limits);
  const fileName = options.fileName;
  const pkg = OpcPackage.open(bytes, limits, options.native);
  const warnings: FileWarning[] = [...pkg.archive.warnings];
  if (!pkg.has('[Content_Types].xml') && !pkg.has('_rels/.rels')) {
    if (pkg.has('mimetype')) {
      const mime = new TextDecoder().decode(pkg.bytes('mimetype'));
      if (mime.includes('opendocument.spreadsheet')) {
        throw refuse('ods', '这是 OpenDocument 表格（.ods）：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后再试', 'this is an OpenDocument spreadsheet (.ods): save it as .xlsx in WPS, LibreOffice or Excel, then try again', fileName);
      }
      if (mime.includes('opendocument.text')) {
        throw refuse('odt', '这是 OpenDocument 文字文档（.odt），不是工作簿：请另存为 .docx 或 .xlsx', 'this is an OpenDocument text document (.odt), not a workbook: save it as .docx or .xlsx', fileName);
      }
    }
    throw refuse('not-workbook', '这是一个压缩包，不是 Excel 工作簿', 'this is a zip archive, not an Excel workbook', fileName);
  }
  const main = pkg.mainPart();
  if (main === null || !pkg.has(main)) {
    throw refuse('corrupt', '文件已损坏：找不到工作簿的主体部分', 'the file is damaged: the workbook part is missing', fileName);
  }
  const type = pkg.contentType(main) ?? '';
  let format: WorkbookFormat | undefined = MAIN_TYPES[type];
  if (format === undefined) {
    if (type.includes('presentationml')) {
      throw refuse('pptx', '这是 PowerPoint 演示文稿，不是工作簿', 'this is a PowerPoint presentation, not a workbook', fileName);
    }
    // A content type we do not know: trust the root element.
    const root = pkg.dom(main).documentElement;
    format = root?.localName === 'workbook' ? 'xlsx' : root?.localName === 'document' ? 'docx' : undefined;
  }
  if (format === 'docx') {
    const reader = currentDocxReader();
    if (!reader) {
      throw refuse('docx', '这是 Word 文档（.docx），不是工作簿：请把表格复制到 Excel 后另存为 .xlsx', 'this is a Word document (.docx), not a workbook: copy the table into Excel and save it as .xlsx', fileName);
    }
    const tables = reader(bytes);
    return { format, sheets: tables.sheets, warnings, readSheet: (name, o) => tables.readSheet(pickSheet(tables.sheets, name, fileName).name, o) };
  }
  if (format === undefined) {
    throw refuse('not-workbook', '这个文件不是 Excel 工作簿', 'this file is not an Excel workbook', fileName);
  }
  const info = readWorkbookInfo(pkg, main);
  const worksheets = info.sheets.filter((s) => s.kind === 'worksheet' && s.part !== null && pkg.has(s.part));
  if (worksheets.length === 0) {
    throw refuse('no-sheets', '工作簿中没有工作表', 'the workbook has no worksheets', fileName);
  }
  let shared: string[] | undefined;
  let dateStyles: Array<string | null> | undefined;
  const context = {
    sharedStrings: () => (shared ??= readSharedStrings(pkg, info.sharedStringsPart)),
    dateStyles: () => (dateStyles ??= readDateStyles(pkg, info.stylesPart)),
    date1904: info.date1904,
  };
  const sheets = worksheets.map((s) => ({ name: s.name, hidden: s.state !== 'visible' }));
  return {
    format,
    sheets,
    warnings,
    readSheet(name, o): ReadSheetResult {
      const picked = pickSheet(sheets, name, fileName);
      const sheet = worksheets.find((s) => s.name === picked.name);
      return readWorksheet(pkg, sheet?.part ?? '', picked.name, context, o?.range);
    },
  };
}

export function openWorkbook(bytes: Uint8Array, options: OpenOptions = {}): OpenedWorkbook {
  const fileName = options.fileName;
  if (bytes.length === 0) throw refuse('empty-file', '是空文件（0 字节）', 'the file is empty (0 bytes)', fileName);
  if (looksLikeZip(bytes)) return openOpc(bytes, options);
  if (looksLikeCfb(bytes)) {
    const names = cfbNames(bytes);
    if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) {
      throw refuse('encrypted', ENCRYPTED_MESSAGE['zh-CN'], ENCRYPTED_MESSAGE['en-US'], fileName);
    }
    if (names.length === 0) {
      // The directory could not be followed: say both things it can be.
      throw refuse(
        'encrypted-or-xls',
        '设有打开密码，或是旧版 .xls 文件：请在 Excel 中取消密码或另存为 .xlsx 后再试',
        'password-protected or an old .xls file: remove the password or save it as .xlsx in Excel, then try again',
        fileName,
      );
    }
    if (names.includes('WordDocument')) {
      throw refuse('doc', '这是旧版 Word 文档（.doc），不是工作簿：请在 Word 中另存为 .docx', 'this is an old Word document (.doc), not a workbook: save it as .docx in Word', fileName);
    }
    throw refuse(
      'xls',
      '这是旧版 Excel 97-2003 工作簿（.xls/.et）：请在 Excel 或 WPS 中“另存为” .xlsx 后再试',
      'this is an Excel 97-2003 workbook (.xls/.et): use Save As .xlsx in Excel or WPS, then try again',
      fileName,
    );
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw refuse('zip-damaged', '文件已损坏或不完整（压缩包无法读取）', 'the file is damaged or incomplete (the zip cannot be read)', fileName);
  }
  const text = decodeText(bytes.length > 64 * 1024 * 1024 ? bytes.subarray(0, 64 * 1024 * 1024) : bytes);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    const head = start.slice(0, 64).toLowerCase();
    // An HTML page may start with <!DOCTYPE html>: it is told apart before the XML reader, which refuses any DOCTYPE.
    const html = head.startsWith('<!doctype html') || head.startsWith('<html');
    if (!html && isSpreadsheetMl2003(start)) {
      const book = openSpreadsheetMl2003(start);
      return { format: 'spreadsheetml-2003', sheets: book.sheets, readSheet: (name, o) => book.readSheet(pickSheet(book.sheets, name, fileName).name, o) };
    }
    if (looksLikeHtml(start)) {
      const book = openHtml(start);
      return { format: 'html', sheets: book.sheets, readSheet: (name, o) => book.readSheet(pickSheet(book.sheets, name, fileName).name, o) };
    }
  }
  const firstLine = start.split('\n', 1)[0];
  if (firstLine.includes(',') || firstLine.includes('\t') || firstLine.includes(';')) {
    throw refuse('csv', '这是 CSV/文本文件，不是工作簿：请在 Excel 中打开后另存为 .xlsx', 'this is a CSV or text file, not a workbook: open it in Excel and save it as .xlsx', fileName);
  }
  throw refuse('not-workbook', '不是 Excel 工作簿（可能是文本或其他格式的文件）', 'not an Excel workbook (it may be text or another format)', fileName);
}
