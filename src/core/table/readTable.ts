import type { Config } from '../config/schema';
import { GridView } from '../grid/gridView';
import { rangeA1, toA1 } from '../grid/address';
import {
  UnusableInputError,
  type Field,
  type Finding,
  type Grid,
  type ParsedTable,
  type RemovedRow,
  type Section,
  type SubItem,
  type TableHeader,
  type TaskRecord,
} from '../types';
import { compactName } from '../text/lists';
import { readStatus, statusIndex } from '../text/status';
import { parsePersons, parseUnits, unitDirectory, type UnitDirectory } from '../text/units';
import { findHeader } from './header';
import { parseDeadline, yearOf } from '../text/deadline';
import { classifyRows, declaredTotalOf, isSectionHeading, parseSectionHeading, type RowKind } from './rows';
import { message } from '../rules/messages';

/** One row's text in one column, in reading order (a plain string: a table has hundreds of thousands of them). */
type Piece = string;

/**
 * One column's pieces in a block. The lists are recycled from one record to the next (see PiecePool): a table has
 * hundreds of thousands of cells, and an array per cell per record was most of what reading a sheet allocated.
 */
class PieceList {
  readonly items: Piece[] = [];
  /** How many of `items` belong to the block now (the rest is left from an earlier record). */
  count = 0;

  push(piece: Piece): void {
    if (this.count < this.items.length) this.items[this.count] = piece;
    else this.items.push(piece);
    this.count++;
  }
}

/** Lists handed back when a record is finished, taken again by the next one. */
class PiecePool {
  private readonly free: PieceList[] = [];

  take(): PieceList {
    return this.free.pop() ?? new PieceList();
  }

  release(block: Block): void {
    for (const list of block.cells) {
      if (list === undefined) continue;
      list.count = 0;
      this.free.push(list);
    }
  }
}

interface Block {
  rows: number[];
  /** Pieces by grid column (a block holds lists only for the columns it was given pieces in). */
  cells: Array<PieceList | undefined>;
}

interface RecordBuilder extends Block {
  section: Section | null;
  number: string;
  firstTask: string;
  subs: Block[];
}

const SUB_LABEL_RE = /^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[、.．]|[①-⑳])/;

function newBlock(width: number): Block {
  return { rows: [], cells: new Array<PieceList | undefined>(width) };
}

function push(block: Block, column: number, piece: Piece, pool: PiecePool): void {
  let list = block.cells[column];
  if (list === undefined) {
    list = pool.take();
    block.cells[column] = list;
  }
  list.push(piece);
}

/**
 * The text of a cell put back together from the rows it was split over: paragraphs joined with a line break.
 * A value repeated in every row that has one is a merged cell someone filled down: it counts once.
 */
export function joinPieces(pieces: readonly Piece[] | undefined, count: number = pieces?.length ?? 0): string {
  if (!pieces || count === 0) return '';
  if (count === 1) return pieces[0].trim() === '' ? '' : pieces[0];
  // One pass, no intermediate arrays: this runs for every cell of every record.
  let first = -1;
  let last = -1;
  let single = true;
  for (let i = 0; i < count; i++) {
    if (pieces[i].trim() === '') continue;
    if (first < 0) first = i;
    else if (pieces[i] !== pieces[first]) single = false;
    last = i;
  }
  if (first < 0) return '';
  if (single) return pieces[first];
  // join builds one flat string; += would build a rope that every later trim or lookup flattens again.
  return first === 0 && last === pieces.length - 1 && count === pieces.length ? pieces.join('\n') : pieces.slice(first, last + 1).join('\n');
}

function joinList(list: PieceList | undefined): string {
  return list === undefined ? '' : joinPieces(list.items, list.count);
}

function lastText(block: Block, column: number): string {
  const list = block.cells[column];
  return list && list.count > 0 ? list.items[list.count - 1] : '';
}

function hasText(block: Block, column: number): boolean {
  const list = block.cells[column];
  if (list === undefined) return false;
  for (let i = 0; i < list.count; i++) if (list.items[i].trim() !== '') return true;
  return false;
}

export interface ColumnsByField {
  number: number;
  task: number;
  subItem: number;
  plan: number;
  units: number;
  persons: number;
  progress: number;
  official: number;
  coUnits: number;
  deadline: number;
  status: number;
}

/** What the caller knows that the grid does not say. */
export interface ReadOptions {
  /** The official the sheet's name gives (a workbook with one sheet per official), used where the table names none. */
  sheetOfficial?: string | null;
  /** YYYY-MM-DD, from the caller (never the clock): the year of a deadline that names only a month, when the title gives none. */
  today?: string | null;
}

export function columnsByField(header: TableHeader): ColumnsByField {
  const find = (field: Field) => header.columns.find((c) => c.field === field)?.column ?? -1;
  return {
    number: find('number'),
    task: find('task'),
    subItem: find('subItem'),
    plan: find('plan'),
    units: find('units'),
    persons: find('persons'),
    progress: find('progress'),
    official: find('official'),
    coUnits: find('coUnits'),
    deadline: find('deadline'),
    status: find('status'),
  };
}

/** Read the table: header, title, sections, one record per task with its sub-items; nothing in the grid is dropped silently. */
export function readTable(grid: Grid, config: Config, options: ReadOptions = {}): ParsedTable {
  if (grid.values.length === 0 || grid.values.every((row) => row.length === 0)) {
    throw new UnusableInputError('empty', { 'zh-CN': '选区或工作表是空的，没有可读的表格。', 'en-US': 'The selection or sheet is empty: there is no table to read.' });
  }
  const view = new GridView(grid);
  const header = findHeader(view, config);
  if (!header) {
    throw new UnusableInputError('no-header', {
      'zh-CN': '没有找到表头：表格需要至少三列可识别的列名（如 序号、工作任务、责任单位、进展情况）。',
      'en-US': 'No header row found: the table needs at least three recognisable column names (such as 序号, 工作任务, 责任单位, 进展情况).',
    });
  }
  const cols = columnsByField(header);
  const width = header.columns.length;
  const kinds = classifyRows(view, header, cols.number, config);
  const dir = unitDirectory(config);
  const statuses = statusIndex(config);
  const rank = new Map(config.vocabulary.map((v, i) => [v.status, i] as const));

  const sections: Section[] = [];
  let section: Section | null = null;
  const titleLines: string[] = [];
  const titleRows: number[] = [];
  for (let r = 0; r < header.rows[0]; r++) {
    const texts = [...new Set(view.rowTexts(r).map((t) => t.trim()).filter((t) => t !== ''))];
    if (texts.length === 0) continue;
    // The first section's heading often stands above the header (each section has its own header).
    if (texts.length === 1 && isSectionHeading(texts[0])) section = openSection(sections, view.sheetRow(r), texts[0], section);
    else {
      titleLines.push(texts.join(' '));
      titleRows.push(view.sheetRow(r));
    }
  }

  const removed: RemovedRow[] = [];
  const structureFindings: Finding[] = [];
  // A record is finished as soon as the next one starts: its row pieces then die young instead of living (and being
  // copied by the garbage collector) until the whole sheet is read. Deadlines wait for the title's year (below).
  const records: TaskRecord[] = [];
  let open: RecordBuilder | null = null;
  const pool = new PiecePool();
  const finish = (builder: RecordBuilder): void => {
    records.push(finishRecord(view, builder, cols, width, dir, statuses, rank));
    pool.release(builder);
    for (const sub of builder.subs) pool.release(sub);
  };
  const startRecord = (builder: RecordBuilder): void => {
    if (open !== null) finish(open);
    open = builder;
  };
  let current: RecordBuilder | null = null;
  const mergedNumbers = cols.number >= 0 && view.columnHasMerges(cols.number);
  const start = header.rows[header.rows.length - 1] + 1;

  for (let r = start; r < view.rowCount; r++) {
    const kind: RowKind = kinds[r];
    if (kind === 'blank' || kind === 'repeated-header' || kind === 'page-number') {
      removed.push({ row: view.sheetRow(r), reason: kind, values: view.rowTexts(r).slice(0, width) });
      continue;
    }
    if (kind === 'section') {
      const text = view.rowTexts(r).find((t) => t.trim() !== '') ?? '';
      section = openSection(sections, view.sheetRow(r), text, section);
      current = null;
      continue;
    }
    if (kind === 'title') {
      const text = view.rowTexts(r).find((t) => t.trim() !== '') ?? '';
      titleLines.push(text.trim());
      titleRows.push(view.sheetRow(r));
      structureFindings.push({
        rule: 'table.multiple',
        severity: 'warning',
        row: view.sheetRow(r),
        cell: toA1(view.sheetRow(r), view.sheetColumn(0)),
        section: section?.index ?? null,
        number: null,
        messages: message('table.multiple', { value: text.trim() }),
        value: text.trim(),
        suggestion: null,
      });
      current = null;
      continue;
    }
    current = addDataRow(view, r, cols, width, current, section, startRecord, pool, statuses, mergedNumbers);
  }

  const year = yearOf(titleLines.join(' ')) ?? (options.today ? yearOf(`${options.today.slice(0, 4)}年`) : null);
  if (open !== null) finish(open);
  // Indexed loops over the records, here and in assignOfficials: each runs once per sheet, mostly before the optimiser
  // has compiled it, and for…of would take an iterator result object per record.
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    rec.deadline = parseDeadline(rec.deadlineText, year);
    // A record counts in its own section and in every section above it (一、 counts the records of its （一）…).
    for (let s = rec.section !== null ? sections[rec.section - 1] : null; s; s = s.parent !== null ? sections[s.parent - 1] : null) s.found++;
  }
  assignOfficials(records, sections, cols, options.sheetOfficial ?? null);
  const title = pickTitle(titleLines);
  return {
    sheet: grid.sheet ?? null,
    range: rangeA1(grid.origin.row, grid.origin.column, view.rowCount, Math.max(view.columnCount, 1)),
    titleLines,
    titleRows,
    title,
    declaredTotal: declaredTotalOf(titleLines),
    declaredTotalRow: titleRows[titleLines.findIndex((l) => /共\s*\d+\s*项/.test(l))] ?? null,
    header,
    sections,
    records,
    removed,
    structureFindings,
  };
}

/** A section heading opens a section inside the nearest one of a lower rank (（一） inside 一、, 一、 inside an official's heading). */
function openSection(sections: Section[], row: number, text: string, current: Section | null): Section {
  const heading = parseSectionHeading(text);
  let parent = current;
  // Only the open chain is walked (a few levels), never every section of the table.
  while (parent !== null && parseSectionHeading(parent.title).rank >= heading.rank) parent = parent.parent !== null ? sections[parent.parent - 1] : null;
  // An official's heading is a block of its own: it never nests under another.
  if (heading.rank === 0) parent = null;
  const section: Section = {
    index: sections.length + 1,
    row,
    title: heading.title,
    official: heading.official,
    declared: heading.declared,
    found: 0,
    level: parent ? parent.level + 1 : 1,
    parent: parent?.index ?? null,
    path: [...(parent?.path ?? []), heading.title],
    kind: heading.official !== null ? 'official' : 'topic',
  };
  sections.push(section);
  return section;
}

/**
 * Each record's official: its own cell in an official column; an empty cell there under a named one is the same
 * official (a merged cell a PDF conversion printed once); else the nearest section heading that names one; else
 * the sheet's name. Never invented: with none of these the record has no official.
 */
function assignOfficials(records: TaskRecord[], sections: Section[], cols: ColumnsByField, sheetOfficial: string | null): void {
  let previous: TaskRecord | null = null;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const own = cols.official >= 0 ? (record.cells[cols.official] ?? '').trim() : '';
    const sameBlock = previous !== null && topSection(previous, sections) === topSection(record, sections);
    let fromSection: string | null = null;
    for (let s = record.section !== null ? sections[record.section - 1] : null; s && fromSection === null; s = s.parent !== null ? sections[s.parent - 1] : null) fromSection = s.official;
    if (own !== '') {
      record.official = own;
      record.officialSource = 'column';
    } else if (cols.official >= 0 && sameBlock && previous?.officialSource === 'column') {
      record.official = previous.official;
      record.officialSource = 'column';
    } else if (fromSection !== null) {
      record.official = fromSection;
      record.officialSource = 'section';
    } else if (sheetOfficial !== null && sheetOfficial !== '') {
      record.official = sheetOfficial;
      record.officialSource = 'sheet';
    } else {
      record.official = null;
      record.officialSource = null;
    }
    previous = record;
  }
}

function topSection(record: TaskRecord, sections: Section[]): number | null {
  let s = record.section !== null ? sections[record.section - 1] : null;
  while (s && s.parent !== null) s = sections[s.parent - 1];
  return s?.index ?? null;
}

function pickTitle(lines: string[]): string | null {
  const candidates = lines.filter((l) => !/^附件\s*\d*$/.test(l) && !/^[（(]\s*共\s*\d+\s*项\s*[)）]$/.test(l));
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.length > a.length ? b : a));
}

function addDataRow(
  view: GridView,
  r: number,
  cols: ColumnsByField,
  width: number,
  current: RecordBuilder | null,
  section: Section | null,
  startRecord: (builder: RecordBuilder) => void,
  pool: PiecePool,
  statuses: Map<string, string>,
  mergedNumbers: boolean,
): RecordBuilder {
  const numberCovered = cols.number >= 0 && view.isCoveredFromAbove(r, cols.number);
  const numberText = cols.number >= 0 ? view.text(r, cols.number).trim() : '';
  const taskText = cols.task >= 0 ? view.text(r, cols.task) : '';
  let startsRecord = current === null;
  if (current !== null && !numberCovered && numberText !== '') {
    startsRecord = !(numberText === current.number && isFilledDownRow(view, r, current, cols, width, statuses));
  } else if (current !== null && !numberCovered && cols.task >= 0 && taskText.trim() !== '' && taskText !== current.firstTask && !view.isCoveredFromAbove(r, cols.task)) {
    // No 序号 but a task of its own: a record whose number was lost, not a continuation — where the paste kept its
    // merges (a continuation would sit under the merged 序号) or where its progress opens with a status word.
    const progress = cols.progress >= 0 ? view.text(r, cols.progress) : '';
    startsRecord = mergedNumbers || readStatus(progress, statuses).status !== null;
  }
  let record = current;
  if (startsRecord || record === null) {
    record = { rows: [], cells: new Array<PieceList | undefined>(width), section, number: numberText, firstTask: taskText, subs: [newBlock(width)] };
    startRecord(record);
    // A merged area that began in an earlier record and covers this one too (the official, a deadline, a shared lead
    // unit merged down over several tasks) is a value of each record it spans, not only of the first.
    for (let c = 0; c < width; c++) {
      if (!view.isCoveredFromAbove(r, c)) continue;
      const merge = view.mergeAt(r, c);
      if (merge === null || merge.column !== c) continue;
      push(cols.subItem >= 0 && c >= cols.subItem ? record.subs[0] : record, c, view.text(merge.row, merge.column), pool);
    }
  } else if (cols.subItem >= 0 && startsSubItem(view, r, cols.subItem, record.subs[record.subs.length - 1], cols.task)) {
    record.subs.push(newBlock(width));
  }
  const sub = record.subs[record.subs.length - 1];
  // A page break may repeat the record's 序号 and task above its rest: they count once.
  const repeatsRecord = record.rows.length > 0 && numberText !== '' && numberText === record.number && sameTask(taskText, record.firstTask);
  record.rows.push(r);
  sub.rows.push(r);
  for (let c = 0; c < width; c++) {
    if (view.isCovered(r, c)) continue;
    if (repeatsRecord && (c === cols.number || c === cols.task)) continue;
    // A task cell merged across the sub-item column and then filled: the copy is not a sub-item.
    const horizontalCopy = c === cols.subItem && cols.task >= 0 && view.text(r, c) !== '' && view.text(r, c) === view.text(r, cols.task);
    const piece = horizontalCopy ? '' : view.text(r, c);
    push(cols.subItem >= 0 && c >= cols.subItem ? sub : record, c, piece, pool);
  }
  return record;
}

/** A task cell repeated at a page break: the whole text again, or its first paragraph. */
function sameTask(text: string, firstTask: string): boolean {
  return text.trim() !== '' && (text === firstTask || firstTask.startsWith(`${text}\n`));
}

/**
 * The same 序号 again: a block someone unmerged and filled down (values copied into every row), or a second record
 * with a duplicated number? Filled-down rows repeat some other cell of the row above, or continue a paragraph
 * instead of opening with a status word.
 */
function isFilledDownRow(view: GridView, r: number, current: RecordBuilder, cols: ColumnsByField, width: number, statuses: Map<string, string>): boolean {
  const task = cols.task >= 0 ? view.text(r, cols.task) : '';
  if (sameTask(task, current.firstTask)) return true;
  const previous = current.rows[current.rows.length - 1];
  const progress = cols.progress >= 0 ? view.text(r, cols.progress) : '';
  const opensWithStatus = progress.trim() !== '' && progress !== view.shownText(previous, cols.progress) && readStatus(progress, statuses).status !== null;
  // Its own task and its own status: a second record under a duplicated number.
  if (task.trim() !== '' && task !== view.shownText(previous, cols.task) && opensWithStatus) return false;
  for (let c = 0; c < width; c++) {
    if (c === cols.number) continue;
    const text = view.text(r, c);
    if (text.trim() !== '' && text === view.shownText(previous, c)) return true;
  }
  return !opensWithStatus;
}

/** Within a task, a sub-item starts where the sub-item column begins a new merged cell or a new （n） label. */
function startsSubItem(view: GridView, r: number, column: number, currentSub: Block, taskColumn: number): boolean {
  if (view.isCoveredFromAbove(r, column)) return false;
  const text = view.text(r, column);
  if (taskColumn >= 0 && text === view.text(r, taskColumn)) return false;
  if (text.trim() === '') return false;
  if (!hasText(currentSub, column)) return false;
  if (text === lastText(currentSub, column)) return false;
  const merge = view.mergeAt(r, column);
  if (merge !== null && merge.row === r && merge.rowCount > 1) return true;
  return SUB_LABEL_RE.test(text);
}

function text(cells: Record<number, string>, column: number): string {
  return column >= 0 ? (cells[column] ?? '') : '';
}

/** The units of a 责任单位 cell as the record lists them: aliases under their directory name. */
function unitNames(cellText: string, dir: UnitDirectory): string[] {
  const parts = parseUnits(cellText, dir);
  const out = new Array<string>(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = parts[i].canonical ?? parts[i].text;
  return out;
}

/**
 * The status: the sentence that opens 进展情况 when it names one — it is what a clerk updates each period, and the
 * column `fix` adds is written from it — else the status column. Both readings are kept for status.conflict.
 */
function recordStatus(cells: Record<number, string>, progress: string, statusColumn: number, statuses: Map<string, string>) {
  const fromProgress = readStatus(progress, statuses);
  const columnText = text(cells, statusColumn);
  const fromColumn = columnText.trim() !== '' ? readStatus(columnText, statuses) : null;
  const useColumn = fromColumn !== null && fromProgress.status === null && (fromColumn.status !== null || fromProgress.missing);
  return {
    reading: useColumn && fromColumn ? fromColumn : fromProgress,
    source: useColumn ? ('column' as const) : ('progress' as const),
    progressStatus: fromProgress.status,
    columnStatus: fromColumn?.status ?? null,
  };
}

const personLists = new Map<string, string[]>();

/** The people of a 责任人 cell, names compacted; memoized (the same cells recur), a fresh array each time. */
function personNames(text: string): string[] {
  let names = personLists.get(text);
  if (!names) {
    if (personLists.size > 100_000) personLists.clear();
    names = parsePersons(text).map((p) => compactName(p.text));
    personLists.set(text, names);
  }
  return names.slice();
}

/** A record's cell: a column from the sub-item column on is read from the first sub-item's cells. */
function recordCell(cols: ColumnsByField, taskCells: Record<number, string>, firstSub: Record<number, string>, column: number): string {
  return cols.subItem >= 0 && column >= cols.subItem ? text(firstSub, column) : text(taskCells, column);
}

function finishRecord(
  view: GridView,
  b: RecordBuilder,
  cols: ColumnsByField,
  width: number,
  dir: UnitDirectory,
  statuses: Map<string, string>,
  rank: Map<string, number>,
): TaskRecord {
  const taskCells: Record<number, string> = {};
  for (let c = 0; c < width; c++) if (!(cols.subItem >= 0 && c >= cols.subItem)) taskCells[c] = joinList(b.cells[c]);
  const subCells = b.subs.map((sub) => {
    const cells: Record<number, string> = {};
    if (cols.subItem >= 0) for (let c = cols.subItem; c < width; c++) cells[c] = joinList(sub.cells[c]);
    return cells;
  });
  const firstRow = view.sheetRow(b.rows[0]);
  const hasSubItems = cols.subItem >= 0 && subCells.some((cells) => text(cells, cols.subItem).trim() !== '');

  const deadlineText = recordCell(cols, taskCells, subCells[0], cols.deadline);
  // Plain locals, not a shared `base` object or helper closures: each would be one more short-lived object per record.
  const rowSpan = view.sheetRow(b.rows[b.rows.length - 1]) - firstRow + 1;
  const sectionIndex = b.section?.index ?? null;
  const sectionPath = b.section?.path ?? [];

  if (!hasSubItems) {
    // A plain copy loop: Object.assign on integer-keyed objects takes V8's generic path, once per record.
    // subCells[0] holds exactly the columns from the sub-item column on (see above), in this order.
    if (cols.subItem >= 0 && subCells[0] !== undefined) for (let c = cols.subItem; c < width; c++) taskCells[c] = subCells[0][c];
    const cells: Record<number, string> = taskCells;
    const progress = text(cells, cols.progress);
    const { reading, source, progressStatus, columnStatus } = recordStatus(cells, progress, cols.status, statuses);
    // Written out, not spread from a shared object: a spread builds each of 100k records property by property on V8's slow path.
    return {
      row: firstRow,
      rows: rowSpan,
      gridRows: b.rows,
      section: sectionIndex,
      sectionPath,
      // Set for the whole table at once, in assignOfficials.
      official: null,
      officialSource: null,
      number: b.number,
      deadlineText,
      // Read once the whole sheet is (the year may stand in a title line below the header).
      deadline: null,
      task: text(cells, cols.task),
      plan: text(cells, cols.plan),
      units: unitNames(text(cells, cols.units), dir),
      coUnits: unitNames(text(cells, cols.coUnits), dir),
      persons: personNames(text(cells, cols.persons)),
      status: reading.status,
      statusRaw: reading.raw,
      statusSource: source,
      progressStatus,
      columnStatus,
      progress,
      cells,
    };
  }

  const subItems: SubItem[] = [];
  let lastOwnProgress = '';
  b.subs.forEach((sub, i) => {
    const cells = subCells[i];
    let progress = text(cells, cols.progress);
    // A progress cell shared by several sub-items (a vertical merge that was filled down) belongs to the first.
    const previous = subItems[subItems.length - 1];
    if (previous && progress !== '' && progress === lastOwnProgress) progress = '';
    else if (progress !== '') lastOwnProgress = progress;
    if (cols.progress >= 0) cells[cols.progress] = progress;
    const { reading, source, progressStatus, columnStatus } = recordStatus(cells, progress, cols.status, statuses);
    const shared = reading.missing && previous !== undefined;
    const label = /^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[、.．]|[①-⑳])/.exec(text(cells, cols.subItem))?.[0].trim() ?? '';
    const subRows = sub.rows.map((r) => view.sheetRow(r));
    subItems.push({
      row: subRows[0] ?? firstRow,
      rows: subRows.length > 0 ? subRows[subRows.length - 1] - subRows[0] + 1 : 0,
      label,
      text: text(cells, cols.subItem),
      units: unitNames(text(cells, cols.units), dir),
      persons: personNames(text(cells, cols.persons)),
      status: shared ? previous.status : reading.status,
      statusShared: shared,
      statusRaw: shared ? previous.statusRaw : reading.raw,
      statusSource: shared ? previous.statusSource : source,
      progressStatus,
      columnStatus,
      progress,
      cells,
    });
  });
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  const leastAdvanced = subItems.reduce<SubItem | null>((worst, s) => {
    if (worst === null) return s;
    const a = s.status === null ? -1 : (rank.get(s.status) ?? -1);
    const w = worst.status === null ? -1 : (rank.get(worst.status) ?? -1);
    return a < w ? s : worst;
  }, null);
  const coUnits = unique(subCells.map((cells) => unitNames(text(cells, cols.coUnits), dir)));
  return {
    row: firstRow,
    rows: rowSpan,
    gridRows: b.rows,
    section: sectionIndex,
    sectionPath,
    official: null,
    officialSource: null,
    number: b.number,
    deadlineText,
    deadline: null,
    task: text(taskCells, cols.task),
    plan: recordCell(cols, taskCells, subCells[0], cols.plan),
    units: unique(subItems.map((s) => s.units)),
    coUnits: cols.coUnits >= 0 && cols.coUnits < (cols.subItem >= 0 ? cols.subItem : Infinity) ? unitNames(text(taskCells, cols.coUnits), dir) : coUnits,
    persons: unique(subItems.map((s) => s.persons)),
    status: leastAdvanced?.status ?? null,
    statusRaw: leastAdvanced?.statusRaw ?? '',
    statusSource: leastAdvanced?.statusSource ?? 'progress',
    progressStatus: leastAdvanced?.progressStatus ?? null,
    columnStatus: leastAdvanced?.columnStatus ?? null,
    progress: subItems
      .map((s) => s.progress)
      .filter((p) => p !== '')
      .join('\n'),
    cells: { ...taskCells, ...subCells[0] },
    subItems,
  };
}
