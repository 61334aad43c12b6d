/**
 * Proxies of the office-js Excel API subset the adapter uses. Each method queues a command; nothing touches the
 * workbook until `context.sync()`.
 */
import { FakeContextCore, FakeClientObject } from './context';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import { Rect, cellA1, containsCell, parseRef, qualifiedA1, rectA1, splitQualified } from './address';
import { formattedText } from './display';
import {
  FakeChart,
  FakeChartSeries,
  FakeSheet,
  FakeTable,
  FakeWorkbook,
  MERGED_AREAS_LIMIT,
  NO_FILL,
  Scalar,
  matrix,
} from './model';

/**
 * Reading a huge range fails "due to excessive resource utilization"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large); Office Scripts documents "a range
 * is limited to five million cells" (https://learn.microsoft.com/office/dev/scripts/testing/platform-limits). The fake
 * refuses above two million, so a whole-column read shows up in tests.
 */
const MAX_READ_CELLS = 2_000_000;

function bindBy<U, P extends FakeClientObject<U>>(context: FakeContextCore, proxy: P, name: string, args: unknown[], compute: () => U | null): P {
  context.enqueue(name, [proxy.ref, ...args], () => proxy.bind(compute()));
  return proxy;
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function aliveSheet(sheet: FakeSheet): FakeSheet {
  if (sheet.deleted) throw itemNotFound(`worksheet ${sheet.name}`);
  return sheet;
}

function resolveAddress(book: FakeWorkbook, address: string, defaultSheet: FakeSheet | null): RangeTarget {
  const { sheet: sheetName, ref } = splitQualified(address);
  const sheet = sheetName === null ? defaultSheet : book.findSheet(sheetName) ?? null;
  if (!sheet) throw itemNotFound(`sheet of ${address}`);
  const rect = parseRef(ref);
  if (!rect) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
  return { sheet: aliveSheet(sheet), rect };
}

function rangeArg(value: RangeProxy | string): unknown {
  return typeof value === 'string' ? value : { ref: value.ref };
}

export class ApplicationProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'application';
  protected readonly scalarProperties = ['calculationMode'] as const;
  constructor(context: FakeContextCore) {
    super(context);
    this.bind(context.book);
  }
  protected readProperty(): unknown {
    return 'Automatic';
  }
  suspendApiCalculationUntilNextSync(): void {
    this.command('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
}

export class WorkbookProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'workbook';
  protected readonly scalarProperties = ['name'] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly comments: CommentCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly application: ApplicationProxy;

  constructor(context: FakeContextCore, application: ApplicationProxy) {
    super(context);
    this.bind(context.book);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.notes = new NoteCollectionProxy(context, null);
    this.comments = new CommentCollectionProxy(context, null);
    this.protection = new WorkbookProtectionProxy(context);
    this.application = application;
  }

  protected readProperty(): unknown {
    return 'Book1.xlsx';
  }

  getSelectedRange(): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'workbook.getSelectedRange', [], () => {
      const selection = this.context.book.selection;
      if (!selection) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: aliveSheet(selection.sheet), rect: { ...selection.rect } };
    });
  }
}

export class WorksheetCollectionProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'worksheets';
  protected readonly scalarProperties = ['items'] as const;
  private loadedItems: WorksheetProxy[] | null = null;

  constructor(context: FakeContextCore) {
    super(context);
    this.bind(context.book);
  }

  protected readProperty(): unknown {
    return null;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load and context.sync() first.");
    return this.loadedItems;
  }

  override load(spec?: string | string[] | { select?: string | string[] }): this {
    const raw = spec === undefined ? ['name'] : typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : [];
    const names = raw.map((name) => name.trim().replace(/^items\//, '')).filter((name) => name !== '' && name !== 'items');
    this.context.enqueue('worksheets.load', [names], () => {
      this.loadedItems = this.context.book.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.context);
        proxy.bind(sheet);
        proxy.applyLoad(names.length ? names : ['name', 'position', 'visibility']);
        return proxy;
      });
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'worksheets.getItem', [name], () => {
      const sheet = this.context.book.findSheet(name);
      if (!sheet) throw itemNotFound(`worksheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'worksheets.getItemOrNullObject', [name], () => this.context.book.findSheet(name) ?? null);
  }

  getActiveWorksheet(): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'worksheets.getActiveWorksheet', [], () => {
      const sheet = this.context.book.activeSheet;
      if (!sheet) throw itemNotFound('active worksheet');
      return sheet;
    });
  }

  /**
   * "Adds a new worksheet to the workbook. The worksheet will be added at the end of existing worksheets. If you wish to
   * activate the newly added worksheet, call .activate() on it." (ExcelApi 1.1,
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-add-member(1)):
   * the new sheet goes last and the active sheet stays as it was; the name is checked as Excel checks a typed one.
   */
  add(name?: string): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'worksheets.add', [name ?? null], () => this.context.book.addSheet(name));
  }
}

export class WorksheetProxy extends FakeClientObject<FakeSheet> {
  protected readonly kind = 'worksheet';
  protected readonly scalarProperties = ['name', 'position', 'visibility', 'id'] as const;
  readonly protection: WorksheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly comments: CommentCollectionProxy;
  readonly freezePanes: FreezePanesProxy;

  constructor(context: FakeContextCore) {
    super(context);
    this.protection = new WorksheetProtectionProxy(context, this);
    this.tables = new TableCollectionProxy(context, this);
    this.charts = new ChartCollectionProxy(context, this);
    this.notes = new NoteCollectionProxy(context, this);
    this.comments = new CommentCollectionProxy(context, this);
    this.freezePanes = new FreezePanesProxy(context, this);
  }

  protected override checkAlive(target: FakeSheet): void {
    aliveSheet(target);
  }

  protected readProperty(sheet: FakeSheet, name: string): unknown {
    switch (name) {
      case 'name':
        return sheet.name;
      case 'position':
        return this.context.book.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'id':
        return `{fake-${sheet.id}}`;
      default:
        throw new FakeOfficeError('InvalidArgument', `worksheet has no property ${name}`);
    }
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', [value], (sheet) => this.context.book.renameSheet(sheet, value));
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.set('position', [value], (sheet) => this.context.book.moveSheet(sheet, value));
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.set('visibility', [value], (sheet) => {
      sheet.visibility = value === 'Hidden' || value === 'VeryHidden' ? value : 'Visible';
    });
  }
  get id(): string {
    return this.get('id');
  }

  getRange(address?: string): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'worksheet.getRange', [this.ref, address ?? null], () => {
      const sheet = this.resolve();
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rowCount: 1048576, columnCount: 16384 } };
      const target = resolveAddress(this.context.book, address, sheet);
      if (target.sheet !== sheet) throw invalidArgument(`${address} is not on ${sheet.name}`);
      return target;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'worksheet.getRangeByIndexes', [this.ref, startRow, startColumn, rowCount, columnCount], () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > 1048576 || startColumn + columnCount > 16384) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      return { sheet: this.resolve(), rect: { row: startRow, column: startColumn, rowCount, columnCount } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'worksheet.getUsedRangeOrNullObject', [this.ref, valuesOnly ?? false], () => {
      const sheet = this.resolve();
      const rect = sheet.usedRect(valuesOnly ?? false);
      return rect ? { sheet, rect } : null;
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'worksheet.getUsedRange', [this.ref, valuesOnly ?? false], () => {
      const sheet = this.resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly ?? false) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }

  activate(): void {
    this.command('activate', [], (sheet) => this.context.book.activate(sheet));
  }

  delete(): void {
    this.command('delete', [], (sheet) => this.context.book.deleteSheet(sheet));
  }

  copy(positionType?: string, relativeTo?: WorksheetProxy): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'worksheet.copy', [this.ref, positionType ?? 'None', relativeTo ? relativeTo.ref : null], () => {
      this.context.requireApi('1.10', 'Worksheet.copy');
      return this.context.book.copySheet(this.resolve(), positionType ?? 'None', relativeTo ? relativeTo.resolve() : null);
    });
  }
}

/** A part of a worksheet (its protection, freeze panes, tables, charts): it resolves to the sheet it belongs to. */
abstract class SheetPartProxy extends FakeClientObject<FakeSheet> {
  protected readonly sheet: WorksheetProxy;
  constructor(context: FakeContextCore, sheet: WorksheetProxy) {
    super(context);
    this.sheet = sheet;
  }
  override resolve(): FakeSheet {
    return this.sheet.resolve();
  }
  /** Parts without properties of their own read as nothing. */
  protected readProperty(_sheet: FakeSheet, _name: string): unknown {
    return null;
  }
}

export class WorksheetProtectionProxy extends SheetPartProxy {
  protected readonly kind = 'worksheetProtection';
  protected readonly scalarProperties = ['protected'] as const;
  override applyLoad(names: string[]): void {
    this.bind(this.sheet.resolve());
    super.applyLoad(names);
  }
  protected override readProperty(sheet: FakeSheet): unknown {
    return sheet.protected;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class FreezePanesProxy extends SheetPartProxy {
  protected readonly kind = 'freezePanes';
  protected readonly scalarProperties = [] as const;
  freezeRows(count?: number): void {
    this.command('freezeRows', [count ?? 1], (sheet) => {
      sheet.frozenRows = count ?? 1;
    });
  }
}

export class RangeProxy extends FakeClientObject<RangeTarget> {
  protected readonly kind = 'range';
  protected readonly scalarProperties = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'numberFormat'] as const;
  readonly format: RangeFormatProxy;

  constructor(context: FakeContextCore) {
    super(context);
    this.format = new RangeFormatProxy(context, this);
  }

  protected override checkAlive(target: RangeTarget): void {
    aliveSheet(target.sheet);
  }

  protected readProperty(target: RangeTarget, name: string): unknown {
    const { sheet, rect } = target;
    const cells = rect.rowCount * rect.columnCount;
    const big = (): void => {
      if (cells > MAX_READ_CELLS) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `Reading ${cells} cells at once is too much.`);
    };
    switch (name) {
      case 'address':
        return qualifiedA1(sheet.name, rect);
      case 'addressLocal':
        return qualifiedA1(sheet.name, rect);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      case 'cellCount':
        return cells;
      case 'values':
        big();
        return matrix(rect, (r, c) => sheet.value(r, c));
      case 'text':
        // Numbers as their number format shows them (0.5 under "0%" is "50%"); see display.ts for the page cited.
        big();
        return matrix(rect, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell ? formattedText(cell.value, cell.numberFormat) : '';
        });
      case 'formulas':
        big();
        return matrix(rect, (r, c) => sheet.cell(r, c)?.formula ?? sheet.value(r, c));
      case 'valueTypes':
        // Excel.RangeValueType: "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue"
        // (https://learn.microsoft.com/javascript/api/excel/excel.rangevaluetype); numbers report as Double.
        big();
        return matrix(rect, (r, c) => {
          const value = sheet.value(r, c);
          if (typeof value === 'number') return 'Double';
          if (typeof value === 'boolean') return 'Boolean';
          if (value === '') return 'Empty';
          return /^#(NAME\?|N\/A|VALUE!|REF!|DIV\/0!|NUM!|NULL!)$/.test(value) && sheet.cell(r, c)?.formula ? 'Error' : 'String';
        });
      case 'numberFormat':
        big();
        return matrix(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? 'General');
      default:
        throw new FakeOfficeError('InvalidArgument', `range has no property ${name}`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get values(): Scalar[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    const copy = values.map((row) => [...row]);
    this.set('values', [copy], ({ sheet, rect }) => {
      checkShape(copy, rect, 'values');
      sheet.assertWritable();
      copy.forEach((row, r) => row.forEach((value, c) => sheet.enter(rect.row + r, rect.column + c, value)));
    });
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    const copy = formats.map((row) => [...row]);
    this.set('numberFormat', [copy], ({ sheet, rect }) => {
      checkShape(copy, rect, 'numberFormat');
      sheet.assertWritable();
      copy.forEach((row, r) => row.forEach((format, c) => sheet.setNumberFormat(rect.row + r, rect.column + c, String(format))));
    });
  }

  get worksheet(): WorksheetProxy {
    return bindBy(this.context, new WorksheetProxy(this.context), 'range.worksheet', [this.ref], () => this.resolve().sheet);
  }

  getCell(row: number, column: number): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'range.getCell', [this.ref, row, column], () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: { row: rect.row + row, column: rect.column + column, rowCount: 1, columnCount: 1 } };
    });
  }

  getSurroundingRegion(): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'range.getSurroundingRegion', [this.ref], () => {
      this.context.requireApi('1.7', 'Range.getSurroundingRegion');
      const { sheet, rect } = this.resolve();
      return { sheet, rect: sheet.surroundingRegion(rect.row, rect.column) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'range.getUsedRangeOrNullObject', [this.ref, valuesOnly ?? false], () => {
      const { sheet, rect } = this.resolve();
      const used = sheet.usedRect(valuesOnly ?? false, rect);
      return used ? { sheet, rect: used } : null;
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return bindBy(this.context, new RangeAreasProxy(this.context), 'range.getMergedAreasOrNullObject', [this.ref], () => {
      this.context.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
      const { sheet, rect } = this.resolve();
      const mode = this.context.book.mergedAreasMode;
      const areas =
        mode === 'starting-in'
          ? sheet.mergedAreasStartingIn(rect)
          : sheet.merges.filter((area) => intersects(area, rect)).map((area) => (mode === 'clipped' ? clip(area, rect) : { ...area }));
      if (areas.length > MERGED_AREAS_LIMIT) {
        throw new FakeOfficeError('GeneralException', `There are more than ${MERGED_AREAS_LIMIT} merged areas in ${rectA1(rect)}.`);
      }
      return areas.length ? { sheet, areas } : null;
    });
  }

  merge(across?: boolean): void {
    this.command('merge', [across ?? false], ({ sheet, rect }) => {
      sheet.assertWritable();
      sheet.merge(rect, across ?? false);
    });
  }

  unmerge(): void {
    this.command('unmerge', [], ({ sheet, rect }) => {
      sheet.assertWritable();
      sheet.unmerge(rect);
    });
  }

  clear(applyTo?: string): void {
    this.command('clear', [applyTo ?? 'All'], ({ sheet, rect }) => {
      sheet.assertWritable();
      sheet.clear(rect, applyTo ?? 'All');
    });
  }

  select(): void {
    this.command('select', [], ({ sheet, rect }) => {
      this.context.book.activate(sheet);
      this.context.book.selection = { sheet, rect: sheet.expandToMerges(rect) };
    });
  }

  copyFrom(source: RangeProxy | string, copyType?: string): void {
    this.command('copyFrom', [rangeArg(source), copyType ?? 'All'], (target) => {
      this.context.requireApi('1.9', 'Range.copyFrom');
      const from = typeof source === 'string' ? resolveAddress(this.context.book, source, target.sheet) : source.resolve();
      target.sheet.assertWritable();
      copyCells(from, target, copyType ?? 'All');
    });
  }
}

function clip(area: Rect, rect: Rect): Rect {
  const row = Math.max(area.row, rect.row);
  const column = Math.max(area.column, rect.column);
  const bottom = Math.min(area.row + area.rowCount, rect.row + rect.rowCount);
  const right = Math.min(area.column + area.columnCount, rect.column + rect.columnCount);
  return { row, column, rowCount: bottom - row, columnCount: right - column };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

function checkShape(values: unknown[][], rect: Rect, what: string): void {
  if (values.length !== rect.rowCount || values.some((row) => row.length !== rect.columnCount)) {
    throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
}

function copyCells(from: RangeTarget, to: RangeTarget, copyType: string): void {
  const rect: Rect = { row: to.rect.row, column: to.rect.column, rowCount: from.rect.rowCount, columnCount: from.rect.columnCount };
  const contents = copyType === 'All' || copyType === 'Values' || copyType === 'Formulas';
  const formats = copyType === 'All' || copyType === 'Formats';
  const snapshot = matrix(from.rect, (r, c) => from.sheet.cell(r, c));
  const merges = from.sheet.merges.filter((area) => containsCell(from.rect, area.row, area.column));
  to.sheet.clear(rect, copyType === 'All' ? 'All' : contents ? 'Contents' : 'Formats');
  snapshot.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const [tr, tc] = [rect.row + r, rect.column + c];
      if (formats) {
        to.sheet.setNumberFormat(tr, tc, cell.numberFormat);
        to.sheet.setFill(tr, tc, cell.fill);
        to.sheet.setBold(tr, tc, cell.bold);
        to.sheet.setWrap(tr, tc, cell.wrap);
      }
      if (contents) to.sheet.putRaw(tr, tc, cell.value, cell.formula);
    }),
  );
  if (formats) {
    for (const area of merges) {
      to.sheet.merge({ ...area, row: area.row - from.rect.row + rect.row, column: area.column - from.rect.column + rect.column }, false);
    }
  }
}

export class RangeAreasProxy extends FakeClientObject<{ sheet: FakeSheet; areas: Rect[] }> {
  protected readonly kind = 'rangeAreas';
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  protected readProperty(target: { sheet: FakeSheet; areas: Rect[] }, name: string): unknown {
    if (name === 'address') return target.areas.map((area) => qualifiedA1(target.sheet.name, area)).join(', ');
    if (name === 'areaCount') return target.areas.length;
    throw new FakeOfficeError('InvalidArgument', `rangeAreas has no property ${name}`);
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

/** A part of a range (its format, fill, font): loads and writes go to the cells of the range it belongs to. */
abstract class RangePartProxy extends FakeClientObject<RangeTarget> {
  protected readonly range: RangeProxy;
  constructor(context: FakeContextCore, range: RangeProxy) {
    super(context);
    this.range = range;
  }
  override resolve(): RangeTarget {
    return this.range.resolve();
  }
  override applyLoad(names: string[]): void {
    this.bind(this.range.resolve());
    super.applyLoad(names);
  }
  /** Queue a write that Excel applies to every cell of the range (refused on a protected sheet). */
  protected writeCells(name: string, args: unknown[], apply: (sheet: FakeSheet, row: number, column: number) => void, command = false): void {
    const run = ({ sheet, rect }: RangeTarget) => {
      sheet.assertWritable();
      for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) apply(sheet, r, c);
    };
    if (command) this.command(name, args, run);
    else this.set(name, args, run);
  }
}

export class RangeFormatProxy extends RangePartProxy {
  protected readonly kind = 'rangeFormat';
  protected readonly scalarProperties = ['wrapText', 'columnWidth', 'rowHeight'] as const;
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;

  constructor(context: FakeContextCore, range: RangeProxy) {
    super(context, range);
    this.fill = new RangeFillProxy(context, range);
    this.font = new RangeFontProxy(context, range);
  }
  protected readProperty(target: RangeTarget, name: string): unknown {
    const { sheet, rect } = target;
    if (name === 'wrapText') return uniform(matrix(rect, (r, c) => sheet.cell(r, c)?.wrap ?? false));
    if (name === 'columnWidth') return uniform(Array.from({ length: rect.columnCount }, (_, i) => [sheet.columnWidths.get(rect.column + i) ?? 48]));
    if (name === 'rowHeight') return uniform(Array.from({ length: rect.rowCount }, (_, i) => [sheet.rowHeights.get(rect.row + i) ?? 15]));
    throw new FakeOfficeError('InvalidArgument', `format has no property ${name}`);
  }

  private each(name: string, value: unknown, apply: (sheet: FakeSheet, row: number, column: number) => void): void {
    this.writeCells(name, [value], apply);
  }

  set wrapText(value: boolean) {
    this.each('wrapText', value, (sheet, r, c) => sheet.setWrap(r, c, value));
  }
  set verticalAlignment(value: string) {
    this.set('verticalAlignment', [value], ({ sheet }) => sheet.assertWritable());
  }
  set horizontalAlignment(value: string) {
    this.set('horizontalAlignment', [value], ({ sheet }) => sheet.assertWritable());
  }
  set columnWidth(value: number) {
    this.set('columnWidth', [value], ({ sheet, rect }) => {
      sheet.assertWritable();
      for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) sheet.columnWidths.set(c, value);
    });
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set rowHeight(value: number) {
    this.set('rowHeight', [value], ({ sheet, rect }) => {
      sheet.assertWritable();
      for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) sheet.rowHeights.set(r, value);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  autofitColumns(): void {
    this.command('autofitColumns', [], ({ sheet }) => sheet.assertWritable());
  }
  /** Row height from the longest wrapped cell: 15 points a line, at least one line. */
  autofitRows(): void {
    this.command('autofitRows', [], ({ sheet, rect }) => {
      sheet.assertWritable();
      for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
        let lines = 1;
        for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
          const value = sheet.value(r, c);
          if (typeof value !== 'string' || value === '') continue;
          const widthChars = Math.max(1, Math.floor((sheet.columnWidths.get(c) ?? 48) / 5.5));
          const wrapped = sheet.cell(r, c)?.wrap ?? false;
          const cellLines = value.split('\n').reduce((sum, line) => sum + (wrapped ? Math.max(1, Math.ceil(line.length * 2 / widthChars)) : 1), 0);
          lines = Math.max(lines, cellLines);
        }
        sheet.rowHeights.set(r, Math.min(409, 15 * lines));
      }
    });
  }
}

function uniform<T>(values: T[][]): T | null {
  const flat = values.flat();
  return flat.every((value) => value === flat[0]) ? flat[0] ?? null : null;
}

export class RangeFillProxy extends RangePartProxy {
  protected readonly kind = 'rangeFill';
  protected readonly scalarProperties = ['color'] as const;
  /** Like Excel: "#FFFFFF" for no fill, null when the cells differ. */
  protected readProperty({ sheet, rect }: RangeTarget): unknown {
    return uniform(matrix(rect, (r, c) => sheet.cell(r, c)?.fill ?? NO_FILL));
  }
  get color(): string | null {
    return this.get('color');
  }
  set color(value: string) {
    this.writeCells('color', [value], (sheet, r, c) => sheet.setFill(r, c, value.toUpperCase()));
  }
  clear(): void {
    this.writeCells('clear', [], (sheet, r, c) => sheet.setFill(r, c, null), true);
  }
}

export class RangeFontProxy extends RangePartProxy {
  protected readonly kind = 'rangeFont';
  protected readonly scalarProperties = ['bold'] as const;
  protected readProperty({ sheet, rect }: RangeTarget): unknown {
    return uniform(matrix(rect, (r, c) => sheet.cell(r, c)?.bold ?? false));
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.writeCells('bold', [value], (sheet, r, c) => sheet.setBold(r, c, value));
  }
  set color(value: string) {
    this.set('color', [value], ({ sheet }) => sheet.assertWritable());
  }
}

interface NoteTarget {
  sheet: FakeSheet;
  cell: string;
}

export class NoteCollectionProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'notes';
  protected readonly scalarProperties = [] as const;
  /** null: the workbook's collection, whose keys carry the sheet name. */
  private readonly sheet: WorksheetProxy | null;
  constructor(context: FakeContextCore, sheet: WorksheetProxy | null) {
    super(context);
    this.sheet = sheet;
    this.bind(context.book);
  }
  protected readProperty(): unknown {
    return null;
  }

  private locate(key: RangeProxy | string): NoteTarget {
    this.context.requireApi('1.18', 'Notes');
    const defaultSheet = this.sheet ? this.sheet.resolve() : null;
    const target = typeof key === 'string' ? resolveAddress(this.context.book, key, defaultSheet) : key.resolve();
    if (target.rect.rowCount !== 1 || target.rect.columnCount !== 1) {
      throw new FakeOfficeError('InvalidCellAddress', 'A note belongs to a single cell.');
    }
    return { sheet: target.sheet, cell: cellA1(target.rect.row, target.rect.column) };
  }

  add(cellAddress: RangeProxy | string, content: string): NoteProxy {
    return bindBy(this.context, new NoteProxy(this.context), 'notes.add', [rangeArg(cellAddress), content], () => {
      const target = this.locate(cellAddress);
      target.sheet.assertWritable();
      if (target.sheet.notes.has(target.cell)) throw new FakeOfficeError('ItemAlreadyExists', `The cell ${target.cell} already has a note.`);
      // One or the other per cell (see FakeSheet.comments). The code Excel answers with is not documented; the
      // adapter must not depend on it, only avoid the case.
      if (target.sheet.comments.has(target.cell)) throw new FakeOfficeError('InvalidOperation', `The cell ${target.cell} has a threaded comment; it cannot also have a note.`);
      target.sheet.notes.set(target.cell, String(content));
      return target;
    });
  }

  getItem(key: string): NoteProxy {
    return bindBy(this.context, new NoteProxy(this.context), 'notes.getItem', [key], () => {
      const target = this.locate(key);
      if (!target.sheet.notes.has(target.cell)) throw itemNotFound(`note ${key}`);
      return target;
    });
  }

  getItemOrNullObject(key: string): NoteProxy {
    return bindBy(this.context, new NoteProxy(this.context), 'notes.getItemOrNullObject', [key], () => {
      const target = this.locate(key);
      return target.sheet.notes.has(target.cell) ? target : null;
    });
  }
}

export class NoteProxy extends FakeClientObject<NoteTarget> {
  protected readonly kind = 'note';
  protected readonly scalarProperties = ['content'] as const;
  protected readProperty(target: NoteTarget): unknown {
    return target.sheet.notes.get(target.cell) ?? null;
  }
  get content(): string {
    return this.get('content');
  }
  delete(): void {
    this.command('delete', [], (target) => {
      target.sheet.assertWritable();
      target.sheet.notes.delete(target.cell);
    });
  }
}

export class SettingCollectionProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'settings';
  protected readonly scalarProperties = [] as const;
  constructor(context: FakeContextCore) {
    super(context);
    this.bind(context.book);
  }
  protected readProperty(): unknown {
    return null;
  }
  add(key: string, value: unknown): SettingProxy {
    const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
    return bindBy(this.context, new SettingProxy(this.context), 'settings.add', [key, copy], () => {
      this.context.requireApi('1.4', 'Workbook.settings');
      if (key === '' || /^\s|\s$/.test(key)) throw invalidArgument('Setting keys cannot be empty or start or end with spaces.');
      this.context.book.settings.set(key, copy);
      return { book: this.context.book, key };
    });
  }
  getItem(key: string): SettingProxy {
    return bindBy(this.context, new SettingProxy(this.context), 'settings.getItem', [key], () => {
      if (!this.context.book.settings.has(key)) throw itemNotFound(`setting ${key}`);
      return { book: this.context.book, key };
    });
  }
  getItemOrNullObject(key: string): SettingProxy {
    return bindBy(this.context, new SettingProxy(this.context), 'settings.getItemOrNullObject', [key], () =>
      this.context.book.settings.has(key) ? { book: this.context.book, key } : null,
    );
  }
}

export class SettingProxy extends FakeClientObject<{ book: FakeWorkbook; key: string }> {
  protected readonly kind = 'setting';
  protected readonly scalarProperties = ['key', 'value'] as const;
  protected readProperty(target: { book: FakeWorkbook; key: string }, name: string): unknown {
    if (name === 'key') return target.key;
    return JSON.parse(JSON.stringify(target.book.settings.get(target.key) ?? null));
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.command('delete', [], (target) => target.book.settings.delete(target.key));
  }
}

export class TableCollectionProxy extends SheetPartProxy {
  protected readonly kind = 'tables';
  protected readonly scalarProperties = [] as const;
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return bindBy(this.context, new TableProxy(this.context), 'tables.add', [rangeArg(address), hasHeaders], () => {
      const sheet = this.sheet.resolve();
      const target = typeof address === 'string' ? resolveAddress(this.context.book, address, sheet) : address.resolve();
      return this.context.book.addTable(target.sheet, target.rect, hasHeaders);
    });
  }
}

export class TableProxy extends FakeClientObject<FakeTable> {
  protected readonly kind = 'table';
  protected readonly scalarProperties = ['name', 'style'] as const;
  protected readProperty(table: FakeTable, name: string): unknown {
    return name === 'name' ? table.name : table.style;
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', [value], (table) => {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value)) throw invalidArgument(`"${value}" is not a valid table name.`);
      if (this.context.book.tables.some((other) => other !== table && other.name.toLocaleLowerCase() === value.toLocaleLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A table named ${value} already exists.`);
      }
      table.name = value;
    });
  }
  set style(value: string) {
    this.set('style', [value], (table) => {
      table.style = value;
    });
  }
}

export class ChartCollectionProxy extends SheetPartProxy {
  protected readonly kind = 'charts';
  protected readonly scalarProperties = [] as const;
  /**
   * `add(type, sourceData, seriesBy)` "Creates a new chart" on this sheet (ExcelApi 1.1,
   * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)):
   * one series per column of `sourceData` for seriesBy 'Columns' (per row for 'Rows'), named by its first cell; the
   * chart lives on the sheet and goes when the sheet is deleted. A protected sheet refuses it like any other write.
   */
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    return bindBy(this.context, new ChartProxy(this.context), 'charts.add', [type, { ref: sourceData.ref }, seriesBy ?? 'Auto'], () => {
      const sheet = this.sheet.resolve();
      sheet.assertWritable();
      const { sheet: dataSheet, rect } = sourceData.resolve();
      const byRows = seriesBy === 'Rows';
      const count = byRows ? rect.rowCount : rect.columnCount;
      const series: FakeChartSeries[] = Array.from({ length: count }, (_, i) => {
        const values: Rect = byRows
          ? { row: rect.row + i, column: rect.column, rowCount: 1, columnCount: rect.columnCount }
          : { row: rect.row, column: rect.column + i, rowCount: rect.rowCount, columnCount: 1 };
        return { name: String(dataSheet.value(values.row, values.column)), values, xValues: null };
      });
      const chart: FakeChart = { name: `Chart ${sheet.charts.length + 1}`, type, title: '', series, position: null };
      sheet.charts.push(chart);
      return { sheet, chart };
    });
  }
}

export class ChartProxy extends FakeClientObject<{ sheet: FakeSheet; chart: FakeChart }> {
  protected readonly kind = 'chart';
  protected readonly scalarProperties = ['name'] as const;
  readonly title: ChartTitleProxy;
  readonly series: ChartSeriesCollectionProxy;
  constructor(context: FakeContextCore) {
    super(context);
    this.title = new ChartTitleProxy(context, this);
    this.series = new ChartSeriesCollectionProxy(context, this);
  }
  protected readProperty(target: { chart: FakeChart }): unknown {
    return target.chart.name;
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', [value], (target) => {
      target.chart.name = value;
    });
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.command('setPosition', [rangeArg(startCell), endCell === undefined ? null : rangeArg(endCell)], (target) => {
      target.chart.position = typeof startCell === 'string' ? startCell : rectA1(startCell.resolve().rect);
    });
  }
}

/** A part of a chart (its title, its series collection): it resolves to the chart it belongs to. */
abstract class ChartPartProxy extends FakeClientObject<FakeChart> {
  protected readonly chart: ChartProxy;
  constructor(context: FakeContextCore, chart: ChartProxy) {
    super(context);
    this.chart = chart;
  }
  override resolve(): FakeChart {
    return this.chart.resolve().chart;
  }
}

export class ChartTitleProxy extends ChartPartProxy {
  protected readonly kind = 'chartTitle';
  protected readonly scalarProperties = ['text'] as const;
  protected readProperty(chart: FakeChart): unknown {
    return chart.title;
  }
  set text(value: string) {
    this.set('text', [value], (chart) => {
      chart.title = value;
    });
  }
}

export class ChartSeriesCollectionProxy extends ChartPartProxy {
  protected readonly kind = 'chartSeriesCollection';
  protected readonly scalarProperties = ['count'] as const;
  protected readProperty(chart: FakeChart): unknown {
    return chart.series.length;
  }
  /**
   * "Add a new series to the collection. The new added series is not visible until values, x-axis values, or bubble
   * sizes for it are set" (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection):
   * the fake keeps `values` null until setValues.
   */
  add(name?: string): ChartSeriesProxy {
    return bindBy(this.context, new ChartSeriesProxy(this.context), 'chartSeries.add', [name ?? null], () => {
      this.context.requireApi('1.7', 'ChartSeriesCollection.add');
      const chart = this.resolve();
      const series: FakeChartSeries = { name: name ?? `Series${chart.series.length + 1}`, values: null, xValues: null };
      chart.series.push(series);
      return series;
    });
  }
  getItemAt(index: number): ChartSeriesProxy {
    return bindBy(this.context, new ChartSeriesProxy(this.context), 'chartSeries.getItemAt', [index], () => {
      const series = this.resolve().series[index];
      if (!series) throw itemNotFound(`series ${index}`);
      return series;
    });
  }
}

export class ChartSeriesProxy extends FakeClientObject<FakeChartSeries> {
  protected readonly kind = 'chartSeries';
  protected readonly scalarProperties = ['name'] as const;
  protected readProperty(series: FakeChartSeries): unknown {
    return series.name;
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', [value], (series) => {
      series.name = value;
    });
  }
  setValues(source: RangeProxy): void {
    this.command('setValues', [{ ref: source.ref }], (series) => {
      this.context.requireApi('1.7', 'ChartSeries.setValues');
      series.values = source.resolve().rect;
    });
  }
  setXAxisValues(source: RangeProxy): void {
    this.command('setXAxisValues', [{ ref: source.ref }], (series) => {
      this.context.requireApi('1.7', 'ChartSeries.setXAxisValues');
      series.xValues = source.resolve().rect;
    });
  }
}

/**
 * Threaded comments (ExcelApi 1.10, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments): `items`
 * with their `content` and `getLocation()`; `add` on a cell. There is no `getItemByCellOrNullObject` —
 * `getItemByCell` "If there is no comment in the cell, an error is thrown" — so the adapter lists them instead.
 */
export class CommentCollectionProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'comments';
  protected readonly scalarProperties = [] as const;
  private readonly sheet: WorksheetProxy | null;
  private loadedItems: CommentProxy[] | null = null;
  constructor(context: FakeContextCore, sheet: WorksheetProxy | null) {
    super(context);
    this.sheet = sheet;
    this.bind(context.book);
  }
  protected readProperty(): unknown {
    return null;
  }
  get items(): CommentProxy[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load and context.sync() first.");
    return this.loadedItems;
  }
  override load(): this {
    this.context.enqueue('comments.load', [this.ref], () => {
      this.context.requireApi('1.10', 'Comments');
      const sheets = this.sheet ? [this.sheet.resolve()] : this.context.book.sheets;
      this.loadedItems = sheets.flatMap((sheet) =>
        [...sheet.comments.keys()].map((cell) => {
          const proxy = new CommentProxy(this.context);
          proxy.bind({ sheet, cell });
          proxy.applyLoad(['content']);
          return proxy;
        }),
      );
    });
    return this;
  }
  add(cellAddress: RangeProxy | string, content: string): CommentProxy {
    return bindBy(this.context, new CommentProxy(this.context), 'comments.add', [rangeArg(cellAddress), content], () => {
      this.context.requireApi('1.10', 'Comments');
      const target = typeof cellAddress === 'string' ? resolveAddress(this.context.book, cellAddress, this.sheet ? this.sheet.resolve() : null) : cellAddress.resolve();
      if (target.rect.rowCount !== 1 || target.rect.columnCount !== 1) throw invalidArgument('A comment belongs to a single cell.');
      const cell = cellA1(target.rect.row, target.rect.column);
      if (target.sheet.notes.has(cell)) throw new FakeOfficeError('InvalidOperation', `The cell ${cell} has a note; it cannot also have a threaded comment.`);
      target.sheet.comments.set(cell, content);
      return { sheet: target.sheet, cell };
    });
  }
}

export class CommentProxy extends FakeClientObject<NoteTarget> {
  protected readonly kind = 'comment';
  protected readonly scalarProperties = ['content'] as const;
  protected readProperty(target: NoteTarget): unknown {
    return target.sheet.comments.get(target.cell) ?? null;
  }
  get content(): string {
    return this.get('content');
  }
  getLocation(): RangeProxy {
    return bindBy(this.context, new RangeProxy(this.context), 'comment.getLocation', [this.ref], () => {
      const { sheet, cell } = this.resolve();
      return { sheet, rect: parseRef(cell)! };
    });
  }
}

/** Workbook structure protection (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection). */
export class WorkbookProtectionProxy extends FakeClientObject<FakeWorkbook> {
  protected readonly kind = 'workbookProtection';
  protected readonly scalarProperties = ['protected'] as const;
  constructor(context: FakeContextCore) {
    super(context);
    this.bind(context.book);
  }
  override applyLoad(names: string[]): void {
    this.context.requireApi('1.7', 'WorkbookProtection');
    super.applyLoad(names);
  }
  protected readProperty(book: FakeWorkbook): unknown {
    return book.structureProtected;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}
