/**
 * The engine's data model. Everything here is plain data: it can be serialized to JSON,
 * sent to the taskpane, written by the CLI, and replayed.
 */

/** A cell value as a sheet reader hands it over (errors and dates are turned into text by the adapter). */
export type CellValue = string | number | boolean | null;

/** A merged area, in grid coordinates (0-based offsets from the grid's top-left cell). */
export interface MergedArea {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** What a sheet reader hands to the engine: values, merged areas and where the grid sits on the sheet. */
export interface Grid {
  values: CellValue[][];
  merges: MergedArea[];
  /** 1-based sheet row and column of values[0][0]. */
  origin: { row: number; column: number };
  sheet?: string;
}

/** The meaning of a table column. `official` and `status` are the columns `fix` may add. */
export type Field =
  | 'number'
  | 'task'
  | 'subItem'
  | 'plan'
  | 'units'
  | 'persons'
  | 'progress'
  | 'remark'
  | 'official'
  | 'status'
  /** 配合单位 / 协办单位: units that assist the lead unit of the 责任单位 / 牵头单位 column. */
  | 'coUnits'
  /** 完成时限 / 计划完成时间: a date or month the task is due. */
  | 'deadline'
  | 'extra';

export interface HeaderColumn {
  /** Grid column index. */
  column: number;
  /** The header text as written (joined over header rows). */
  label: string;
  field: Field;
}

export interface TableHeader {
  /** Grid row indexes the header occupies (one or two). */
  rows: number[];
  columns: HeaderColumn[];
}

export interface Section {
  /** 1-based position of the section in the table. */
  index: number;
  /** 1-based sheet row of the heading. */
  row: number;
  title: string;
  official: string | null;
  declared: number | null;
  /** Records in this section and its sub-sections. */
  found: number;
  /** 1 for "一、…" (or an official's heading), 2 for "（一）…" under it. */
  level: number;
  /** Index (1-based) of the enclosing section, null at the top level. */
  parent: number | null;
  /** Titles from the top-level section down to this one. */
  path: string[];
  /** What the heading is: an official's block (胡钛同志分管工作, 分管领导：胡钛) or a topic (产业发展). */
  kind: 'official' | 'topic';
}

/** Where a record's official came from: its own column, a section heading above it, the sheet's name, or nowhere. */
export type OfficialSource = 'column' | 'section' | 'sheet' | null;

/** A deadline read from a 完成时限 cell: the last day it allows, as an ISO date. */
export interface Deadline {
  /** YYYY-MM-DD: the day itself, or the last day of the month / year the cell names. */
  date: string;
  precision: 'day' | 'month' | 'year';
}

export interface SubItem {
  /** 1-based sheet row of the sub-item's first row. */
  row: number;
  rows: number;
  label: string;
  text: string;
  units: string[];
  persons: string[];
  status: string | null;
  /** First line of the sub-item's 进展情况 as written (the shared one when statusShared). */
  statusRaw: string;
  /** The sub-item has no 进展情况 of its own: it shares the cell above (merged in Word). */
  statusShared: boolean;
  statusSource?: 'column' | 'progress';
  progressStatus?: string | null;
  columnStatus?: string | null;
  progress: string;
  /** Joined text of every sub-item-level column, by grid column index. */
  cells: Record<number, string>;
}

export interface TaskRecord {
  /** 1-based sheet row of the record's first row. */
  row: number;
  /** How many sheet rows the record occupied before repair. */
  rows: number;
  /** Grid row indexes the record occupied (including continuation rows after page breaks). */
  gridRows: number[];
  /** 1-based section position (the innermost section), null when the table has no sections. */
  section: number | null;
  /** Section titles from the top level down to the record's own section ([] without sections). */
  sectionPath: string[];
  official: string | null;
  officialSource: OfficialSource;
  /** The 序号 as written. */
  number: string;
  task: string;
  plan: string;
  units: string[];
  /** 配合单位 / 协办单位, [] when the table has no such column. */
  coUnits: string[];
  persons: string[];
  /** Normalized status word: the first line of 进展情况 when it names one, else the status column; null when missing. */
  status: string | null;
  /** The status as written: the first line of 进展情况, or the status column's text. */
  statusRaw: string;
  /** Where the status was read: the first line of 进展情况, or a status column of its own (完成情况 / 状态). */
  statusSource: 'column' | 'progress';
  /** The status the first line of 进展情况 states (null when none). */
  progressStatus: string | null;
  /** The status the status column states (null without such a column or word). */
  columnStatus: string | null;
  /** 完成时限 as written ('' without such a column). */
  deadlineText: string;
  deadline: Deadline | null;
  progress: string;
  /** Joined text of every column, by grid column index (task-level columns; sub-item columns of the first sub-item). */
  cells: Record<number, string>;
  subItems?: SubItem[];
}

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

export interface Finding {
  /** Stable rule id, e.g. `status.unknown`. */
  rule: string;
  severity: Severity;
  /** 1-based sheet row. */
  row: number;
  /** A1 address of the cell, null for a row-level finding. */
  cell: string | null;
  section: number | null;
  number: string | null;
  messages: Record<Lang, string>;
  value: string | null;
  suggestion: string | null;
}

/** Why a sheet row disappears in the repaired table. */
export type RemovalReason = 'blank' | 'repeated-header' | 'page-number';

export interface RemovedRow {
  row: number;
  reason: RemovalReason;
  values: string[];
}

/** One entry of the change log: where, before, after, why. */
export interface Change {
  /** Operation id, OpenRefine style: what kind of change it is. */
  op:
    | 'collapse-rows'
    | 'join-continuation'
    | 'remove-row'
    | 'join-wrapped-unit'
    | 'canonical-unit'
    | 'trim-person'
    | 'section-row'
    | 'split-merge'
    /** A cell taken from a unit's return when the round is merged (src/core/returns). */
    | 'take-return';
  /** 1-based sheet rows of the source. */
  sourceRows: number[];
  /** 1-based output row in the repaired sheet, null for a removed row. */
  outputRow: number | null;
  /** Output column header, null for a whole row. */
  column: string | null;
  before: string;
  after: string;
  messages: Record<Lang, string>;
}

export type OutputRowKind = 'title' | 'header' | 'section' | 'record';

export interface OutputRow {
  kind: OutputRowKind;
  /** 1-based sheet rows this output row is built from. */
  sourceRows: number[];
  values: string[];
}

/** The repair plan: data that says exactly what the repaired table is and how it came about. */
export interface RepairPlan {
  sheet: string | null;
  /** A1 range of the source grid. */
  sourceRange: string;
  /** Sheet rows of the source, each mapped to the output row it went into (null: removed). */
  rowMap: Array<{ row: number; outputRow: number | null }>;
  columns: string[];
  rows: OutputRow[];
  removed: RemovedRow[];
  changes: Change[];
  /** Source grid had merged areas that the repaired table no longer has. */
  mergesRemoved: number;
}

export interface OfficialSummaryRow {
  official: string;
  counts: Record<string, number>;
  total: number;
  onSchedule: number;
  /** onSchedule / total, 0..1. */
  share: number;
}

export interface UnitSummaryRow {
  unit: string;
  counts: Record<string, number>;
  total: number;
}

export interface LaggingTask {
  /** The sheet the task is on, in a summary over several sheets. */
  sheet?: string;
  row: number;
  section: number | null;
  sectionPath?: string[];
  official: string | null;
  /** Why it is listed: a lagging status (or ▲), or a deadline passed before the given date without 已完成. */
  reason?: 'status' | 'overdue';
  deadline?: string | null;
  number: string;
  task: string;
  status: string;
  units: string[];
  persons: string[];
  progress: string;
}

export interface Summary {
  /** The status columns, in config order (least advanced first), plus 未填写 for a missing status. */
  statuses: string[];
  byOfficial: OfficialSummaryRow[];
  byStatus: Array<{ status: string; count: number; share: number }>;
  byUnit: UnitSummaryRow[];
  lagging: LaggingTask[];
  total: number;
  onSchedule: number;
  /** How the records' officials were found; 'none' when the table names no official anywhere (byOfficial then has one bucket, 未标明分管领导). */
  officialSource?: 'column' | 'section' | 'sheet' | 'mixed' | 'none';
  /** Records with no official named anywhere. */
  withoutOfficial?: number;
}

export interface ParsedTable {
  sheet: string | null;
  range: string;
  titleLines: string[];
  /** 1-based sheet row of each title line. */
  titleRows: number[];
  title: string | null;
  declaredTotal: number | null;
  /** 1-based sheet row of the title line that says 共N项, null when none does. */
  declaredTotalRow: number | null;
  header: TableHeader;
  sections: Section[];
  records: TaskRecord[];
  removed: RemovedRow[];
  /** Findings about the table's shape found while reading (e.g. a second table). */
  structureFindings: Finding[];
}

export interface Analysis {
  table: ParsedTable;
  findings: Finding[];
  plan: RepairPlan;
  summary: Summary;
}

/** Input the engine cannot use: the message says why, in both languages. */
export class UnusableInputError extends Error {
  readonly code: string;
  readonly messages: Record<Lang, string>;
  constructor(code: string, messages: Record<Lang, string>) {
    super(messages['en-US']);
    this.name = 'UnusableInputError';
    this.code = code;
    this.messages = messages;
  }
}
