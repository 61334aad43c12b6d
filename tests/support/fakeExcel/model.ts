/**
 * The in-memory workbook behind the fake office-js API: sheets of sparse cells, merged areas, notes, tables,
 * charts, settings, and counters of what each `context.sync()` sent. Pure TypeScript (no Node APIs) so the
 * taskpane's browser test can bundle it.
 */
import { FakeOfficeError, accessDenied, invalidArgument } from './errors';
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
}

/** Excel on the web refuses requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** getMergedAreasOrNullObject fails above this many areas. */
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
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  charts: FakeChart[] = [];

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
      if (this.merges.some((existing) => intersects(existing, area))) {
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

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) to a date. */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

function interpretInput(input: unknown, numberFormat: string): { value: Scalar; formula: string | null; numberFormat: string | null } {
  if (input === null || input === undefined || input === '') return { value: '', formula: null, numberFormat: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null, numberFormat: null };
  if (typeof input !== 'string') throw invalidArgument(`Unsupported cell value ${JSON.stringify(input)}`);
  // A text-formatted cell keeps whatever is typed, formulas included.
  if (numberFormat === '@') return { value: input, formula: null, numberFormat: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, numberFormat: null };
  const trimmed = input.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed), formula: null, numberFormat: null };
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: null, numberFormat: null };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: null, numberFormat: null };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return { value: dateSerial(year, month, day), formula: null, numberFormat: numberFormat === 'General' ? 'yyyy/m/d' : null };
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
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  apiVersion: string;
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: Rect } | null = null;
  readonly stats: SyncStats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], runOptions: [] };
  /** Fault injection: return an error to make the command with that name (e.g. 'tables.add') fail at sync. */
  failWhen: ((command: string, args: unknown[]) => FakeOfficeError | null) | null = null;
  private nextId = 1;
  private nextTable = 1;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.20';
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
    this.validateName(finalName);
    const sheet = new FakeSheet(finalName, this.nextId++);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activate(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    this.validateName(name, sheet);
    sheet.name = name;
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
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
    let n = 2;
    let name = '';
    for (;;) {
      const suffix = ` (${n})`;
      name = sheet.name.slice(0, 31 - suffix.length) + suffix;
      if (!this.findSheet(name)) break;
      n += 1;
    }
    const copy = new FakeSheet(name, this.nextId++);
    for (const [key, cell] of sheet.cells) copy.cells.set(key, { ...cell });
    copy.merges = sheet.merges.map((area) => ({ ...area }));
    copy.protected = sheet.protected;
    for (const [key, value] of sheet.columnWidths) copy.columnWidths.set(key, value);
    for (const [key, value] of sheet.rowHeights) copy.rowHeights.set(key, value);
    for (const [key, value] of sheet.notes) copy.notes.set(key, value);
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
    this.selection = { sheet, rect: parseOrThrow(address) };
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
