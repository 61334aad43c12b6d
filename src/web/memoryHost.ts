/**
 * The web page's WorkbookHost: a workbook file held in memory. Reading takes the chosen sheet's used area; applying a
 * plan and writing summaries add sheets to the in-memory package through the file layer (every other part stays as it
 * was); highlighting and going to a cell drive the page's grid view; settings live in a store the page provides
 * (localStorage and a JSON file). No DOM here, so the same host runs in a Web Worker and under jest.
 */
import { changeLogSheet, repairedSheetName, summarySheets, uniqueSheetName, type SheetSpec } from '../core/sheets';
import { parseA1 } from '../core/grid/address';
import type { Finding, Grid, Lang, RepairPlan, Summary } from '../core/types';
import { Fingerprint } from '../host/fingerprint';
import { addSheets, createWorkbook, openWorkbook, writeSheets, type OpenedWorkbook, type OutputSheet, type SheetInfo, type WorkbookFormat } from '../files';
import {
  HostError,
  throwIfCancelled,
  type ApplyMode,
  type ApplyResult,
  type HostCallOptions,
  type HostCapabilities,
  type Progress,
  type ReportSheetsWriteOptions,
  type SourceSnapshot,
  type SummaryWriteOptions,
  type SummaryWriteResult,
  type WorkbookHost,
} from '../host';
import { reportSheetSpecs } from '../host/reportSheets';
import { asOutputSheets, copyOfGrid, repairedSheet } from './outputSheets';

/** One finding as the grid shows it: a cell (1-based sheet row and column) and how serious. */
export interface CellMark {
  row: number;
  column: number;
  severity: Finding['severity'];
  message: string;
}

/** What the host asks of the page's grid; the page keeps it as React state. */
export interface GridView {
  showMarks(sheet: string, marks: CellMark[]): void;
  scrollTo(sheet: string, row: number, column: number): void;
}

/** Where settings are kept between visits (the page: localStorage; tests: memory). */
export interface SettingsStore {
  load(): Promise<unknown | null>;
  save(settings: unknown): Promise<void>;
}

export function memorySettingsStore(initial: unknown = null): SettingsStore & { current: unknown } {
  const store = {
    current: initial,
    load: () => Promise.resolve(store.current),
    save: (settings: unknown) => {
      store.current = settings;
      return Promise.resolve();
    },
  };
  return store;
}

export interface MemoryHostOptions {
  fileName: string;
  /** The sheet to read; default: the first visible sheet. */
  sheet?: string;
  view?: GridView;
  settings?: SettingsStore;
}

const BACKUP_SUFFIX: Record<Lang, string> = { 'zh-CN': '（备份）', 'en-US': ' (backup)' };

const CAPABILITIES: HostCapabilities = { inPlace: true, highlight: true, navigate: true, download: true, chart: true };

/** Formats written back into their own package; the others become a new .xlsx holding their sheets as values. */
const PACKAGE_FORMATS: ReadonlySet<WorkbookFormat> = new Set(['xlsx', 'xlsm']);

function webError(code: string, zh: string, en: string): HostError {
  return new HostError(code, { 'zh-CN': zh, 'en-US': en });
}

export function fingerprintGrid(grid: Grid): string {
  const print = new Fingerprint();
  let width = 0;
  for (const row of grid.values) {
    print.addRow(row);
    width = Math.max(width, row.length);
  }
  return print.digest(grid.values.length, width);
}

function usedAddress(grid: Grid): string {
  const width = Math.max(1, ...grid.values.slice(0, 1000).map((row) => row.length), grid.values.length > 0 ? grid.values[grid.values.length - 1].length : 1);
  const rows = Math.max(1, grid.values.length);
  const { row, column } = grid.origin;
  const end = `${columnName(column + width - 1)}${row + rows - 1}`;
  return `${columnName(column)}${row}:${end}`;
}

function columnName(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What the page's 合并报送 step adds to a plan's apply (the add-in's hosts have no such step of their own). */
export interface PlanExtras {
  /** Sheets written after the table and its change log (the merge's 合并后 / 合并记录 / 报送情况 / 合并问题). */
  extraSheets?: readonly OutputSheet[];
  /** Sheets this write may take the place of, by name (an earlier merge's): replaced, not stacked. Never the source. */
  takeOver?: (name: string) => boolean;
}

/** An apply on the page also says every sheet it wrote, so the next merge can take their places. */
export type AppliedPlan = ApplyResult & { written: string[] };

export class MemoryHost implements WorkbookHost {
  readonly kind = 'web' as const;
  readonly capabilities = CAPABILITIES;
  readonly fileName: string;
  readonly format: WorkbookFormat;
  /** The workbook as it stands now: the input, plus every sheet this host wrote. */
  private bytes: Uint8Array;
  private book: OpenedWorkbook;
  /** The input was not an .xlsx package: its sheets are written into a new workbook on the first write. */
  private packaged: boolean;
  private chosen: string;
  private readonly view: GridView | undefined;
  private readonly settings: SettingsStore;
  private marks: CellMark[] = [];
  /** A non-package input, kept to read its sheets as they were (see readGrid); the sheets written over since. */
  private input: OpenedWorkbook | null = null;
  private readonly rewritten = new Set<string>();
  /** Summary sheets this host wrote (lower case): written again without asking. */
  private readonly summaryNames = new Set<string>();
  /** Report sheets this host wrote, per set (lower case): written again without asking. */
  private readonly reportNames = new Map<string, Set<string>>();
  /** The workbook right after the last repair and the last summary: what the page offers to download. */
  private repaired: Uint8Array | null = null;
  private summarized: Uint8Array | null = null;
  /** The workbook right after the last write of each report set (e.g. 'compare'). */
  private readonly reported = new Map<string, Uint8Array>();

  constructor(bytes: Uint8Array, options: MemoryHostOptions) {
    this.fileName = options.fileName;
    this.bytes = bytes;
    this.book = openWorkbook(bytes, { fileName: options.fileName });
    this.format = this.book.format;
    this.packaged = PACKAGE_FORMATS.has(this.format);
    this.view = options.view;
    this.settings = options.settings ?? memorySettingsStore();
    const first = this.book.sheets.find((sheet) => !sheet.hidden) ?? this.book.sheets[0];
    if (!first) throw webError('no-sheets', '文件中没有工作表。', 'The file has no sheets.');
    this.chosen = first.name;
    if (options.sheet !== undefined) this.chooseSheet(options.sheet);
  }

  /** Every sheet of the workbook, hidden ones included (marked), in workbook order. */
  get sheets(): SheetInfo[] {
    return this.book.sheets.map((sheet) => ({ ...sheet }));
  }

  get sheet(): string {
    return this.chosen;
  }

  get currentMarks(): readonly CellMark[] {
    return this.marks;
  }

  chooseSheet(name: string): void {
    if (!this.book.sheets.some((sheet) => sheet.name === name)) {
      throw webError('sheet-missing', `文件中没有名为“${name}”的工作表。`, `The file has no sheet named "${name}".`);
    }
    this.chosen = name;
  }

  /** The workbook after the last repair, or null before any. */
  get repairedWorkbook(): Uint8Array | null {
    return this.repaired;
  }

  get summaryWorkbook(): Uint8Array | null {
    return this.summarized;
  }

  /** The workbook right after the last write of a report set, or null before any. */
  reportWorkbook(group: string): Uint8Array | null {
    return this.reported.get(group) ?? null;
  }

  /** The workbook as it stands, every sheet written so far included. */
  get workbook(): Uint8Array {
    return this.bytes;
  }

  /**
   * A sheet's grid. For a Word, SpreadsheetML or HTML input whose sheets were carried into a new .xlsx, the sheets this
   * host did not rewrite are still read from the input itself, so snapshots taken before the first write still match.
   */
  private readGrid(name: string): Grid {
    return this.readSource(name).grid;
  }

  /**
   * Sheets read since the workbook last changed (commit and reopen clear it). Only this host changes the workbook, so a sheet read
   * again before a write is the same; checking that the source is unchanged before marking or writing no longer parses a
   * 100k-row sheet a second time (seconds, in the page's worker).
   */
  private readonly readCache = new Map<string, { grid: Grid; protected: boolean }>();

  /** The sheet as the file holds it now, and whether the file protects it. */
  private readSource(name: string): { grid: Grid; protected: boolean } {
    const cached = this.readCache.get(name);
    if (cached) return cached;
    const read = this.readFromFile(name);
    this.readCache.set(name, read);
    return read;
  }

  private readFromFile(name: string): { grid: Grid; protected: boolean } {
    const from = this.input && this.input.sheets.some((sheet) => sheet.name === name) && !this.rewritten.has(name) ? this.input : this.book;
    const read = from.readSheet(name);
    return { grid: { ...read.grid, sheet: name }, protected: read.protected === true };
  }

  readSelection(onProgress?: (p: Progress) => void): Promise<SourceSnapshot> {
    return Promise.resolve().then(() => {
      onProgress?.({ stage: 'read', done: 0, total: 1 });
      const grid = this.readGrid(this.chosen);
      onProgress?.({ stage: 'read', done: 1, total: 1 });
      return { grid, sheet: this.chosen, address: usedAddress(grid), fingerprint: fingerprintGrid(grid) };
    });
  }

  /** The package to add sheets to: the input itself, or (for a Word, SpreadsheetML or HTML input) a new one holding its sheets. */
  private basePackage(): Uint8Array {
    if (this.packaged) return this.bytes;
    const copies = this.book.sheets.map((sheet) => copyOfGrid(sheet.name, this.readGrid(sheet.name)));
    return createWorkbook(copies);
  }

  private commit(bytes: Uint8Array, rewritten: readonly string[] = []): void {
    if (!this.packaged && !this.input) this.input = this.book;
    for (const name of rewritten) this.rewritten.add(name);
    this.readCache.clear();
    this.bytes = bytes;
    this.book = openWorkbook(bytes, { fileName: this.fileName.replace(/\.[^.]*$/, '.xlsx') });
    this.packaged = true;
  }

  applyPlan(
    source: SourceSnapshot,
    plan: RepairPlan,
    options: { mode: ApplyMode; lang: Lang } & HostCallOptions & PlanExtras,
    onProgress?: (p: Progress) => void,
  ): Promise<AppliedPlan> {
    return Promise.resolve().then(() => {
      throwIfCancelled(options.signal);
      const names = this.book.sheets.map((sheet) => sheet.name);
      // Sheets this write may take the place of (an earlier merge's) are free names: the same names come out again.
      const takeOver = (name: string): boolean => name !== source.sheet && options.takeOver?.(name) === true;
      const free = names.filter((name) => !takeOver(name));
      if (!names.includes(source.sheet)) {
        throw webError('source-missing', `工作表“${source.sheet}”已不在文件中，请重新读取。`, `Sheet "${source.sheet}" is no longer in the file; read it again.`);
      }
      const current = this.readSource(source.sheet);
      if (options.mode === 'in-place' && current.protected) {
        throw webError(
          'protected',
          `工作表“${source.sheet}”受保护，不能在原处替换。请选择“写入新工作表”，或先在 Excel 中撤销保护。`,
          `Sheet "${source.sheet}" is protected and cannot be replaced in place. Choose "new sheet", or unprotect it in Excel first.`,
        );
      }
      onProgress?.({ stage: 'verify', done: 0, total: 2 });
      if (fingerprintGrid(current.grid) !== source.fingerprint) {
        throw webError('source-changed', `工作表“${source.sheet}”在读取后有了变化，请重新读取后再整理。`, `Sheet "${source.sheet}" changed after it was read; read it again before repairing.`);
      }
      onProgress?.({ stage: 'write', done: 1, total: 2 });
      const log = changeLogSheet(plan, options.lang);
      let target: string;
      let sheets: OutputSheet[];
      let replace: ((name: string) => boolean) | undefined;
      if (options.mode === 'in-place') {
        // The original goes to a backup sheet first, then the repaired table takes the source sheet's name.
        // Backups are never taken over: each keeps the table as it was before that apply.
        const backup = uniqueSheetName(`${source.sheet}${BACKUP_SUFFIX[options.lang]}`, names);
        target = source.sheet;
        log.name = uniqueSheetName(log.name, [...free, backup]);
        sheets = [copyOfGrid(backup, current.grid), repairedSheet(target, plan), log];
        replace = (name) => name === source.sheet;
      } else {
        target = repairedSheetName(source.sheet, free, options.lang);
        log.name = uniqueSheetName(log.name, [...free, target]);
        sheets = [repairedSheet(target, plan), log];
      }
      for (const extra of options.extraSheets ?? []) {
        sheets.push({ ...extra, name: uniqueSheetName(extra.name, [...free, ...sheets.map((sheet) => sheet.name)]) });
      }
      const inPlace = replace;
      const result = addSheets(this.basePackage(), sheets, {
        replace: (name, sheet) => inPlace?.(name) === true || (name === sheet.name && takeOver(name)),
      });
      this.commit(result.bytes, result.names);
      this.repaired = result.bytes;
      // Marks were on the source cells; after an in-place repair those cells hold the repaired table.
      if (options.mode === 'in-place') this.setMarks(source.sheet, []);
      onProgress?.({ stage: 'write', done: 2, total: 2 });
      const applied = { sheet: target, written: result.names };
      return options.mode === 'in-place' ? { ...applied, backup: result.names[0] } : applied;
    });
  }

  private setMarks(sheet: string, marks: CellMark[]): void {
    this.marks = marks;
    this.view?.showMarks(sheet, marks);
  }

  /** The sheet must still hold what was read: marks on a table edited since would point at the wrong cells. */
  private requireUnchanged(source: SourceSnapshot): void {
    if (fingerprintGrid(this.readGrid(source.sheet)) !== source.fingerprint) {
      throw webError('source-changed', `工作表“${source.sheet}”在读取后有了变化，请重新读取。`, `Sheet "${source.sheet}" changed after it was read; read it again.`);
    }
  }

  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang, options: HostCallOptions = {}): Promise<void> {
    return Promise.resolve().then(() => {
      throwIfCancelled(options.signal);
      this.requireUnchanged(source);
      const firstColumn = source.grid.origin.column;
      const marks = findings.map((finding) => {
        const at = finding.cell ? parseA1(finding.cell) : null;
        return { row: at?.row ?? finding.row, column: at?.column ?? firstColumn, severity: finding.severity, message: finding.messages[lang] };
      });
      this.setMarks(source.sheet, marks);
    });
  }

  clearHighlights(): Promise<void> {
    return Promise.resolve().then(() => this.setMarks(this.chosen, []));
  }

  /** With `source`, refuses when the cell's row no longer holds what was read (the finding would point elsewhere). */
  selectCell(sheet: string, address: string, source?: SourceSnapshot): Promise<void> {
    return Promise.resolve().then(() => {
      if (!this.book.sheets.some((s) => s.name === sheet)) {
        throw webError('sheet-missing', `文件中没有名为“${sheet}”的工作表。`, `The file has no sheet named "${sheet}".`);
      }
      const at = parseA1(address);
      if (!at) throw webError('bad-address', `“${address}”不是单元格地址。`, `"${address}" is not a cell address.`);
      if (source && source.sheet === sheet) {
        const now = this.readGrid(sheet);
        const rowText = (grid: Grid): string => JSON.stringify((grid.values[at.row - grid.origin.row] ?? []).map((v) => (v === null ? '' : String(v))).filter((v, i, all) => v !== '' || all.slice(i).some((x) => x !== '')));
        if (rowText(now) !== rowText(source.grid)) {
          throw webError('source-changed', `第 ${at.row} 行在读取后有了变化，请重新读取。`, `Row ${at.row} changed after it was read; read the table again.`);
        }
      }
      this.view?.scrollTo(sheet, at.row, at.column);
    });
  }

  /**
   * Summary sheets are added at the end. Sheets of the same names that this host wrote before are replaced; sheets of
   * those names the file already had (the office's own, or an earlier run's) are replaced only when the user said so
   * (`replace`), otherwise nothing is written and their names come back in `needsConfirmation`.
   */
  writeSummary(summary: Summary, lang: Lang, options: SummaryWriteOptions = {}): Promise<SummaryWriteResult> {
    return Promise.resolve().then(() => {
      const result = this.writeSheetSet(summarySheets(summary, lang), this.summaryNames, options);
      if (result.needsConfirmation === undefined) this.summarized = this.bytes;
      return result;
    });
  }

  /** A report set (the comparison with last period, …), by the same rules as the summary; kept for download per set. */
  writeReportSheets(sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult> {
    return Promise.resolve().then(() => {
      let ours = this.reportNames.get(options.group);
      if (!ours) this.reportNames.set(options.group, (ours = new Set()));
      const result = this.writeSheetSet(reportSheetSpecs(sheets), ours, options);
      if (result.needsConfirmation === undefined) this.reported.set(options.group, this.bytes);
      return result;
    });
  }

  private writeSheetSet(sheets: readonly SheetSpec[], ours: Set<string>, options: SummaryWriteOptions): SummaryWriteResult {
    throwIfCancelled(options.signal);
    const specs = asOutputSheets(sheets);
    const wanted = new Set(specs.map((spec) => spec.name.toLowerCase()));
    const existing = this.book.sheets.map((sheet) => sheet.name);
    const foreign = existing.filter((name) => name !== this.chosen && wanted.has(name.toLowerCase()) && !ours.has(name.toLowerCase()));
    if (foreign.length > 0 && !options.replace) return { sheets: [], needsConfirmation: foreign };
    const replaceable = (name: string): boolean => name !== this.chosen && wanted.has(name.toLowerCase());
    const kept = existing.filter((name) => !replaceable(name));
    for (const spec of specs) {
      spec.name = uniqueSheetName(spec.name, kept);
      kept.push(spec.name);
      ours.add(spec.name.toLowerCase());
    }
    const written = writeSheets(this.basePackage(), specs, { replace: replaceable });
    this.commit(written, specs.map((spec) => spec.name));
    return { sheets: specs.map((spec) => spec.name) };
  }

  loadSettings(): Promise<unknown | null> {
    return this.settings.load();
  }

  /**
   * Keeps the settings as given (null removes them), as every host does: the page checks them with the same zod schema
   * as the CLI's --config before saving (session.ts, useWebWorkbench.ts), and again when it loads them.
   */
  async saveSettings(settings: unknown): Promise<void> {
    await this.settings.save(settings ?? null);
  }

  /**
   * The user opened a newer version of the same file (or edited it elsewhere): later reads see it, and a snapshot taken
   * before no longer matches, so a repair made from it is refused rather than written over the new content.
   */
  reopen(bytes: Uint8Array): void {
    const book = openWorkbook(bytes, { fileName: this.fileName });
    this.bytes = bytes;
    this.book = book;
    this.packaged = PACKAGE_FORMATS.has(book.format);
    this.input = null;
    this.rewritten.clear();
    this.readCache.clear();
    if (!book.sheets.some((sheet) => sheet.name === this.chosen)) this.chosen = (book.sheets.find((sheet) => !sheet.hidden) ?? book.sheets[0])?.name ?? '';
  }
}

/** Opens a file for the page; a file the layer cannot read throws its FileError (one line, both languages). */
export function openMemoryHost(bytes: Uint8Array, options: MemoryHostOptions): MemoryHost {
  return new MemoryHost(bytes, options);
}
