/**
 * Build the producer corpus and the bad-input corpus in a folder, at test time, from the seed table (no binary is ever
 * committed). One python process (openpyxl, python-docx) and four LibreOffice calls (one per output filter) make the
 * files only they can make; the JavaScript producers and every transformation run in this process.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import type { Grid } from '../../src/core/types';
import { allFixtures } from '../fixtures/render';
import { billionLaughs, duplicateEntries, encryptedLooking, traversalEntries, truncated, xxe, zipBomb } from './badInputs';
import { csvOf, exceljsWorkbook, htmlTableXls, pivotFods, sheetjsWorkbook, spreadsheetMl2003, xlsxPopulateWorkbook } from './producers';
import { python, soffice } from './tools';
import {
  absoluteTargets,
  localRelationshipPrefix,
  prefixedMainNamespace,
  rezip,
  strictOoxml,
  unusualPartNames,
  withExtraMerges,
  withMacro,
  withoutSheets,
} from './transforms';

export const SHEET = '表1';
/** Excel's limit for the text of one cell; the long-cell input goes past it. */
export const CELL_LIMIT = 32767;

/** A workbook the CLI must read and write back whole. */
export interface GoodInput {
  id: string;
  file: string;
  /** Who wrote it (or what transformation of whose file). */
  producer: string;
  /** An Open XML package (zip): its untouched parts must come out byte-identical. */
  ooxml: boolean;
  /** openpyxl reads the input (not Strict OOXML, not the .xls-named formats), so its sheets can be compared cell by cell. */
  openpyxlReadsInput: boolean;
  /**
   * openpyxl can judge the outputs: not when a part the writer must keep as it is already stops openpyxl (Strict
   * namespaces; xlsx-populate's styles.xml, whose fills openpyxl rejects: "expected Fill").
   */
  openpyxlReadsOutput: boolean;
  /** The input's merged areas overlap: the reader repairs them as Excel does and warns. */
  overlappingMerges?: boolean;
}

export type BadKind =
  /** Exit 2, one zh-CN line, nothing written. */
  | 'refused'
  /** Refused with a message naming encryption. */
  | 'encrypted'
  /** A real BIFF .xls: converted through LibreOffice when installed (and said so), else refused with how to save as .xlsx. */
  | 'biff'
  /** Hostile entry names: refused, or read with those entries never copied into the output. */
  | 'entries'
  /** A merge over the whole sheet: bounded by the used range, answered quickly, no crash. */
  | 'whole-sheet-merge'
  /** A cell over 32,767 characters: reported, not crashed on. */
  | 'long-cell';

export interface BadInput {
  id: string;
  file: string;
  kind: BadKind;
  /** Refused quickly, however large it would inflate. */
  quick?: boolean;
}

export interface Corpus {
  dir: string;
  grid: Grid;
  good: GoodInput[];
  bad: BadInput[];
  /** A file whose contents an XXE would leak: no output or message may contain its marker. */
  secretFile: string;
  secretMarker: string;
  /** Milliseconds per building step (CORPUS_TIMING=1 prints them with the test's own steps). */
  timings: Record<string, number>;
}

export function seedGrid(): Grid {
  const fixture = allFixtures().find((f) => f.name === '000-word-paste');
  if (!fixture) throw new Error('fixture 000-word-paste is missing');
  return { ...fixture.grid, sheet: SHEET };
}

export async function buildCorpus(dir: string): Promise<Corpus> {
  const timings: Record<string, number> = {};
  let last = Date.now();
  const lap = (step: string): void => {
    timings[step] = Date.now() - last;
    last = Date.now();
  };
  const grid = seedGrid();
  const inputs = path.join(dir, 'in');
  const made = path.join(dir, 'made');
  const profile = path.join(dir, 'lo-profile');
  await Promise.all([inputs, made].map((d) => fs.mkdir(d, { recursive: true })));
  const write = async (name: string, bytes: Uint8Array): Promise<string> => {
    const file = path.join(inputs, name);
    await fs.writeFile(file, bytes);
    return file;
  };
  const read = (file: string): Promise<Uint8Array> => fs.readFile(file).then((b) => new Uint8Array(b));

  // Python producers: openpyxl workbooks and a python-docx document, in one process.
  const job = path.join(dir, 'make-job.json');
  await fs.writeFile(job, JSON.stringify({ outDir: made, sheet: SHEET, grid, longText: '长'.repeat(CELL_LIMIT + 1000) }));
  await python('make.py', [job]);
  lap('python producers');
  const openpyxlFile = path.join(made, 'openpyxl.xlsx');
  await fs.writeFile(path.join(made, 'pivot.fods'), pivotFods(grid, SHEET));

  // LibreOffice: one call per output filter, several inputs per call.
  const lo = async (convertTo: string, sub: string, files: string[], profileDir = profile): Promise<void> => {
    const outDir = path.join(made, sub);
    const result = await soffice(profileDir, convertTo, outDir, files);
    for (const file of files) {
      const expected = path.join(outDir, `${path.parse(file).name}.${convertTo.split(':')[0]}`);
      await fs.access(expected).catch(() => {
        throw new Error(`LibreOffice did not write ${expected}:\n${result.stdout}\n${result.stderr}`);
      });
    }
  };
  // LibreOffice works in its own processes while this one builds the JavaScript producers' files.
  const libreOffice = (async (): Promise<void> => {
    const started = Date.now();
    await lo('xlsx:Calc MS Excel 2007 XML', 'lo-excel2007', [openpyxlFile, path.join(made, 'pivot.fods')]);
    // The first call made the profile (the slow part of a first start); the other three run side by side on copies.
    const copies = ['ooxml', 'xls', 'ods'].map((name) => `${profile}-${name}`);
    await Promise.all(copies.map((copy) => fs.cp(profile, copy, { recursive: true })));
    await Promise.all([
      lo('xlsx:Calc Office Open XML', 'lo-ooxml', [openpyxlFile], copies[0]),
      lo('xls:MS Excel 97', 'lo-xls', [openpyxlFile], copies[1]),
      lo('ods', 'lo-ods', [openpyxlFile], copies[2]),
    ]);
    timings['LibreOffice (four calls, beside the JavaScript work)'] = Date.now() - started;
  })();
  // Do not leave it unobserved if the JavaScript work throws first.
  libreOffice.catch(() => undefined);

  const openpyxl = await read(openpyxlFile);
  const exceljs = await exceljsWorkbook(grid, SHEET);

  const good: GoodInput[] = [];
  const addGood = async (id: string, ext: string, producer: string, bytes: Uint8Array, extra: Partial<GoodInput> = {}): Promise<void> => {
    const ooxml = ext === 'xlsx' || ext === 'xlsm';
    good.push({ id, file: await write(`${id}.${ext}`, bytes), producer, ooxml, openpyxlReadsInput: ooxml, openpyxlReadsOutput: true, ...extra });
  };
  await addGood('openpyxl', 'xlsx', 'openpyxl', openpyxl);
  for (const feature of ['chart', 'comments', 'validation', 'table']) {
    await addGood(`openpyxl-${feature}`, 'xlsx', `openpyxl, with a ${feature}`, await read(path.join(made, `openpyxl-${feature}.xlsx`)));
  }
  await addGood('exceljs', 'xlsx', 'exceljs', exceljs);
  await addGood('sheetjs', 'xlsx', 'SheetJS xlsx', sheetjsWorkbook(grid, SHEET));
  await addGood('xlsx-populate', 'xlsx', 'xlsx-populate', await xlsxPopulateWorkbook(grid, SHEET), { openpyxlReadsInput: false, openpyxlReadsOutput: false });
  await addGood('prefixed-x', 'xlsx', 'exceljs, SpreadsheetML under the prefix x:', prefixedMainNamespace(exceljs));
  await addGood('local-xmlns-r', 'xlsx', 'exceljs, xmlns:r declared on each <sheet>', localRelationshipPrefix(exceljs));
  await addGood('absolute-targets', 'xlsx', 'exceljs, absolute relationship targets', absoluteTargets(exceljs));
  await addGood('unusual-part-names', 'xlsx', 'exceljs, main part at report/book.xml', unusualPartNames(exceljs));
  await addGood('data-descriptors', 'xlsx', 'openpyxl, rezipped with data descriptors', rezip(openpyxl, 'data-descriptors'));
  await addGood('stored', 'xlsx', 'exceljs, rezipped with stored (uncompressed) entries', rezip(exceljs, 'stored'));
  await addGood('macro', 'xlsm', 'openpyxl, made an .xlsm with vbaProject.bin', withMacro(openpyxl));
  await addGood('spreadsheetml-2003', 'xls', 'SpreadsheetML 2003 XML under an .xls name (Java report systems)', spreadsheetMl2003(grid, SHEET));
  await addGood('html-table', 'xls', 'HTML table under an .xls name (Java report systems)', htmlTableXls(grid, SHEET));
  // The first merge again, plus two overlapping merges beside the table: Excel keeps the first of overlapping merges.
  const first = grid.merges[0];
  const firstRef = `${a1(grid.origin.row + first.row, grid.origin.column + first.column)}:${a1(
    grid.origin.row + first.row + first.rowCount - 1,
    grid.origin.column + first.column + first.columnCount - 1,
  )}`;
  await addGood('overlapping-merges', 'xlsx', 'exceljs, with overlapping merges', withExtraMerges(exceljs, [firstRef, 'H1:I2', 'I2:J3']), { overlappingMerges: true });

  lap('JavaScript producers and transformations');

  await libreOffice;
  lap('waiting for LibreOffice');
  const loExcel2007 = await read(path.join(made, 'lo-excel2007', 'openpyxl.xlsx'));
  const loOoxml = await read(path.join(made, 'lo-ooxml', 'openpyxl.xlsx'));
  await addGood('libreoffice-excel2007', 'xlsx', 'LibreOffice "Calc MS Excel 2007 XML"', loExcel2007);
  await addGood('libreoffice-ooxml', 'xlsx', 'LibreOffice "Calc Office Open XML"', loOoxml);
  await addGood('libreoffice-pivot', 'xlsx', 'LibreOffice, with a pivot table', await read(path.join(made, 'lo-excel2007', 'pivot.xlsx')));
  await addGood('strict', 'xlsx', 'Strict OOXML (LibreOffice "Calc Office Open XML", namespaces made Strict)', strictOoxml(loOoxml), {
    openpyxlReadsInput: false,
    openpyxlReadsOutput: false,
  });
  await addGood('prefixed-x-libreoffice', 'xlsx', 'LibreOffice, SpreadsheetML under the prefix x:', prefixedMainNamespace(loExcel2007));

  const secretMarker = 'CORPUS-SECRET-7f3a9c';
  const secretFile = path.join(dir, 'secret.txt');
  await fs.writeFile(secretFile, secretMarker);

  const bad: BadInput[] = [];
  const addBad = async (id: string, name: string, bytes: Uint8Array, kind: BadKind = 'refused', extra: Partial<BadInput> = {}): Promise<void> => {
    bad.push({ id, file: await write(name, bytes), kind, ...extra });
  };
  await addBad('empty', 'empty.xlsx', new Uint8Array(0));
  await addBad('not-a-zip', 'not-a-zip.xlsx', strToU8('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'));
  await addBad('truncated', 'truncated.xlsx', truncated(exceljs));
  await addBad('biff-xls', 'real.xls', await read(path.join(made, 'lo-xls', 'openpyxl.xls')), 'biff');
  await addBad('encrypted', 'encrypted.xlsx', encryptedLooking(), 'encrypted');
  await addBad('ods', 'table.ods', await read(path.join(made, 'lo-ods', 'openpyxl.ods')));
  await addBad('ods-named-xlsx', 'ods-renamed.xlsx', await read(path.join(made, 'lo-ods', 'openpyxl.ods')));
  await addBad('csv', 'table.csv', csvOf(grid));
  await addBad('docx', 'document.docx', await read(path.join(made, 'document.docx')));
  await addBad('no-sheet', 'no-sheet.xlsx', withoutSheets(exceljs));
  await addBad('no-table', 'no-table.xlsx', await read(path.join(made, 'notable.xlsx')));
  await addBad('whole-sheet-merge', 'whole-sheet-merge.xlsx', withExtraMerges(sheetjsWorkbook({ ...grid, merges: [] }, SHEET), ['A5:XFD1048576']), 'whole-sheet-merge', {
    quick: true,
  });
  await addBad('zip-bomb', 'zip-bomb.xlsx', zipBomb(exceljs), 'refused', { quick: true });
  await addBad('zip-bomb-lying', 'zip-bomb-lying.xlsx', zipBomb(exceljs, { megabytes: 256, lieAboutSize: true }), 'refused', { quick: true });
  await addBad('xxe', 'xxe.xlsx', xxe(exceljs, secretFile));
  await addBad('billion-laughs', 'billion-laughs.xlsx', billionLaughs(exceljs), 'refused', { quick: true });
  await addBad('traversal-entries', 'traversal-entries.xlsx', traversalEntries(exceljs), 'entries');
  await addBad('duplicate-entries', 'duplicate-entries.xlsx', duplicateEntries(exceljs), 'entries');
  await addBad('long-cell', 'long-cell.xlsx', await read(path.join(made, 'long-cell.xlsx')), 'long-cell');

  lap('bad inputs');
  return { dir, grid, good, bad, secretFile, secretMarker, timings };
}

/** 1-based row and column → "B3". */
export function a1(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}
