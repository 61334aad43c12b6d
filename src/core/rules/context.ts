import type { Config } from '../config/schema';
import { parseRangeA1, toA1 } from '../grid/address';
import { statusIndex } from '../text/status';
import { unitDirectory, type UnitDirectory } from '../text/units';
import { columnsByField, type ColumnsByField } from '../table/readTable';
import type { Finding, Lang, ParsedTable, Severity, TaskRecord } from '../types';
import { message, type MessageParams } from './messages';

/** What every rule sees: the table, the config and lookups built once. */
export interface RuleContext {
  table: ParsedTable;
  /**
   * Every record's entries (the record itself, or each of its sub-items), in table order. Rules walk it (and
   * table.records) with indexed loops, not for…of: a check runs once per table, mostly before the optimiser has
   * compiled it, and for…of there takes an iterator result object per entry (~0.7 MB a rule on a 100k-row table).
   */
  entries: Entry[];
  config: Config;
  dir: UnitDirectory;
  statuses: Map<string, string>;
  cols: ColumnsByField;
  originColumn: number;
}

export function ruleContext(table: ParsedTable, config: Config): RuleContext {
  const cols = columnsByField(table.header);
  return {
    table,
    entries: allEntries(table.records, cols),
    config,
    dir: unitDirectory(config),
    statuses: statusIndex(config),
    cols,
    originColumn: parseRangeA1(table.range)?.left ?? 1,
  };
}

/** A unit of checking: a record without sub-items, or one sub-item of a task (each has its own units, people, status). */
export interface Entry {
  record: TaskRecord;
  row: number;
  cells: Record<number, string>;
  status: string | null;
  statusRaw: string;
  /** The entry shares the status cell above it (a merged cell in Word). */
  statusShared: boolean;
  /** Grid column the status was read from: the status column, or 进展情况. */
  statusColumn: number;
  units: string[];
  persons: string[];
}

/** Every record's entries in one array (flatMap would build an array per record first). */
function allEntries(records: TaskRecord[], cols: ColumnsByField): Entry[] {
  const out: Entry[] = [];
  for (let n = 0; n < records.length; n++) {
    const record = records[n];
    if (!record.subItems || record.subItems.length === 0) out.push(recordEntry(record, cols));
    else for (const entry of entries(record, cols)) out.push(entry);
  }
  return out;
}

function statusColumnOf(source: 'column' | 'progress' | undefined, cols: ColumnsByField): number {
  return (source === 'column' || cols.progress < 0) && cols.status >= 0 ? cols.status : cols.progress;
}

/** The one entry of a record without sub-items. */
function recordEntry(record: TaskRecord, cols: ColumnsByField): Entry {
  return { record, row: record.row, cells: record.cells, status: record.status, statusRaw: record.statusRaw, statusShared: false, statusColumn: statusColumnOf(record.statusSource, cols), units: record.units, persons: record.persons };
}

export function entries(record: TaskRecord, cols: ColumnsByField): Entry[] {
  const columnOf = (source: 'column' | 'progress' | undefined) => statusColumnOf(source, cols);
  if (!record.subItems || record.subItems.length === 0) return [recordEntry(record, cols)];
  return record.subItems.map((s) => ({ record, row: s.row, cells: s.cells, status: s.status, statusRaw: s.statusRaw, statusShared: s.statusShared, statusColumn: columnOf(s.statusSource), units: s.units, persons: s.persons }));
}

export interface FindingInput {
  row: number;
  /** Grid column of the cell, or -1 for the whole row. */
  column: number;
  record?: TaskRecord;
  section?: number | null;
  params: MessageParams;
  /** The messages for these params, when the rule built them once for many findings that say the same thing. */
  messages?: Record<Lang, string>;
  value: string | null;
  suggestion: string | null;
}

export function makeFinding(ctx: RuleContext, rule: string, severity: Severity, input: FindingInput): Finding {
  return {
    rule,
    severity,
    row: input.row,
    cell: input.column >= 0 ? toA1(input.row, ctx.originColumn + input.column) : null,
    section: input.section !== undefined ? input.section : (input.record?.section ?? null),
    number: input.record ? input.record.number : null,
    messages: input.messages ?? message(rule, input.params),
    value: input.value,
    suggestion: input.suggestion,
  };
}

/** A validation rule: one module, one stable id, in the manner of Frictionless's error catalog. */
export interface Rule {
  id: string;
  severity: Severity;
  tags: string[];
  description: { 'zh-CN': string; 'en-US': string };
  check(ctx: RuleContext, emit: (input: FindingInput) => void): void;
}
