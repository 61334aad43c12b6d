/**
 * The part of WPS 表格's JS add-in object model (`window.Application`) the host uses, typed. WPS mirrors Excel's
 * VBA object model, with two JavaScript twists documented on WPS's API pages (airsheet.wps.cn/docs/apiV2/excel/…):
 * parameterised properties are methods — `Range("A1")`, `Cells.Item(r, c)`, `Worksheets.Item(i)`, `Address()`,
 * `Comment.Text()` — and collections are 1-based. Everything here is synchronous: a call goes straight into WPS.
 */

/** A cell value as Value2 hands it over: numbers (dates as serials), text, booleans; empty cells as undefined/null/"". */
export type WpsValue = string | number | boolean | null | undefined;

/** XlSheetVisibility (learn.microsoft.com/office/vba/api/excel.worksheet.visible). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlColorIndexNone / xlNone: "no fill" (learn.microsoft.com/office/vba/api/excel.interior.colorindex). */
export const XL_COLOR_INDEX_NONE = -4142;

export interface WpsInterior {
  /** BGR number as VBA's RGB(r, g, b) makes it: r + g·256 + b·65536. */
  Color: number | null;
  ColorIndex: number | null;
}

export interface WpsFont {
  Bold: boolean | null;
}

export interface WpsComment {
  Text(text?: string): string;
  Delete(): void;
}

export interface WpsCount {
  readonly Count: number;
}

export interface WpsRows extends WpsCount {
  Item(index: number): WpsRange;
  AutoFit(): void;
}

export interface WpsCells extends WpsCount {
  Item(row: number, column: number): WpsRange;
}

export interface WpsRange {
  Value2: WpsValue | WpsValue[][];
  NumberFormat: string | null;
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  /** 1-based sheet row and column of the range's first cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsRows;
  readonly Columns: WpsRows;
  readonly Cells: WpsCells;
  readonly Areas: WpsCount;
  readonly Worksheet: WpsWorksheet;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  readonly Comment: WpsComment | null;
  WrapText: boolean | null;
  VerticalAlignment: number | null;
  ColumnWidth: number | null;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AddComment(text?: string): WpsComment;
  Merge(across?: boolean): void;
  UnMerge(): void;
  ClearContents(): void;
  Clear(): void;
  Select(): void;
  Activate(): void;
  Copy(destination?: WpsRange): void;
}

export interface WpsWorksheet {
  Name: string;
  readonly Index: number;
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsCells;
  Range(cell1: string, cell2?: string): WpsRange;
  Activate(): void;
  Delete(): void;
  Copy(before?: WpsWorksheet, after?: WpsWorksheet): void;
}

export interface WpsSheets extends WpsCount {
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsSheets;
  readonly ActiveSheet: WpsWorksheet;
}

/** Shared storage of an add-in's pages for the session (wpsjs samples: PluginStorage.setItem / getItem). */
export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
  removeItem?(key: string): void;
}

export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
  DockPosition?: number;
  Navigate?(url: string): void;
}

/** Window.SplitRow / SplitColumn / FreezePanes (learn.microsoft.com/office/vba/api/excel.window.freezepanes): of the active sheet. */
export interface WpsWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface WpsApplication {
  readonly Name: string;
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly Selection: WpsRange | object | null;
  readonly ActiveWindow: WpsWindow | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  readonly PluginStorage: WpsPluginStorage;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string | number): WpsTaskPane;
}
