/**
 * The in-memory WPS 表格 workbook behind the fake `window.Application`: sheets of sparse cells, merged areas,
 * comments, fills, the selection and a counter of every call the object model receives. Pure TypeScript (no Node
 * APIs) so the browser e2e harness can bundle it. Each behaviour names the page it imitates; WPS's pages
 * (airsheet.wps.cn/docs/apiV2/excel/workbook/…) mirror Microsoft's VBA pages (learn.microsoft.com/office/vba/api/…).
 */

export type WpsScalar = string | number | boolean;

export interface Rect {
  /** 0-based. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface WpsCell {
  value: WpsScalar | null;
  formula: string | null;
  numberFormat: string;
  /** Entered with a leading apostrophe (Range.PrefixCharacter). */
  prefix: boolean;
  /** Interior.Color as BGR; null for no fill. */
  color: number | null;
  comment: string | null;
  bold: boolean;
  wrap: boolean;
}

/** A run-time error as WPS raises it into JavaScript (VBA error numbers, e.g. 1004). */
export class WpsError extends Error {
  readonly number: number;
  constructor(number: number, message: string) {
    super(message);
    this.name = 'WpsError';
    this.number = number;
  }
}

const MAX_COLUMNS = 16384;
const FORBIDDEN_NAME = /[:\\/?*[\]]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectA1(rect: Rect, absolute = false): string {
  const at = (r: number, c: number): string => (absolute ? `$${columnLetters(c)}$${r + 1}` : cellA1(r, c));
  const first = at(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${at(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** "B5", "$A$1:$F$9" → rectangle; anything else throws (Range("…") with a bad reference fails in WPS too). */
export function parseRef(ref: string): Rect {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!match) throw new WpsError(1004, `Method 'Range' of object '_Worksheet' failed: ${ref}`);
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(match[2]) - 1;
  const c1 = col(match[1]!);
  const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
  const c2 = match[3] === undefined ? c1 : col(match[3]);
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.row && row < outer.row + outer.rowCount && column >= outer.column && column < outer.column + outer.columnCount;
}

function emptyCell(): WpsCell {
  return { value: null, formula: null, numberFormat: 'General', prefix: false, color: null, comment: null, bold: false, wrap: false };
}

/**
 * What typing `input` into a cell stores. Range.Value / Value2 (learn.microsoft.com/office/vba/api/excel.range.value2)
 * take text as if typed: "=…" becomes a formula (Range.Formula, …/excel.range.formula), "007" the number 7,
 * "2024/6/30" a date serial — unless the cell's NumberFormat is "@" (text, …/excel.range.numberformat) or the
 * text starts with an apostrophe, which is kept as the PrefixCharacter (…/excel.range.prefixcharacter).
 */
export function interpret(input: unknown, numberFormat: string): Pick<WpsCell, 'value' | 'formula' | 'prefix'> & { numberFormat?: string } {
  if (input === null || input === undefined || input === '') return { value: null, formula: null, prefix: false };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null, prefix: false };
  const text = String(input);
  if (numberFormat === '@') return { value: text, formula: null, prefix: false };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null, prefix: true };
  if (NUMBER.test(text)) return { value: Number(text), formula: null, prefix: false };
  const date = DATE.exec(text);
  if (date) {
    const serial = (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - EXCEL_EPOCH) / 86400000;
    return { value: serial, formula: null, prefix: false, numberFormat: 'yyyy/m/d' };
  }
  // "=…", and "+…", "-…", "@…" that are not numbers, are taken as formulas; the fake does not evaluate them.
  if (text.length > 1 && /^[=+\-@]/.test(text)) return { value: '#NAME?', formula: text.startsWith('=') ? text : `=${text}`, prefix: false };
  return { value: text, formula: null, prefix: false };
}

export class WpsSheetModel {
  name: string;
  readonly cells = new Map<number, WpsCell>();
  merges: Rect[] = [];
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  visible = -1;
  protectedContents = false;
  deleted = false;
  readonly columnWidths = new Map<number, number>();
  /** Each sheet remembers its own selection, shown again when it is activated (as in Excel and WPS). */
  selected: Rect = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Rows frozen at the top (Window.SplitRow with FreezePanes). */
  frozenRows = 0;
  splitRow = 0;

  constructor(name: string) {
    this.name = name;
  }

  private static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  cell(row: number, column: number): WpsCell | undefined {
    return this.cells.get(WpsSheetModel.key(row, column));
  }

  ensure(row: number, column: number): WpsCell {
    const key = WpsSheetModel.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /**
   * Writes are refused on a protected sheet (Worksheet.Protect, learn.microsoft.com/office/vba/api/excel.worksheet.protect):
   * run-time error 1004.
   */
  assertWritable(): void {
    if (this.protectedContents) throw new WpsError(1004, 'The cell or chart that you are trying to change is protected and therefore read-only.');
  }

  /** Types `input` into one cell (see `interpret`). */
  enter(row: number, column: number, input: unknown): void {
    const cell = this.ensure(row, column);
    const entered = interpret(input, cell.numberFormat);
    cell.value = entered.value;
    cell.formula = entered.formula;
    cell.prefix = entered.prefix;
    if (entered.numberFormat) cell.numberFormat = entered.numberFormat;
  }

  mergeAt(row: number, column: number): Rect | null {
    return this.merges.find((area) => contains(area, row, column)) ?? null;
  }

  /**
   * Range.Merge (learn.microsoft.com/office/vba/api/excel.range.merge): the merged cell keeps the upper-left
   * value only; areas it overlaps are absorbed.
   */
  merge(rect: Rect): void {
    this.assertWritable();
    if (rect.rowCount * rect.columnCount < 2) return;
    this.merges = this.merges.filter((area) => !intersects(area, rect));
    for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
        if (r === rect.row && c === rect.column) continue;
        const cell = this.cell(r, c);
        if (cell) {
          cell.value = null;
          cell.formula = null;
        }
      }
    }
    this.merges.push({ ...rect });
  }

  unmerge(rect: Rect): void {
    this.assertWritable();
    this.merges = this.merges.filter((area) => !intersects(area, rect));
  }

  /** What holds anything: a value, a format other than General, a fill or a comment (Worksheet.UsedRange). */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row: number, column: number): void => {
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    };
    for (const [key, cell] of this.cells) {
      if (cell.value === null && cell.formula === null && cell.color === null && cell.comment === null && cell.numberFormat === 'General' && !cell.bold) continue;
      take(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
    }
    for (const area of this.merges) {
      take(area.row, area.column);
      take(area.row + area.rowCount - 1, area.column + area.columnCount - 1);
    }
    if (bottom < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Test helper: values of a range, '' for empty, as a user sees them (no apostrophes). */
  valuesOf(address: string): WpsScalar[][] {
    const rect = parseRef(address);
    return Array.from({ length: rect.rowCount }, (_, r) =>
      Array.from({ length: rect.columnCount }, (_, c) => this.cell(rect.row + r, rect.column + c)?.value ?? ''),
    );
  }

  cellAt(address: string): WpsCell | undefined {
    const rect = parseRef(address);
    return this.cell(rect.row, rect.column);
  }
}

export interface WpsBookOptions {
  /** Application.Name; WPS's spreadsheet reports its own product name. */
  applicationName?: string;
}

export class WpsBook {
  readonly sheets: WpsSheetModel[] = [];
  active: WpsSheetModel | null = null;
  readonly pluginStorage = new Map<string, unknown>();
  readonly taskPanes: Array<{ id: number; url: string; visible: boolean }> = [];
  displayAlerts = true;
  /** Sheets deleted while DisplayAlerts was on: WPS would have asked the user first (Application.DisplayAlerts). */
  promptedDeletes = 0;
  readonly applicationName: string;
  /** Every call into the object model, by name ("Range.Value2.get", "Worksheets.Add", …). */
  readonly calls = new Map<string, number>();
  /** Fault injection: return an error to throw it from that call. */
  failWhen: ((call: string) => Error | null) | null = null;

  constructor(options: WpsBookOptions = {}) {
    this.applicationName = options.applicationName ?? 'WPS 表格';
  }

  count(call: string): void {
    this.calls.set(call, (this.calls.get(call) ?? 0) + 1);
    const failure = this.failWhen?.(call);
    if (failure) throw failure;
  }

  /** Calls matching a prefix, e.g. "Range.MergeCells". */
  callsTo(prefix: string): number {
    let total = 0;
    for (const [name, n] of this.calls) if (name.startsWith(prefix)) total += n;
    return total;
  }

  get totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  resetCalls(): void {
    this.calls.clear();
  }

  get sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  get visibleSheetNames(): string[] {
    return this.sheets.filter((sheet) => sheet.visible === -1).map((sheet) => sheet.name);
  }

  findSheet(name: string): WpsSheetModel | undefined {
    const lower = name.toLocaleLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLocaleLowerCase() === lower);
  }

  sheet(name: string): WpsSheetModel {
    const found = this.findSheet(name);
    if (!found) throw new Error(`fake WPS: no sheet ${name}`);
    return found;
  }

  /**
   * Worksheet.Name (learn.microsoft.com/office/vba/api/excel.worksheet.name): at most 31 characters, none of
   * : \ / ? * [ ], unique ignoring case; otherwise run-time error 1004.
   */
  validateName(name: string, except?: WpsSheetModel): void {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new WpsError(1004, `Invalid sheet name: ${name}`);
    }
    const clash = this.findSheet(name);
    if (clash && clash !== except) throw new WpsError(1004, 'That name is already taken. Try a different one.');
  }

  addSheet(name?: string, at?: number): WpsSheetModel {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n += 1;
      finalName = `Sheet${n}`;
    }
    this.validateName(finalName);
    const sheet = new WpsSheetModel(finalName);
    this.sheets.splice(at ?? this.sheets.length, 0, sheet);
    if (!this.active) this.activate(sheet);
    return sheet;
  }

  /** Worksheet.Copy (learn.microsoft.com/office/vba/api/excel.worksheet.copy): "Name (2)", the copy becomes active. */
  copySheet(sheet: WpsSheetModel, at: number): WpsSheetModel {
    let n = 2;
    let name = '';
    for (;;) {
      const suffix = ` (${n})`;
      name = sheet.name.slice(0, 31 - suffix.length) + suffix;
      if (!this.findSheet(name)) break;
      n += 1;
    }
    const copy = new WpsSheetModel(name);
    for (const [key, cell] of sheet.cells) copy.cells.set(key, { ...cell });
    copy.merges = sheet.merges.map((area) => ({ ...area }));
    copy.protectedContents = sheet.protectedContents;
    for (const [key, width] of sheet.columnWidths) copy.columnWidths.set(key, width);
    this.sheets.splice(at, 0, copy);
    this.activate(copy);
    return copy;
  }

  deleteSheet(sheet: WpsSheetModel): void {
    const visible = this.sheets.filter((s) => s.visible === -1);
    if (visible.length === 1 && visible[0] === sheet) throw new WpsError(1004, 'A workbook must contain at least one visible worksheet.');
    if (this.displayAlerts) this.promptedDeletes += 1;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.active === sheet) this.activate(this.sheets.find((s) => s.visible === -1) ?? null);
  }

  activate(sheet: WpsSheetModel | null): void {
    this.active = sheet;
  }

  /** Application.Selection: the selected cells of the active sheet. */
  get selection(): { sheet: WpsSheetModel; rect: Rect } | null {
    return this.active ? { sheet: this.active, rect: this.active.selected } : null;
  }

  setSelection(sheet: WpsSheetModel, rect: Rect): void {
    sheet.selected = this.grownToMerges(sheet, rect);
  }

  /**
   * Selects as a user's click does: a selection touching a merged cell grows to take the whole merged area in
   * (Range.MergeCells remarks, learn.microsoft.com/office/vba/api/excel.range.mergecells: "the resulting
   * selection may be different from the intended selection").
   */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    this.activate(sheet);
    this.setSelection(sheet, parseRef(address));
  }

  grownToMerges(sheet: WpsSheetModel, rect: Rect): Rect {
    let grown = { ...rect };
    for (let changed = true; changed; ) {
      changed = false;
      for (const area of sheet.merges) {
        if (!intersects(area, grown)) continue;
        const top = Math.min(grown.row, area.row);
        const left = Math.min(grown.column, area.column);
        const bottom = Math.max(grown.row + grown.rowCount, area.row + area.rowCount);
        const right = Math.max(grown.column + grown.columnCount, area.column + area.columnCount);
        if (top !== grown.row || left !== grown.column || bottom - top !== grown.rowCount || right - left !== grown.columnCount) {
          grown = { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
          changed = true;
        }
      }
    }
    return grown;
  }

  protect(sheetName: string): void {
    this.sheet(sheetName).protectedContents = true;
  }
}
