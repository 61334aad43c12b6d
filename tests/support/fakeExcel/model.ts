/**
 * The in-memory workbook behind the fake office-js API: sheets of sparse cells, merged areas, notes, tables,
 * charts, settings, and counters of what each `context.sync()` sent. Pure TypeScript (no Node APIs) so the
 * taskpane's browser test can bundle it.
 */
import { FakeOfficeError, accessDenied, invalidArgument } from './errors';
import { FakePlatform, displayedText } from './display';
import { MAX_COLUMNS, Rect, cellA1, columnLetters, containsCell, intersects, parseRef, rectA1, splitQualified } from './address';

export type Scalar = string | number | boolean;

export interface FakeCell {
  /** What `values` returns: '' for empty, '#NAME?' for a formula the fake does not evaluate. */
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  wrap: boolean;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

export interface FakeChartSeries {
  name: string;
  values: Rect | null;
  xValues: Rect | null;
}

export interface FakeChart {
  name: string;
  type: string;
  title: string;
  series: FakeChartSeries[];
  position: string | null;
}

export interface SyncStats {
  runs: number;
  syncs: number;
  /** UTF-8 size of the JSON each sync sent, one entry per sync. */
  requestBytes: number[];
  /** UTF-8 size of the JSON each sync returned (loaded property values). */
  responseBytes: number[];
  /** Options passed to each Excel.run (undefined when none). */
  runOptions: Array<Record<string, unknown> | undefined>;
  /** Syncs Excel refused (an error came back). */
  failedSyncs: number;
  /** The command names each sync carried, in order (e.g. 'worksheet.delete', 'worksheet.name'). */
  commands: string[][];
}

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will be triggered if that
 * limit is exceeded" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rendering-optimization;
 * for large ranges also https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large).
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * getMergedAreasOrNullObject fails above this many areas. Microsoft's reference gives no number for it
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member);
 * 512 is the pessimistic assumption the adapter is built against: it asks in windows of at most 1,024 cells, which
 * cannot hold more areas than that, so the exact limit does not matter.
 */
export const MERGED_AREAS_LIMIT = 512;
export const NO_FILL = '#FFFFFF';

const FORBIDDEN_NAME = /[:\\/?*[\]]/;

export class FakeSheet {
  name: string;
  readonly id: number;
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  protected = false;
  deleted = false;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Notes by cell A1 (no sheet), upper case. */
  readonly notes = new Map<string, string>();
  /**
   * Threaded comments by cell A1. A cell carries a note or a threaded comment, not both: "Comments are threaded
   * discussions … Notes are the older style" and Excel offers "Convert to Comments" rather than holding both
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes,
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments).
   */
  readonly comments = new Map<string, string>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  charts: FakeChart[] = [];
  /** Where the workbook is open (set by FakeWorkbook); decides what `displayedAt` paints. */
  platform: FakePlatform = 'desktop';

  constructor(name: string, id: number) {
    this.name = name;
    this.id = id;
  }

  private static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  private ensure(row: number, column: number): FakeCell {
    const key = FakeSheet.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General', fill: null, bold: false, wrap: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  assertWritable(): void {
    if (this.protected) throw accessDenied(this.name);
  }

  value(row: number, column: number): Scalar {
    return this.cell(row, column)?.value ?? '';
  }

  /** Types a value into a cell the way Excel does: formulas, numbers, booleans and dates are recognized unless the cell is text-formatted. */
  enter(row: number, column: number, input: unknown): void {
    const cell = this.ensure(row, column);
    const entered = interpretInput(input, cell.numberFormat);
    cell.value = entered.value;
    cell.formula = entered.formula;
    if (entered.numberFormat !== null) cell.numberFormat = entered.numberFormat;
  }

  /** Stores a value as it is (copying cells does not re-interpret them). */
  putRaw(row: number, column: number, value: Scalar, formula: string | null): void {
    const cell = this.ensure(row, column);
    cell.value = value;
    cell.formula = formula;
  }

  setNumberFormat(row: number, column: number, format: string): void {
    this.ensure(row, column).numberFormat = format;
  }

  setFill(row: number, column: number, color: string | null): void {
    this.ensure(row, column).fill = color;
  }

  setBold(row: number, column: number, bold: boolean): void {
    this.ensure(row, column).bold = bold;
  }

  setWrap(row: number, column: number, wrap: boolean): void {
    this.ensure(row, column).wrap = wrap;
  }

  clear(rect: Rect, applyTo: string): void {
    for (const [key, cell] of [...this.cells]) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      if (!containsCell(rect, row, column)) continue;
      if (applyTo === 'All' || applyTo === 'Contents') {
        cell.value = '';
        cell.formula = null;
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        cell.numberFormat = 'General';
        cell.fill = null;
        cell.bold = false;
        cell.wrap = false;
      }
      if (cell.value === '' && cell.formula === null && cell.numberFormat === 'General' && cell.fill === null && !cell.bold && !cell.wrap) {
        this.cells.delete(key);
      }
    }
    if (applyTo === 'All' || applyTo === 'Formats') this.merges = this.merges.filter((area) => !intersects(area, rect));
  }

  merge(rect: Rect, across: boolean): void {
    const areas: Rect[] = across
      ? Array.from({ length: rect.rowCount }, (_, i) => ({ row: rect.row + i, column: rect.column, rowCount: 1, columnCount: rect.columnCount }))
      : [rect];
    for (const area of areas) {
      if (area.rowCount * area.columnCount < 2) continue;
      if (this.overlapsMerge(area)) {
        throw new FakeOfficeError('InvalidOperation', `Cannot merge ${rectA1(area)}: it overlaps a merged area.`);
      }
      // Excel keeps only the top-left value of a merged area.
      for (let r = area.row; r < area.row + area.rowCount; r += 1) {
        for (let c = area.column; c < area.column + area.columnCount; c += 1) {
          if (r === area.row && c === area.column) continue;
          const cell = this.cell(r, c);
          if (cell) {
            cell.value = '';
            cell.formula = null;
          }
        }
      }
      this.merges.push({ ...area });
    }
  }

  unmerge(rect: Rect): void {
    this.merges = this.merges.filter((area) => !intersects(area, rect));
  }

  /** Whether `area` overlaps an existing merged area; by a row index so that tables with 50k merges build quickly. */
  private overlapsMerge(area: Rect): boolean {
    if (this.mergeIndexSize !== this.merges.length || this.mergeIndexSource !== this.merges) {
      this.mergeIndex = new Map();
      this.mergeIndexSize = 0;
      for (const existing of this.merges) this.indexMerge(existing);
      this.mergeIndexSource = this.merges;
    }
    for (let r = area.row; r < area.row + area.rowCount; r += 1) {
      if (this.mergeIndex.get(r)?.some((existing) => intersects(existing, area))) return true;
    }
    this.indexMerge(area);
    return false;
  }

  private indexMerge(area: Rect): void {
    for (let r = area.row; r < area.row + area.rowCount; r += 1) {
      const list = this.mergeIndex.get(r);
      if (list) list.push(area);
      else this.mergeIndex.set(r, [area]);
    }
    this.mergeIndexSize += 1;
  }

  private mergeIndex = new Map<number, Rect[]>();
  private mergeIndexSize = 0;
  private mergeIndexSource: Rect[] | null = null;

  /** The bounding box of cells with values (or, unless valuesOnly, any formatting); null for an empty sheet. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      const used = cell.value !== '' || cell.formula !== null || (!valuesOnly && (cell.fill !== null || cell.numberFormat !== 'General' || cell.bold));
      if (!used) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      if (within && !containsCell(within, row, column)) continue;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    if (bottom < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  isBlank(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return !cell || (cell.value === '' && cell.formula === null);
  }

  /** Ctrl+* in Excel: grow from the cell while any cell bordering the region holds a value. */
  surroundingRegion(row: number, column: number): Rect {
    let top = row;
    let left = column;
    let bottom = row;
    let right = column;
    const used = this.usedRect(true);
    if (!used) return { row, column, rowCount: 1, columnCount: 1 };
    const anyValue = (r0: number, c0: number, r1: number, c1: number): boolean => {
      for (let r = Math.max(r0, used.row); r <= Math.min(r1, used.row + used.rowCount - 1); r += 1) {
        for (let c = Math.max(c0, used.column); c <= Math.min(c1, used.column + used.columnCount - 1); c += 1) {
          if (!this.isBlank(r, c)) return true;
        }
      }
      return false;
    };
    // Grow one side at a time as far as it goes, so a long table costs one scan per row, not one per step.
    for (let grew = true; grew; ) {
      grew = false;
      while (top > 0 && anyValue(top - 1, left - 1, top - 1, right + 1)) {
        top -= 1;
        grew = true;
      }
      while (anyValue(bottom + 1, left - 1, bottom + 1, right + 1)) {
        bottom += 1;
        grew = true;
      }
      while (left > 0 && anyValue(top - 1, left - 1, bottom + 1, left - 1)) {
        left -= 1;
        grew = true;
      }
      while (anyValue(top - 1, right + 1, bottom + 1, right + 1)) {
        right += 1;
        grew = true;
      }
    }
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Merged areas whose top-left cell lies inside `rect`; the real method fails above 512. */
  mergedAreasStartingIn(rect: Rect): Rect[] {
    return this.merges.filter((area) => containsCell(rect, area.row, area.column));
  }

  /** Test helper: the values of a range as `values` would return them. */
  valuesOf(address: string): Scalar[][] {
    const rect = parseOrThrow(address);
    return matrix(rect, (r, c) => this.value(r, c));
  }

  /** Test helper: a cell's formula, or null when it holds a constant. */
  formulaAt(address: string): string | null {
    const rect = parseOrThrow(address);
    return this.cell(rect.row, rect.column)?.formula ?? null;
  }

  cellAt(address: string): FakeCell | undefined {
    const rect = parseOrThrow(address);
    return this.cell(rect.row, rect.column);
  }

  /** Test helper: what the grid shows in a cell on that platform (##### for long Text-formatted text on desktop). */
  displayedAt(address: string, platform: FakePlatform = this.platform): string {
    const rect = parseOrThrow(address);
    const cell = this.cell(rect.row, rect.column);
    return cell ? displayedText(cell.value, cell.numberFormat, platform) : '';
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, column: number): Rect | undefined {
    return this.merges.find((area) => containsCell(area, row, column));
  }

  /**
   * A selection grows to cover every merged area it touches: clicking a merged title selects all of it. "When you
   * select a range that contains merged cells, the resulting selection may be different from the intended selection"
   * (https://learn.microsoft.com/office/vba/api/excel.range.mergecells); `workbook.getSelectedRange()` then returns
   * the whole merged area (issue 9: a click on a merged title arrives as A1:F1, not A1).
   */
  expandToMerges(rect: Rect): Rect {
    let out = { ...rect };
    for (let grew = true; grew; ) {
      grew = false;
      for (const area of this.merges) {
        if (!intersects(area, out)) continue;
        const top = Math.min(out.row, area.row);
        const left = Math.min(out.column, area.column);
        const bottom = Math.max(out.row + out.rowCount, area.row + area.rowCount);
        const right = Math.max(out.column + out.columnCount, area.column + area.columnCount);
        if (top !== out.row || left !== out.column || bottom !== out.row + out.rowCount || right !== out.column + out.columnCount) {
          out = { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
          grew = true;
        }
      }
    }
    return out;
  }
}

export function matrix<T>(rect: Rect, at: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rowCount; r += 1) {
    const line: T[] = [];
    for (let c = 0; c < rect.columnCount; c += 1) line.push(at(rect.row + r, rect.column + c));
    out.push(line);
  }
  return out;
}

function parseOrThrow(address: string): Rect {
  const rect = parseRef(splitQualified(address).ref);
  if (!rect) throw invalidArgument(`Bad address ${address}`);
  return rect;
}

/** The year the fake's clock says it is, for dates typed without one. */
const FAKE_YEAR = 2026;

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) to a date. */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * A cell holds at most 32,767 characters ("Total number of characters that a cell can contain: 32,767",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * office-js refuses a longer value with InvalidArgument.
 */
export const CELL_TEXT_LIMIT = 32767;

function interpretInput(input: unknown, numberFormat: string): { value: Scalar; formula: string | null; numberFormat: string | null } {
  if (input === null || input === undefined || input === '') return { value: '', formula: null, numberFormat: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null, numberFormat: null };
  if (typeof input !== 'string') throw invalidArgument(`Unsupported cell value ${JSON.stringify(input)}`);
  if (input.length > CELL_TEXT_LIMIT + (input.startsWith("'") ? 1 : 0)) throw invalidArgument(`A cell can hold at most ${CELL_TEXT_LIMIT} characters.`);
  // A text-formatted cell keeps whatever is typed, formulas included.
  if (numberFormat === '@') return { value: input, formula: null, numberFormat: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, numberFormat: null };
  const trimmed = input.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed), formula: null, numberFormat: null };
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: null, numberFormat: null };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: null, numberFormat: null };
  const percent = /^[-+]?(\d+\.?\d*|\.\d+)%$/.exec(trimmed);
  // "50%" is typed as the number 0.5 shown with a percent format.
  if (percent) return { value: Number(trimmed.slice(0, -1)) / 100, formula: null, numberFormat: numberFormat === 'General' ? '0%' : null };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return { value: dateSerial(year, month, day), formula: null, numberFormat: numberFormat === 'General' ? (trimmed.includes('年') ? 'yyyy"年"m"月"d"日"' : 'yyyy/m/d') : null };
    }
  }
  // "12/2" becomes 2 December of this year, "6月30日" 30 June in a Chinese Excel: "Excel is pre-programmed to make it
  // easier to enter dates. For example, 12/2 changes to 2-Dec" — the way to keep such text is the apostrophe or the
  // Text format (https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
  const short = /^(\d{1,2})[-/](\d{1,2})$/.exec(trimmed) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(trimmed);
  if (short) {
    const [month, day] = [Number(short[1]), Number(short[2])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return { value: dateSerial(FAKE_YEAR, month, day), formula: null, numberFormat: numberFormat === 'General' ? (trimmed.includes('月') ? 'm"月"d"日"' : 'd-mmm') : null };
    }
  }
  if (input.length > 1 && /^[=+\-@]/.test(input)) {
    // Excel turns "+x" / "-x" / "@x" into the formula "=+x" …; the fake does not evaluate formulas.
    const formula = input.startsWith('=') ? input : `=${input}`;
    return { value: '#NAME?', formula, numberFormat: null };
  }
  return { value: input, formula: null, numberFormat: null };
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi requirement set the fake claims, e.g. '1.20' (default) or '1.12'. */
  apiVersion?: string;
  /** Excel for desktop (default) or on the web: what the grid paints differs (see display.ts). */
  platform?: FakePlatform;
  /**
   * What `Range.getMergedAreasOrNullObject` reports for an area only partly inside the range. The reference says only
   * "Returns a RangeAreas object that represents the merged areas in this range"
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member),
   * so the adapter must cope with each reading: 'whole' areas that intersect (default), areas 'starting-in' the range,
   * or areas 'clipped' to the range (a merge split at a block boundary then arrives in two pieces).
   */
  mergedAreas?: 'whole' | 'starting-in' | 'clipped';
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  apiVersion: string;
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: Rect } | null = null;
  readonly stats: SyncStats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], runOptions: [], failedSyncs: 0, commands: [] };
  readonly platform: FakePlatform;
  readonly mergedAreasMode: 'whole' | 'starting-in' | 'clipped';
  /**
   * The structure of the workbook is protected (Review › Protect Workbook): sheets cannot be added, deleted, renamed
   * or moved; cells stay editable (https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection,
   * https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517). office-js answers
   * AccessDenied, the same code as for a protected sheet, so the adapter has to look at which one it is.
   */
  structureProtected = false;
  /**
   * Undo records: "When false, each context.sync() call creates an undo record. When true, all context.sync() calls in
   * a single Excel.run are merged into one undo group" (RunOptions.mergeUndoGroup, ExcelApi 1.20,
   * https://learn.microsoft.com/javascript/api/excel/excel.runoptions). Counted for syncs that changed something.
   */
  undoSteps = 0;
  /**
   * The user is typing in a cell. "When false, if the user is in cell edit when the batch request is processed by the
   * host, the batch automatically fails. When true, … the batch request is delayed until the user exits cell edit
   * mode" (RunOptions.delayForCellEdit, ExcelApi 1.11, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  private cellEdit: { done: Promise<void>; finish: () => void } | null = null;
  /** Fault injection: return an error to make the command with that name (e.g. 'tables.add') fail at sync. */
  failWhen: ((command: string, args: unknown[]) => FakeOfficeError | null) | null = null;
  private nextId = 1;
  private nextTable = 1;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.20';
    this.platform = options.platform ?? 'desktop';
    this.mergedAreasMode = options.mergedAreas ?? 'whole';
  }

  /** Test helper: the user starts typing in a cell (see `cellEdit`). */
  startCellEdit(): void {
    if (this.cellEdit) return;
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.cellEdit = { done, finish };
  }

  /** Test helper: the user presses Enter. */
  finishCellEdit(): void {
    this.cellEdit?.finish();
    this.cellEdit = null;
  }

  /** Resolves when the user is not (or no longer) editing a cell. */
  get cellEditDone(): Promise<void> | null {
    return this.cellEdit?.done ?? null;
  }

  supports(version: string): boolean {
    const [major, minor] = version.split('.').map(Number);
    const [haveMajor, haveMinor] = this.apiVersion.split('.').map(Number);
    return haveMajor! > major! || (haveMajor === major && haveMinor! >= (minor ?? 0));
  }

  resetStats(): void {
    this.stats.runs = 0;
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.responseBytes = [];
    this.stats.runOptions = [];
    this.stats.failedSyncs = 0;
    this.stats.commands = [];
  }

  get sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLocaleLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLocaleLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const found = this.findSheet(name);
    if (!found) throw new Error(`fake Excel: no sheet ${name}`);
    return found;
  }

  /**
   * What Excel answers a sheet name it cannot take: "You typed an invalid name for a sheet or chart. Make sure that the
   * name that you type does not exceed 31 characters; the name does not contain any of the following characters:
   * : \ / ? * [ or ]; you did not leave the name blank" (Excel's own message), an apostrophe may not start or end it and
   * "History" is reserved (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member
   * sets the same name; office-js reports InvalidArgument); names are unique regardless of case.
   */
  validateName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(`"${name}" is not a valid sheet name.`);
    }
    if (name.toLocaleLowerCase() === 'history') throw invalidArgument('"History" is reserved.');
    const clash = this.findSheet(name);
    if (clash && clash !== except) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): FakeSheet {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n += 1;
      finalName = `Sheet${n}`;
    }
    this.assertStructureEditable();
    this.validateName(finalName);
    const sheet = new FakeSheet(finalName, this.nextId++);
    sheet.platform = this.platform;
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activate(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (name !== sheet.name) this.assertStructureEditable();
    this.validateName(name, sheet);
    sheet.name = name;
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    this.assertStructureEditable();
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.assertStructureEditable();
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i -= 1) if (this.tables[i]!.sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activate(this.sheets.find((s) => s.visibility === 'Visible') ?? null);
  }

  /** Copies a sheet as Excel does: "Name (2)", placed after `relativeTo` (or at the end). */
  copySheet(sheet: FakeSheet, positionType: string, relativeTo: FakeSheet | null): FakeSheet {
    this.assertStructureEditable();
    let n = 2;
    let name = '';
    for (;;) {
      const suffix = ` (${n})`;
      name = sheet.name.slice(0, 31 - suffix.length) + suffix;
      if (!this.findSheet(name)) break;
      n += 1;
    }
    const copy = new FakeSheet(name, this.nextId++);
    copy.platform = this.platform;
    for (const [key, cell] of sheet.cells) copy.cells.set(key, { ...cell });
    copy.merges = sheet.merges.map((area) => ({ ...area }));
    copy.protected = sheet.protected;
    for (const [key, value] of sheet.columnWidths) copy.columnWidths.set(key, value);
    for (const [key, value] of sheet.rowHeights) copy.rowHeights.set(key, value);
    for (const [key, value] of sheet.notes) copy.notes.set(key, value);
    for (const [key, value] of sheet.comments) copy.comments.set(key, value);
    const anchor = relativeTo ?? sheet;
    const at = this.sheets.indexOf(anchor);
    if (positionType === 'Before') this.sheets.splice(at, 0, copy);
    else if (positionType === 'Beginning') this.sheets.unshift(copy);
    else if (positionType === 'After') this.sheets.splice(at + 1, 0, copy);
    else this.sheets.push(copy);
    return copy;
  }

  activate(sheet: FakeSheet | null): void {
    this.activeSheet = sheet;
    if (sheet && this.selection?.sheet !== sheet) this.selection = { sheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
  }

  /** Test helper: select a range the way a user would. */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    this.activate(sheet);
    this.selection = { sheet, rect: sheet.expandToMerges(parseOrThrow(address)) };
  }

  protectStructure(): void {
    this.structureProtected = true;
  }

  assertStructureEditable(): void {
    if (this.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected: sheets cannot be added, deleted, renamed or moved.');
  }

  protect(sheetName: string): void {
    this.sheet(sheetName).protected = true;
  }

  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    sheet.assertWritable();
    if (this.tables.some((table) => table.sheet === sheet && intersects(table.rect, rect))) {
      throw invalidArgument('A table can\'t overlap another table.');
    }
    if (sheet.merges.some((area) => intersects(area, rect))) {
      throw new FakeOfficeError('InvalidOperation', 'A table can\'t overlap a range that contains merged cells.');
    }
    let finalRect = rect;
    if (hasHeaders && rect.rowCount === 1) finalRect = { ...rect, rowCount: 2 };
    if (hasHeaders) {
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c += 1) {
        let header = String(sheet.value(rect.row, rect.column + c));
        if (header === '' || seen.has(header.toLocaleLowerCase())) {
          header = `Column${c + 1}`;
          sheet.enter(rect.row, rect.column + c, header);
        }
        seen.add(header.toLocaleLowerCase());
      }
    }
    let name = '';
    do name = `Table${this.nextTable++}`;
    while (this.tables.some((table) => table.name === name));
    const table: FakeTable = { name, sheet, rect: finalRect, hasHeaders, style: 'TableStyleMedium2' };
    this.tables.push(table);
    return table;
  }

  tablesOn(sheetName: string): FakeTable[] {
    const sheet = this.sheet(sheetName);
    return this.tables.filter((table) => table.sheet === sheet);
  }
}

export { cellA1, columnLetters };
