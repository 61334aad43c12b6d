/**
 * The fake `window.Application` over a WpsBook: the object-model subset of src/wps/api.ts, each member counting
 * its calls. Pages cited are WPS's (airsheet.wps.cn/docs/apiV2/excel/workbook/<Object>/…) and Microsoft's VBA
 * reference they mirror (learn.microsoft.com/office/vba/api/excel.<object>.<member>).
 */
import type {
  WpsApplication,
  WpsCells,
  WpsComment,
  WpsCount,
  WpsFont,
  WpsInterior,
  WpsPluginStorage,
  WpsRange,
  WpsRows,
  WpsSheets,
  WpsTaskPane,
  WpsValue,
  WpsWorkbook,
  WpsWorksheet,
} from '../../../src/wps/api';
import { Rect, WpsBook, WpsError, WpsSheetModel, intersects, parseRef, rectA1 } from './model';

const WHITE = 0xffffff;
const NONE = -4142;

class FakeComment implements WpsComment {
  constructor(
    private readonly book: WpsBook,
    private readonly sheet: WpsSheetModel,
    private readonly row: number,
    private readonly column: number,
  ) {}

  /** Comment.Text (…/excel.comment.text): returns the text, or replaces it when given one. */
  Text(text?: string): string {
    this.book.count('Comment.Text');
    const cell = this.sheet.ensure(this.row, this.column);
    if (text !== undefined) cell.comment = text;
    return cell.comment ?? '';
  }

  Delete(): void {
    this.book.count('Comment.Delete');
    this.sheet.assertWritable();
    this.sheet.ensure(this.row, this.column).comment = null;
  }
}

/**
 * Range.Interior (…/excel.interior.color; WPS …/Interior/属性/Color 属性): Color is a BGR number (RGB function);
 * a range without fill reads white and ColorIndex xlColorIndexNone (-4142); cells that differ read null.
 */
class FakeInterior implements WpsInterior {
  constructor(private readonly range: FakeRange) {}

  private colors(): Set<number | null> {
    const found = new Set<number | null>();
    this.range.forEach((r, c) => found.add(this.range.sheet.cell(r, c)?.color ?? null));
    return found;
  }

  private paint(color: number | null): void {
    this.range.sheet.assertWritable();
    this.range.forEach((r, c) => {
      this.range.sheet.ensure(r, c).color = color;
    });
  }

  get Color(): number | null {
    this.range.book.count('Interior.Color.get');
    const found = this.colors();
    if (found.size !== 1) return null;
    return [...found][0] ?? WHITE;
  }

  set Color(color: number | null) {
    this.range.book.count('Interior.Color.set');
    this.paint(color);
  }

  get ColorIndex(): number | null {
    this.range.book.count('Interior.ColorIndex.get');
    const found = this.colors();
    if (found.size !== 1) return null;
    return [...found][0] === null ? NONE : 1;
  }

  set ColorIndex(index: number | null) {
    this.range.book.count('Interior.ColorIndex.set');
    if (index !== NONE) throw new WpsError(1004, 'fake WPS: only xlColorIndexNone is supported');
    this.paint(null);
  }
}

class FakeFont implements WpsFont {
  constructor(private readonly range: FakeRange) {}

  get Bold(): boolean | null {
    const bold = new Set<boolean>();
    this.range.forEach((r, c) => bold.add(this.range.sheet.cell(r, c)?.bold ?? false));
    return bold.size === 1 ? [...bold][0]! : null;
  }

  set Bold(bold: boolean | null) {
    this.range.book.count('Font.Bold.set');
    this.range.sheet.assertWritable();
    this.range.forEach((r, c) => {
      this.range.sheet.ensure(r, c).bold = Boolean(bold);
    });
  }
}

class FakeRange implements WpsRange {
  constructor(
    readonly book: WpsBook,
    readonly sheet: WpsSheetModel,
    readonly rect: Rect,
  ) {}

  private at(call: string): void {
    this.book.count(`Range.${call}`);
    if (this.sheet.deleted) throw new WpsError(424, 'Object required');
  }

  forEach(visit: (row: number, column: number) => void): void {
    for (let r = this.rect.row; r < this.rect.row + this.rect.rowCount; r += 1) {
      for (let c = this.rect.column; c < this.rect.column + this.rect.columnCount; c += 1) visit(r, c);
    }
  }

  private single(): boolean {
    return this.rect.rowCount === 1 && this.rect.columnCount === 1;
  }

  /**
   * Range.Value2 (…/excel.range.value2; WPS …/Range/属性/Value2 属性): one cell gives its value, several cells a
   * two-dimensional array (rows of columns); dates come as serial numbers. A merged area holds its value in the
   * upper-left cell only; the others read empty. Empty cells read as undefined (VBA's Empty).
   */
  get Value2(): WpsValue | WpsValue[][] {
    this.at('Value2.get');
    const read = (r: number, c: number): WpsValue => this.sheet.cell(r, c)?.value ?? undefined;
    if (this.single()) return read(this.rect.row, this.rect.column);
    return Array.from({ length: this.rect.rowCount }, (_, r) =>
      Array.from({ length: this.rect.columnCount }, (_, c) => read(this.rect.row + r, this.rect.column + c)),
    );
  }

  /** Setting: a scalar goes to every cell, an array of the range's shape cell by cell; each is typed in (see interpret). */
  set Value2(value: WpsValue | WpsValue[][]) {
    this.at('Value2.set');
    this.sheet.assertWritable();
    const array = Array.isArray(value);
    if (array && (value.length !== this.rect.rowCount || value.some((row) => !Array.isArray(row) || row.length !== this.rect.columnCount))) {
      throw new WpsError(1004, 'Application-defined or object-defined error');
    }
    this.forEach((r, c) => {
      const input = array ? (value as WpsValue[][])[r - this.rect.row]![c - this.rect.column] : value;
      const area = this.sheet.mergeAt(r, c);
      if (area && (area.row !== r || area.column !== c)) return; // only the upper-left cell of a merged area holds a value
      this.sheet.enter(r, c, input);
    });
  }

  /** Range.NumberFormat (…/excel.range.numberformat): null when the cells differ; setting applies to every cell. */
  get NumberFormat(): string | null {
    this.at('NumberFormat.get');
    const formats = new Set<string>();
    this.forEach((r, c) => formats.add(this.sheet.cell(r, c)?.numberFormat ?? 'General'));
    return formats.size === 1 ? [...formats][0]! : null;
  }

  set NumberFormat(format: string | null) {
    this.at('NumberFormat.set');
    this.sheet.assertWritable();
    this.forEach((r, c) => {
      this.sheet.ensure(r, c).numberFormat = format ?? 'General';
    });
  }

  /**
   * Range.MergeCells (…/excel.range.mergecells; WPS …/Range/属性/MergeCells 属性): True when the range holds merged
   * cells. As in Excel, a range wholly inside merged areas gives True, one with none False, a mix null (VBA Null).
   */
  get MergeCells(): boolean | null {
    this.at('MergeCells.get');
    // Merged areas never overlap, so the merged cells of the range are the sum of each area's overlap with it.
    const total = this.rect.rowCount * this.rect.columnCount;
    let merged = 0;
    for (const area of this.sheet.merges) {
      const rows = Math.min(area.row + area.rowCount, this.rect.row + this.rect.rowCount) - Math.max(area.row, this.rect.row);
      const columns = Math.min(area.column + area.columnCount, this.rect.column + this.rect.columnCount) - Math.max(area.column, this.rect.column);
      if (rows > 0 && columns > 0) merged += rows * columns;
    }
    if (merged === 0) return false;
    return merged === total ? true : null;
  }

  /**
   * Range.MergeArea (…/excel.range.mergearea; WPS …/Range/属性/MergeArea 属性): the merged area holding the cell, or
   * the cell itself; "only works on a single-cell range" — on several cells the fake refuses, as WPS answers garbage.
   */
  get MergeArea(): WpsRange {
    this.at('MergeArea.get');
    if (!this.single()) throw new WpsError(1004, 'MergeArea applies to a single cell');
    const area = this.sheet.mergeAt(this.rect.row, this.rect.column);
    return new FakeRange(this.book, this.sheet, area ?? this.rect);
  }

  get Row(): number {
    this.at('Row.get');
    return this.rect.row + 1;
  }

  get Column(): number {
    this.at('Column.get');
    return this.rect.column + 1;
  }

  get Rows(): WpsRows {
    this.at('Rows.get');
    const { book, sheet, rect } = this;
    return {
      Count: rect.rowCount,
      Item: (i: number) => new FakeRange(book, sheet, { ...rect, row: rect.row + i - 1, rowCount: 1 }),
      AutoFit: () => book.count('Rows.AutoFit'),
    };
  }

  get Columns(): WpsRows {
    this.at('Columns.get');
    const { book, sheet, rect } = this;
    return {
      Count: rect.columnCount,
      Item: (i: number) => new FakeRange(book, sheet, { ...rect, column: rect.column + i - 1, columnCount: 1 }),
      AutoFit: () => book.count('Columns.AutoFit'),
    };
  }

  /** Range.Cells.Item(row, column) (…/excel.range.cells): 1-based, relative to the range's first cell. */
  get Cells(): WpsCells {
    this.at('Cells.get');
    const { book, sheet, rect } = this;
    return {
      Count: rect.rowCount * rect.columnCount,
      Item: (row: number, column: number) => {
        if (row < 1 || column < 1) throw new WpsError(1004, 'Application-defined or object-defined error');
        return new FakeRange(book, sheet, { row: rect.row + row - 1, column: rect.column + column - 1, rowCount: 1, columnCount: 1 });
      },
    };
  }

  get Areas(): WpsCount {
    this.at('Areas.get');
    return { Count: 1 };
  }

  get Worksheet(): WpsWorksheet {
    this.at('Worksheet.get');
    return new FakeWorksheet(this.book, this.sheet);
  }

  /**
   * Range.Interior (…/excel.interior.color; WPS …/Interior/属性/Color 属性): Color is a BGR number (RGB function);
   * a range without fill reads white and ColorIndex xlColorIndexNone (-4142); cells that differ read null.
   */
  get Interior(): WpsInterior {
    this.at('Interior.get');
    return new FakeInterior(this);
  }

  get Font(): WpsFont {
    this.at('Font.get');
    return new FakeFont(this);
  }

  /** Range.Comment (…/excel.range.comment): the cell's comment, or Nothing (null). */
  get Comment(): WpsComment | null {
    this.at('Comment.get');
    const cell = this.sheet.cell(this.rect.row, this.rect.column);
    return cell?.comment != null ? new FakeComment(this.book, this.sheet, this.rect.row, this.rect.column) : null;
  }

  get WrapText(): boolean | null {
    this.at('WrapText.get');
    const wrap = new Set<boolean>();
    this.forEach((r, c) => wrap.add(this.sheet.cell(r, c)?.wrap ?? false));
    return wrap.size === 1 ? [...wrap][0]! : null;
  }

  set WrapText(wrap: boolean | null) {
    this.at('WrapText.set');
    this.sheet.assertWritable();
    this.forEach((r, c) => {
      this.sheet.ensure(r, c).wrap = Boolean(wrap);
    });
  }

  get VerticalAlignment(): number | null {
    this.at('VerticalAlignment.get');
    return null;
  }

  set VerticalAlignment(_alignment: number | null) {
    this.at('VerticalAlignment.set');
    this.sheet.assertWritable();
  }

  get ColumnWidth(): number | null {
    this.at('ColumnWidth.get');
    return this.sheet.columnWidths.get(this.rect.column) ?? 8.38;
  }

  set ColumnWidth(width: number | null) {
    this.at('ColumnWidth.set');
    for (let c = this.rect.column; c < this.rect.column + this.rect.columnCount; c += 1) this.sheet.columnWidths.set(c, width ?? 8.38);
  }

  /** Range.Address (…/excel.range.address; a method in WPS's JS API): "$A$1:$B$2" by default. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.at('Address');
    return rectA1(this.rect, rowAbsolute && columnAbsolute);
  }

  /**
   * Range.AddComment (…/excel.range.addcomment; WPS …/Range/方法/AddComment 方法). On a cell that already has a
   * comment Excel and WPS raise run-time error 1004; on several cells too (a comment belongs to one cell).
   */
  AddComment(text?: string): WpsComment {
    this.at('AddComment');
    this.sheet.assertWritable();
    if (!this.single()) throw new WpsError(1004, 'Application-defined or object-defined error');
    const cell = this.sheet.ensure(this.rect.row, this.rect.column);
    if (cell.comment !== null) throw new WpsError(1004, 'Application-defined or object-defined error');
    cell.comment = text ?? '';
    return new FakeComment(this.book, this.sheet, this.rect.row, this.rect.column);
  }

  Merge(): void {
    this.at('Merge');
    this.sheet.merge(this.rect);
  }

  UnMerge(): void {
    this.at('UnMerge');
    this.sheet.unmerge(this.rect);
  }

  /** Range.ClearContents (…/excel.range.clearcontents): values and formulas go, formats stay. */
  ClearContents(): void {
    this.at('ClearContents');
    this.sheet.assertWritable();
    this.forEach((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) {
        cell.value = null;
        cell.formula = null;
        cell.prefix = false;
      }
    });
  }

  /** Range.Clear (…/excel.range.clear): values, formats and comments go. */
  Clear(): void {
    this.at('Clear');
    this.sheet.assertWritable();
    this.forEach((r, c) => {
      this.sheet.cells.delete(r * 16384 + c);
    });
    this.sheet.merges = this.sheet.merges.filter((area) => !intersects(area, this.rect));
  }

  /**
   * Range.Select (…/excel.range.select): only on the active sheet — elsewhere run-time error 1004 ("Select method
   * of Range class failed"); activate the sheet first. Merged cells widen the selection.
   */
  Select(): void {
    this.at('Select');
    if (this.book.active !== this.sheet) throw new WpsError(1004, 'Select method of Range class failed');
    this.book.setSelection(this.sheet, this.rect);
  }

  Activate(): void {
    this.Select();
  }

  /** Range.Copy(Destination) (…/excel.range.copy): values, formats, comments and merges, to the destination's corner. */
  Copy(destination?: WpsRange): void {
    this.at('Copy');
    if (!(destination instanceof FakeRange)) throw new WpsError(1004, 'fake WPS: Copy needs a destination range');
    const target = destination.sheet;
    target.assertWritable();
    const dr = destination.rect.row - this.rect.row;
    const dc = destination.rect.column - this.rect.column;
    const moved: Array<[number, number, ReturnType<WpsSheetModel['ensure']> | undefined]> = [];
    this.forEach((r, c) => moved.push([r + dr, c + dc, this.sheet.cell(r, c)]));
    const to: Rect = { ...this.rect, row: this.rect.row + dr, column: this.rect.column + dc };
    target.merges = target.merges.filter((area) => !intersects(area, to));
    for (const [r, c, cell] of moved) {
      target.cells.delete(r * 16384 + c);
      if (cell) target.cells.set(r * 16384 + c, { ...cell });
    }
    for (const area of this.sheet.merges) {
      if (intersects(area, this.rect)) target.merges.push({ ...area, row: area.row + dr, column: area.column + dc });
    }
  }
}

class FakeWorksheet implements WpsWorksheet {
  constructor(
    private readonly book: WpsBook,
    readonly sheet: WpsSheetModel,
  ) {}

  private at(call: string): void {
    this.book.count(`Worksheet.${call}`);
    if (this.sheet.deleted) throw new WpsError(424, 'Object required');
  }

  get Name(): string {
    this.at('Name.get');
    return this.sheet.name;
  }

  set Name(name: string) {
    this.at('Name.set');
    this.book.validateName(name, this.sheet);
    this.sheet.name = name;
  }

  get Index(): number {
    this.at('Index.get');
    return this.book.sheets.indexOf(this.sheet) + 1;
  }

  get Visible(): number {
    this.at('Visible.get');
    return this.sheet.visible;
  }

  /** Worksheet.Visible (…/excel.worksheet.visible): -1 visible, 0 hidden, 2 very hidden (not in the Unhide list). */
  set Visible(visible: number) {
    this.at('Visible.set');
    const value = visible === 0 || visible === 2 ? visible : -1;
    if (value !== -1 && this.book.sheets.filter((s) => s.visible === -1 && s !== this.sheet).length === 0) {
      throw new WpsError(1004, 'A workbook must contain at least one visible worksheet.');
    }
    this.sheet.visible = value;
    if (value !== -1 && this.book.active === this.sheet) this.book.activate(this.book.sheets.find((s) => s.visible === -1) ?? null);
  }

  /** Worksheet.ProtectContents (…/excel.worksheet.protectcontents): True while the sheet's cells are protected. */
  get ProtectContents(): boolean {
    this.at('ProtectContents.get');
    return this.sheet.protectedContents;
  }

  /** Worksheet.UsedRange (…/excel.worksheet.usedrange; WPS …/Worksheet/属性/UsedRange 属性): $A$1 on an empty sheet. */
  get UsedRange(): WpsRange {
    this.at('UsedRange.get');
    return new FakeRange(this.book, this.sheet, this.sheet.usedRect() ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  }

  get Cells(): WpsCells {
    this.at('Cells.get');
    return {
      Count: 1048576 * 16384,
      Item: (row: number, column: number) => new FakeRange(this.book, this.sheet, { row: row - 1, column: column - 1, rowCount: 1, columnCount: 1 }),
    };
  }

  Range(cell1: string, cell2?: string): WpsRange {
    this.at('Range');
    const first = parseRef(cell1);
    if (cell2 === undefined) return new FakeRange(this.book, this.sheet, first);
    const last = parseRef(cell2);
    const top = Math.min(first.row, last.row);
    const left = Math.min(first.column, last.column);
    return new FakeRange(this.book, this.sheet, {
      row: top,
      column: left,
      rowCount: Math.max(first.row + first.rowCount, last.row + last.rowCount) - top,
      columnCount: Math.max(first.column + first.columnCount, last.column + last.columnCount) - left,
    });
  }

  Activate(): void {
    this.at('Activate');
    if (this.sheet.visible !== -1) throw new WpsError(1004, 'Activate method of Worksheet class failed');
    this.book.activate(this.sheet);
  }

  /** Worksheet.Delete (…/excel.worksheet.delete): asks the user first unless Application.DisplayAlerts is False. */
  Delete(): void {
    this.at('Delete');
    this.book.deleteSheet(this.sheet);
  }

  /** Worksheet.Copy(Before, After) (…/excel.worksheet.copy): the copy is placed there and becomes the active sheet. */
  Copy(before?: WpsWorksheet, after?: WpsWorksheet): void {
    this.at('Copy');
    const anchor = (before ?? after) as FakeWorksheet | undefined;
    if (!anchor) throw new WpsError(1004, 'fake WPS: copying to a new workbook is not supported');
    const index = this.book.sheets.indexOf(anchor.sheet);
    this.book.copySheet(this.sheet, before ? index : index + 1);
  }
}

class FakeSheets implements WpsSheets {
  constructor(private readonly book: WpsBook) {}

  get Count(): number {
    this.book.count('Worksheets.Count');
    return this.book.sheets.length;
  }

  /** Worksheets.Item (…/excel.worksheets.item): 1-based index or name; a missing one is run-time error 9. */
  Item(index: number | string): WpsWorksheet {
    this.book.count('Worksheets.Item');
    const sheet = typeof index === 'number' ? this.book.sheets[index - 1] : this.book.findSheet(index);
    if (!sheet) throw new WpsError(9, 'Subscript out of range');
    return new FakeWorksheet(this.book, sheet);
  }

  /**
   * Worksheets.Add(Before, After, Count, Type) (…/excel.worksheets.add; WPS …/Worksheets/方法/Add 方法): the new
   * sheet becomes active; without Before and After it goes before the active sheet.
   */
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null): WpsWorksheet {
    this.book.count('Worksheets.Add');
    let at: number;
    if (before) at = this.book.sheets.indexOf((before as FakeWorksheet).sheet);
    else if (after) at = this.book.sheets.indexOf((after as FakeWorksheet).sheet) + 1;
    else at = this.book.active ? this.book.sheets.indexOf(this.book.active) : 0;
    const sheet = this.book.addSheet(undefined, at);
    this.book.activate(sheet);
    return new FakeWorksheet(this.book, sheet);
  }
}

class FakeWorkbook implements WpsWorkbook {
  constructor(private readonly book: WpsBook) {}

  get Name(): string {
    return '工作簿1';
  }

  get Worksheets(): WpsSheets {
    this.book.count('Workbook.Worksheets');
    return new FakeSheets(this.book);
  }

  get ActiveSheet(): WpsWorksheet {
    this.book.count('Workbook.ActiveSheet');
    if (!this.book.active) throw new WpsError(91, 'Object variable not set');
    return new FakeWorksheet(this.book, this.book.active);
  }
}

/** The object WPS puts on `window.Application` in an add-in's pages. */
export function createFakeApplication(book: WpsBook): WpsApplication {
  const storage: WpsPluginStorage = {
    getItem: (key) => book.pluginStorage.get(key) ?? null,
    setItem: (key, value) => void book.pluginStorage.set(key, value),
    removeItem: (key) => void book.pluginStorage.delete(key),
  };
  const pane = (id: number): WpsTaskPane => {
    const entry = book.taskPanes[id - 1];
    if (!entry) throw new WpsError(9, 'Subscript out of range');
    return {
      ID: id,
      get Visible() {
        return entry.visible;
      },
      set Visible(visible: boolean) {
        entry.visible = visible;
      },
      Navigate: (url: string) => {
        entry.url = url;
      },
    };
  };
  return {
    get Name() {
      return book.applicationName;
    },
    get ActiveWorkbook() {
      book.count('Application.ActiveWorkbook');
      return book.sheets.length ? new FakeWorkbook(book) : null;
    },
    get ActiveSheet() {
      book.count('Application.ActiveSheet');
      return book.active ? new FakeWorksheet(book, book.active) : null;
    },
    /** Application.Selection (…/excel.application.selection): the selected Range on the active sheet. */
    get Selection() {
      book.count('Application.Selection');
      return book.selection ? new FakeRange(book, book.selection.sheet, book.selection.rect) : null;
    },
    /**
     * Application.ActiveWindow (…/excel.window.freezepanes, …/excel.window.splitrow): the panes belong to the active
     * sheet; FreezePanes = True freezes the rows above SplitRow.
     */
    get ActiveWindow() {
      const sheet = book.active;
      if (!sheet) return null;
      return {
        get SplitRow() {
          return sheet.splitRow;
        },
        set SplitRow(rows: number) {
          book.count('Window.SplitRow.set');
          sheet.splitRow = rows;
        },
        SplitColumn: 0,
        get FreezePanes() {
          return sheet.frozenRows > 0;
        },
        set FreezePanes(on: boolean) {
          book.count('Window.FreezePanes.set');
          sheet.frozenRows = on ? sheet.splitRow : 0;
        },
      };
    },
    get DisplayAlerts() {
      return book.displayAlerts;
    },
    set DisplayAlerts(on: boolean) {
      book.displayAlerts = on;
    },
    ScreenUpdating: true,
    PluginStorage: storage,
    /** Application.CreateTaskPane(url) (wpsjs samples): a pane with an ID, shown by setting Visible. */
    CreateTaskPane(url: string) {
      book.taskPanes.push({ id: book.taskPanes.length + 1, url, visible: false });
      return pane(book.taskPanes.length);
    },
    GetTaskPane(id: string | number) {
      return pane(Number(id));
    },
  };
}
