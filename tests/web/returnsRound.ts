/**
 * A reporting round as files, built by code from the seed table (tests/returns/round.ts makes the units' sheets): the
 * master workbook and the returns the units send back, written by other producers — exceljs, SheetJS, the `docx`
 * package for a Word return — with the ways units really answer: 市编办 renumbers and reorders its rows, 市委政法委 and
 * 市公安局 disagree on task 1, 市文广新局 answers in Word, 市外侨局 stays silent. Plus returns that cannot be used.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import * as XLSX from 'xlsx';
import type { RoundSheet } from '../../src/core/returns';
import { compoundFile } from '../docx/support/packages';
import { gridToWorkbook } from '../fixtures/writeXlsx';
import { defaultStatus, fillReturn, sheetGrid, unitPart, type Filled } from '../returns/round';
import { seedWorkbook } from './support';

export interface RoundFile {
  name: string;
  bytes: Uint8Array;
}

export interface WebRound {
  master: RoundFile;
  returns: RoundFile[];
  /** A file that is not a workbook, an encrypted workbook, a workbook without a table. */
  bad: RoundFile[];
  filled: Filled[];
  /** A unit with tasks of its own that sent nothing. */
  silent: string;
  /** The units that disagree on one task, and that task's number. */
  disagreeing: { units: [string, string]; ref: string };
}

async function viaExcelJs(sheet: RoundSheet): Promise<Uint8Array> {
  return new Uint8Array(await gridToWorkbook(sheetGrid(sheet), '报送').xlsx.writeBuffer());
}

function viaSheetJs(sheet: RoundSheet): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheetGrid(sheet).values), '报送');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The unit's sheet as a Word table (title above it, one paragraph per line in a cell), as a unit retypes it in Word. */
async function viaDocx(sheet: RoundSheet): Promise<Uint8Array> {
  const cell = (value: unknown) => new TableCell({ children: String(value ?? '').split('\n').map((line) => new Paragraph(line)) });
  const rows = [sheet.columns, ...sheet.rows].map((row) => new TableRow({ children: row.map(cell) }));
  const document = new Document({ sections: [{ children: [...(sheet.title ?? []).map((line) => new Paragraph(line)), new Table({ rows })] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

const docxName = (unit: string) => unitPart(unit).fileName.replace(/\.xlsx$/, '.docx');

export async function webRound(): Promise<WebRound> {
  const filled: Filled[] = [];
  const returns: RoundFile[] = [];
  const fill = (unit: string, options: Parameters<typeof fillReturn>[1] = {}) => {
    const result = fillReturn(unitPart(unit), options);
    filled.push(...result.filled);
    return result.sheet;
  };
  const lead = unitPart('市委政法委');
  const ref = lead.leads[0].ref;
  returns.push({ name: lead.fileName, bytes: await viaExcelJs(fill('市委政法委')) });
  const police = fill('市公安局', { status: (t) => (t.ref === ref ? (defaultStatus(t) === '未按进度完成' ? '已完成' : '未按进度完成') : defaultStatus(t)) });
  returns.push({ name: unitPart('市公安局').fileName, bytes: await viaExcelJs(police) });
  returns.push({ name: unitPart('市编办').fileName, bytes: viaSheetJs(fill('市编办', { renumber: true, shuffle: true, seed: 3 })) });
  returns.push({ name: docxName('市文广新局'), bytes: await viaDocx(fill('市文广新局')) });
  return {
    master: { name: '2018年重点工作1-9月.xlsx', bytes: await seedWorkbook() },
    returns,
    bad: [
      { name: '市工商联-回复.xlsx', bytes: new TextEncoder().encode('这不是表格，是一封邮件的正文。') },
      { name: '市民政局-加密.xlsx', bytes: compoundFile(['EncryptionInfo', 'EncryptedPackage']) },
      { name: '市统计局-空表.xlsx', bytes: await viaExcelJs({ name: '报送', columns: ['备注'], rows: [['本期无']], widths: [20] }) },
    ],
    filled,
    silent: '市外侨局',
    disagreeing: { units: ['市委政法委', '市公安局'], ref },
  };
}
