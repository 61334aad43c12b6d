import type { Config } from '../config/schema';
import type { Change, Field, Lang, OutputRow, ParsedTable, RemovalReason, RepairPlan, TaskRecord } from '../types';
import { compactName, joinList } from '../text/lists';
import { parsePersons, parseUnits, unitDirectory, type UnitDirectory } from '../text/units';
import { columnsByField } from '../table/readTable';
import { parseRangeA1 } from '../grid/address';

const REASONS: Record<RemovalReason, Record<Lang, string>> = {
  blank: { 'zh-CN': '空白行', 'en-US': 'blank row' },
  'repeated-header': { 'zh-CN': '重复的表头（分页或分部分处）', 'en-US': 'header repeated at a page break or section' },
  'page-number': { 'zh-CN': '页码行', 'en-US': 'page number' },
};

interface CellRewrite {
  text: string;
  changes: Array<Omit<Change, 'sourceRows' | 'outputRow' | 'column'>>;
}

/** Units: wrapped names rejoined, aliases to the directory name (when the config says so); separators kept. */
function rewriteUnits(text: string, dir: UnitDirectory, canonical: boolean): CellRewrite {
  const parsed = parseUnits(text, dir);
  if (!parsed.some((part) => part.joinedFrom !== undefined || (canonical && part.canonical !== undefined))) return { text, changes: [] };
  const parts = parsed.map((part) => ({ ...part }));
  const changes: CellRewrite['changes'] = [];
  let touched = false;
  for (const part of parts) {
    if (part.joinedFrom) {
      touched = true;
      changes.push({
        op: 'join-wrapped-unit',
        before: part.joinedFrom.join('\n'),
        after: part.text,
        messages: { 'zh-CN': '被换行拆开的单位名称已合并', 'en-US': 'unit name wrapped over two lines joined' },
      });
    }
    if (canonical && part.canonical !== undefined) {
      touched = true;
      changes.push({
        op: 'canonical-unit',
        before: part.text,
        after: part.canonical,
        messages: { 'zh-CN': '简称改为单位名录中的规范名称', 'en-US': 'short name replaced by the directory name' },
      });
      part.text = part.canonical;
    }
  }
  return { text: touched ? joinList(parts) : text, changes };
}

/** Persons: padding inside names removed ("陈  霞" → "陈霞"), wrapped role entries joined; separators kept. */
function rewritePersons(text: string, trim: boolean): CellRewrite {
  if (!trim) return { text, changes: [] };
  const parsed = parsePersons(text);
  if (parsed.every((part) => compactName(part.text) === part.text)) return { text, changes: [] };
  const parts = parsed.map((part) => ({ ...part }));
  const changes: CellRewrite['changes'] = [];
  let touched = false;
  for (const part of parts) {
    const compact = compactName(part.text);
    if (compact !== part.text) {
      touched = true;
      changes.push({
        op: 'trim-person',
        before: part.text,
        after: compact,
        messages: { 'zh-CN': '姓名中的空格已去除', 'en-US': 'padding inside a name removed' },
      });
      part.text = compact;
    }
  }
  return { text: touched ? joinList(parts) : text, changes };
}

function outputLabel(label: string, field: Field): string {
  const first = label.split('\n')[0].trim();
  if (first !== '') return first;
  return field === 'subItem' ? '子项' : '';
}

/**
 * The repair plan: the repaired table as rows of text, the rows removed and why, and every cell change.
 * Plain data — an adapter writes it without the engine.
 */
export function buildPlan(table: ParsedTable, config: Config): RepairPlan {
  const dir = unitDirectory(config);
  const cols = columnsByField(table.header);
  const headerColumns = table.header.columns;
  const columns = headerColumns.map((c) => outputLabel(c.label, c.field));
  const officialColumn = cols.official >= 0 ? cols.official : config.fix.addOfficialColumn ? columns.push('分管领导') - 1 : -1;
  const statusColumnIndex = headerColumns.find((c) => c.field === 'status')?.column ?? -1;
  const statusColumn = statusColumnIndex >= 0 ? statusColumnIndex : config.fix.addStatusColumn ? columns.push('状态') - 1 : -1;
  const width = columns.length;
  const blank = () => new Array<string>(width).fill('');

  const rows: OutputRow[] = [];
  const changes: Change[] = [];
  const firstSheetRow = parseRangeA1(table.range)?.top ?? 1;
  // Output row per sheet row, indexed from the grid's first row: filled in any order, read out in sheet order.
  const outputRowOf: Array<number | null | undefined> = [];
  const rowMap = { set: (row: number, outputRow: number | null) => (outputRowOf[row - firstSheetRow] = outputRow) };
  const headerStart = table.header.rows[0];

  // Title lines above the header keep their own rows.
  for (const line of table.titleLines) {
    const values = blank();
    values[0] = line;
    rows.push({ kind: 'title', sourceRows: [], values });
  }
  for (let r = 0; r < headerStart; r++) rowMap.set(firstSheetRow + r, null);
  rows.push({ kind: 'header', sourceRows: table.header.rows.map((r) => firstSheetRow + r), values: columns.slice() });
  for (const r of table.header.rows) rowMap.set(firstSheetRow + r, rows.length);

  // The same unit and person cells recur all over a table: each distinct text is rewritten once per plan.
  const unitRewrites = new Map<string, CellRewrite>();
  const personRewrites = new Map<string, CellRewrite>();
  const rewrite = (cache: Map<string, CellRewrite>, text: string, make: (text: string) => CellRewrite): CellRewrite => {
    let done = cache.get(text);
    if (!done) {
      done = make(text);
      cache.set(text, done);
    }
    return done;
  };
  const rewriteUnitCell = (text: string) => rewriteUnits(text, dir, config.fix.canonicalUnits);
  const rewritePersonCell = (text: string) => rewritePersons(text, config.fix.trimPersons);

  for (const item of byRow(table.sections, table.records)) {
    if (!isRecord(item)) {
      const values = blank();
      values[0] = item.title;
      rows.push({ kind: 'section', sourceRows: [item.row], values });
      rowMap.set(item.row, rows.length);
      continue;
    }
    const record = item;
    const parts = record.subItems && record.subItems.length > 0 ? record.subItems : [null];
    const sourceRowsAll = record.gridRows.map((r) => firstSheetRow + r);
    for (let i = 0; i < parts.length; i++) {
      const sub = parts[i];
      const values = blank();
      const outputRow = rows.length + 1;
      for (const column of headerColumns) {
        const c = column.column;
        const ownCells = sub && cols.subItem >= 0 && c >= cols.subItem ? sub.cells : record.cells;
        let text = ownCells[c] ?? '';
        let cellChanges: CellRewrite['changes'] = NO_CHANGES;
        if (column.field === 'units') ({ text, changes: cellChanges } = rewrite(unitRewrites, text, rewriteUnitCell));
        else if (column.field === 'persons') ({ text, changes: cellChanges } = rewrite(personRewrites, text, rewritePersonCell));
        values[c] = text;
        // Written out, not spread: a spread per change is V8's slow path, and a big table has one per unit cell.
        for (const ch of cellChanges) {
          changes.push({ op: ch.op, before: ch.before, after: ch.after, messages: ch.messages, sourceRows: sub ? [sub.row] : [record.row], outputRow, column: columns[c] });
        }
      }
      if (officialColumn >= 0) values[officialColumn] = record.official ?? '';
      if (statusColumn >= 0) values[statusColumn] = (sub ? sub.status : record.status) ?? '';
      const sourceRows = sub ? sourceRowsAll.filter((r) => r >= sub.row && r < sub.row + Math.max(sub.rows, 1)) : sourceRowsAll;
      rows.push({ kind: 'record', sourceRows: sourceRows.length > 0 ? sourceRows : [sub?.row ?? record.row], values });
      for (const r of sourceRows) rowMap.set(r, outputRow);
      logCollapse(sourceRows, outputRow, changes);
      if (i === 0) logContinuation(sourceRowsAll, outputRow, changes);
    }
  }
  const recordChanges = changes.length;

  for (const removed of table.removed) {
    rowMap.set(removed.row, null);
    changes.push({
      op: 'remove-row',
      sourceRows: [removed.row],
      outputRow: null,
      column: null,
      before: removed.values.filter((v) => v !== '').join(' | '),
      after: '',
      messages: REASONS[removed.reason],
    });
  }
  return {
    sheet: table.sheet,
    sourceRange: table.range,
    rowMap: sheetRowMap(outputRowOf, firstSheetRow),
    columns,
    rows,
    removed: table.removed,
    changes: sortByFirstRow(changes, recordChanges),
    mergesRemoved: 0,
  };
}

const NO_CHANGES: CellRewrite['changes'] = [];

type Section = ParsedTable['sections'][number];

function isRecord(item: Section | TaskRecord): item is TaskRecord {
  return 'gridRows' in item;
}

/**
 * Sections and records in sheet order: what a stable sort of the sections followed by the records by row gives, taken
 * as a merge of the two lists, which readTable already makes in sheet order (a sort if either is not).
 */
function byRow(sections: Section[], records: TaskRecord[]): Array<Section | TaskRecord> {
  if (!ascending(sections, (s) => s.row) || !ascending(records, (r) => r.row)) {
    return [...sections, ...records].sort((a, b) => a.row - b.row);
  }
  const out: Array<Section | TaskRecord> = [];
  let s = 0;
  let r = 0;
  while (s < sections.length || r < records.length) {
    if (r >= records.length || (s < sections.length && sections[s].row <= records[r].row)) out.push(sections[s++]);
    else out.push(records[r++]);
  }
  return out;
}

function ascending<T>(list: T[], key: (item: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (key(list[i]) < key(list[i - 1])) return false;
  return true;
}

/**
 * The change log by first source row, as a stable sort would order it: the records' changes (before `split`) and the
 * removed rows' (after it) are each already in sheet order almost always, so the two runs are merged, not sorted.
 */
function sortByFirstRow(changes: Change[], split: number): Change[] {
  const first = (c: Change) => c.sourceRows[0] ?? 0;
  const head = changes.slice(0, split);
  const tail = changes.slice(split);
  if (!ascending(head, first) || !ascending(tail, first)) return changes.sort((a, b) => first(a) - first(b));
  let h = 0;
  let t = 0;
  for (let i = 0; i < changes.length; i++) changes[i] = t >= tail.length || (h < head.length && first(head[h]) <= first(tail[t])) ? head[h++] : tail[t++];
  return changes;
}

function sheetRowMap(outputRowOf: Array<number | null | undefined>, firstSheetRow: number): RepairPlan['rowMap'] {
  const out: RepairPlan['rowMap'] = [];
  outputRowOf.forEach((outputRow, i) => {
    if (outputRow !== undefined) out.push({ row: firstSheetRow + i, outputRow });
  });
  return out;
}

/** Log the sheet rows one output row was collapsed from. */
function logCollapse(sourceRows: number[], outputRow: number, changes: Change[]): void {
  if (sourceRows.length <= 1) return;
  const first = sourceRows[0];
  const last = sourceRows[sourceRows.length - 1];
  changes.push({
    op: 'collapse-rows',
    sourceRows,
    outputRow,
    column: null,
    before: `${first}–${last}`,
    after: String(outputRow),
    messages: {
      'zh-CN': `第${first}–${last}行（${sourceRows.length}行）合并为一行，各单元格的段落以换行连接`,
      'en-US': `rows ${first}–${last} (${sourceRows.length}) collapsed into one row; paragraphs joined with line breaks`,
    },
  });
}

/** Log a record put back together across a page break (its rows are not contiguous on the sheet). */
function logContinuation(sourceRows: number[], outputRow: number, changes: Change[]): void {
  const gap = sourceRows.findIndex((r, i) => i > 0 && r !== sourceRows[i - 1] + 1);
  if (gap <= 0) return;
  changes.push({
    op: 'join-continuation',
    sourceRows,
    outputRow,
    column: null,
    before: `${sourceRows[gap - 1]} / ${sourceRows[gap]}`,
    after: String(outputRow),
    messages: {
      'zh-CN': `第${sourceRows[gap]}行是上一条记录跨页的续行，已接回`,
      'en-US': `row ${sourceRows[gap]} continues the record across a page break and is joined back`,
    },
  });
}

/** The repaired sheet's cell values, row by row. */
export function planToValues(plan: RepairPlan): string[][] {
  return plan.rows.map((r) => r.values.slice());
}
