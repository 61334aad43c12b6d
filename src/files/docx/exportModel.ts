/**
 * What the document to hand in holds, as plain data (the docx writer only lays it out): title lines, the columns,
 * section rows and record rows whose cells say which paragraphs they hold and how they merge.
 * Built from the engine's analysis: the repaired values of the plan (wrapped unit names joined, names trimmed), the
 * table's sections and records (which rows are sub-items of one task), the summary's lagging tasks.
 */
import type { Config } from '../../core/config/schema';
import { defaultConfig } from '../../core/config/schema';
import { columnsByField } from '../../core/table/readTable';
import { compactName, splitList } from '../../core/text/lists';
import { parsePersons } from '../../core/text/units';
import type { Analysis, Field, ParsedTable, TaskRecord } from '../../core/types';
import { fileError } from '../errors';

export interface DocxExportOptions {
  /** Only the sections (and records) of this official, e.g. "胡钛". */
  official?: string | null;
  /** Only the lagging tasks (the ones the office marks ▲). */
  laggingOnly?: boolean;
  /** The document's title, instead of the table's own. */
  title?: string | null;
  /** A date line under the title, e.g. "（截至2018年9月30日）". */
  date?: string | null;
  /** The configuration the analysis ran with (status words, units); default: the built-in one. */
  config?: Config;
}

export type TitleRole = 'attachment' | 'title' | 'subtitle';

export interface ExportCell {
  paragraphs: string[];
  /** Grid columns it covers (default 1). */
  span?: number;
  /** Continues the cell above (vertical merge) or starts one. */
  vMerge?: 'restart' | 'continue';
  align?: 'center' | 'left';
}

export type ExportRow = { kind: 'section'; text: string } | { kind: 'record'; cells: ExportCell[]; lagging: boolean };

export interface ExportColumn {
  label: string;
  field: Field;
  /** Share of the table width (weights, any scale). */
  weight: number;
}

export interface ExportModel {
  titleLines: Array<{ text: string; role: TitleRole }>;
  columns: ExportColumn[];
  /** The header row: cells on the column grid (工作任务 spans its 子项 column). */
  header: ExportCell[];
  rows: ExportRow[];
  /** Records exported (tasks, not sub-items). */
  recordCount: number;
}

const WEIGHTS: Record<Field, number> = {
  number: 4,
  task: 18,
  subItem: 14,
  plan: 14,
  units: 12,
  persons: 8,
  progress: 32,
  remark: 8,
  official: 8,
  status: 8,
  extra: 10,
};

const COUNT_ONLY = /^[（(]\s*共\s*\d+\s*项\s*[)）]$/;
const ATTACHMENT = /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/;
const LAGGING_MARK = /^[\s\u3000]*[▲△]/;

function sameOfficial(a: string | null, b: string): boolean {
  return a !== null && compactName(a) === compactName(b);
}

/** Records and sections in table order, as the plan wrote them (the plan sorts both by sheet row). */
function tableItems(table: ParsedTable): Array<{ section?: ParsedTable['sections'][number]; record?: TaskRecord; row: number }> {
  return [...table.sections.map((s) => ({ row: s.row, section: s })), ...table.records.map((r) => ({ row: r.row, record: r }))].sort((a, b) => a.row - b.row);
}

/** One paragraph per unit / per person; other cells one paragraph per line. */
function paragraphsOf(text: string, field: Field): string[] {
  if (text.trim() === '') return [''];
  if (field === 'units') return splitList(text).map((p) => p.text);
  if (field === 'persons') return parsePersons(text).map((p) => p.text);
  return text.split('\n');
}

/** ▲ in front of the status line of a lagging task, as the office writes it, unless it is already there. */
function markLagging(paragraphs: string[]): string[] {
  const first = paragraphs.findIndex((p) => p.trim() !== '');
  if (first < 0 || LAGGING_MARK.test(paragraphs[first])) return paragraphs;
  return paragraphs.map((p, i) => (i === first ? `▲${p.trimStart()}` : p));
}

export function buildExportModel(analysis: Analysis, options: DocxExportOptions = {}): ExportModel {
  const config = options.config ?? defaultConfig();
  const { table, plan, summary } = analysis;
  const laggingWords = new Set(config.vocabulary.filter((v) => v.lagging).map((v) => v.status));
  const laggingRows = new Set(summary.lagging.map((t) => t.row));
  const cols = columnsByField(table.header);
  const headerColumns = table.header.columns;

  const official = options.official?.trim() || null;
  if (official !== null && !table.records.some((r) => sameOfficial(r.official, official))) {
    const known = [...new Set(table.records.map((r) => r.official).filter((o): o is string => o !== null))];
    throw fileError(
      'export-no-official',
      `表格中没有“${official}”分管的事项${known.length > 0 ? `（表中的分管领导：${known.join('、')}）` : '（表格没有按分管领导分部分）'}`,
      `no tasks of "${official}" in the table${known.length > 0 ? ` (officials in the table: ${known.join(', ')})` : ' (the table has no sections by official)'}`,
    );
  }

  // Only the table's own columns: the plan may add 分管领导 / 状态 columns for the spreadsheet, not for the document.
  const columns: ExportColumn[] = headerColumns.map((c, i) => ({ label: plan.columns[i] ?? c.label, field: c.field, weight: WEIGHTS[c.field] }));
  const positionOf = new Map(headerColumns.map((c, i) => [c.column, i]));
  const taskPosition = positionOf.get(cols.task) ?? -1;
  const subPosition = positionOf.get(cols.subItem) ?? -1;
  // A task without sub-items spans the 子项 column, as in Word.
  const subBesideTask = subPosition >= 0 && subPosition === taskPosition + 1;

  const header: ExportCell[] = [];
  columns.forEach((column, i) => {
    if (subBesideTask && i === subPosition) return;
    header.push({ paragraphs: [column.label], span: subBesideTask && i === taskPosition ? 2 : 1, align: 'center' });
  });

  const planRecords = plan.rows.filter((r) => r.kind === 'record');
  let planIndex = 0;
  const rows: ExportRow[] = [];
  let recordCount = 0;
  const filtered = official !== null || options.laggingOnly === true;
  let pendingSection: string | null = null;
  /** The section row being filled and how many records it got, to correct its 共N项 when filtered. */
  let openSection: { row: Extract<ExportRow, { kind: 'section' }>; count: number } | null = null;
  const closeSection = (): void => {
    if (openSection && filtered) openSection.row.text = openSection.row.text.replace(/[（(]\s*共\s*\d+\s*项\s*[)）]/, `（共${openSection.count}项）`);
    openSection = null;
  };

  for (const item of tableItems(table)) {
    if (item.section) {
      closeSection();
      // Unfiltered, every section is kept (even an empty one); filtered, only those with a record in the export.
      if (filtered) pendingSection = item.section.title;
      else {
        const row: ExportRow = { kind: 'section', text: item.section.title };
        rows.push(row);
        openSection = { row, count: 0 };
      }
      continue;
    }
    const record = item.record as TaskRecord;
    const parts = record.subItems && record.subItems.length > 0 ? record.subItems : [null];
    const values = planRecords.slice(planIndex, planIndex + parts.length).map((r) => r.values);
    planIndex += parts.length;
    if (values.length !== parts.length) throw new Error('export: the repair plan does not match the table');

    const partLagging = parts.map((sub, i) => (sub ? sub.status !== null && laggingWords.has(sub.status) : false) || (i === 0 && laggingRows.has(record.row)));
    const lagging = partLagging.some(Boolean) || (record.status !== null && laggingWords.has(record.status));
    if (official !== null && !sameOfficial(record.official, official)) continue;
    if (options.laggingOnly && !lagging) continue;

    if (pendingSection !== null) {
      const row: ExportRow = { kind: 'section', text: pendingSection };
      rows.push(row);
      openSection = { row, count: 0 };
      pendingSection = null;
    }
    recordCount++;
    if (openSection) openSection.count++;
    parts.forEach((sub, i) => {
      const cells: ExportCell[] = [];
      headerColumns.forEach((column, k) => {
        if (subBesideTask && k === subPosition && parts.length === 1 && !sub) return;
        const taskLevel = subPosition < 0 || k < subPosition;
        const text = values[i][column.column] ?? '';
        let paragraphs = paragraphsOf(text, column.field);
        if (column.field === 'progress' && partLagging[i]) paragraphs = markLagging(paragraphs);
        const cell: ExportCell = { paragraphs, align: column.field === 'number' ? 'center' : 'left' };
        if (subBesideTask && k === taskPosition && !sub) cell.span = 2;
        if (parts.length > 1 && taskLevel) cell.vMerge = i === 0 ? 'restart' : 'continue';
        // A progress cell shared by several sub-items was one merged cell in Word: merged again.
        if (column.field === 'progress' && sub && i > 0 && sub.statusShared && text.trim() === '') cell.vMerge = 'continue';
        if (column.field === 'progress' && parts.length > 1 && i === 0 && parts[1]?.statusShared) cell.vMerge = 'restart';
        if (cell.vMerge === 'continue') cell.paragraphs = [''];
        cells.push(cell);
      });
      rows.push({ kind: 'record', cells, lagging: partLagging[i] });
    });
  }

  closeSection();
  return { titleLines: titleLines(table, options, recordCount), columns, header, rows, recordCount };
}

function titleLines(table: ParsedTable, options: DocxExportOptions, count: number): ExportModel['titleLines'] {
  const filtered = !!options.official?.trim() || options.laggingOnly === true;
  const countText = options.laggingOnly ? `（未按进度完成事项，共${count}项）` : `（共${count}项）`;
  let counted = false;
  const out: ExportModel['titleLines'] = [];
  let titled = false;
  for (const line of table.titleLines) {
    const text = line.trim();
    if (text === '') continue;
    if (ATTACHMENT.test(text)) out.push({ text, role: 'attachment' });
    else if (!titled && (text === table.title || (table.title === null && !COUNT_ONLY.test(text)))) {
      out.push({ text: options.title?.trim() || text, role: 'title' });
      titled = true;
      if (options.date) out.push({ text: options.date.trim(), role: 'subtitle' });
    } else if (COUNT_ONLY.test(text)) {
      out.push({ text: filtered ? countText : text, role: 'subtitle' });
      counted = true;
    }
    else out.push({ text, role: 'subtitle' });
  }
  if (!titled && options.title?.trim()) {
    const at = out.findIndex((l) => l.role !== 'attachment');
    out.splice(at < 0 ? out.length : at, 0, { text: options.title.trim(), role: 'title' });
    if (options.date) out.splice(at < 0 ? out.length : at + 1, 0, { text: options.date.trim(), role: 'subtitle' });
    titled = true;
  }
  if (!titled && options.date) out.push({ text: options.date.trim(), role: 'subtitle' });
  if (options.laggingOnly && !counted) out.push({ text: countText, role: 'subtitle' });
  return out;
}
