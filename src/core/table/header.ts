import type { Config } from '../config/schema';
import type { Field, HeaderColumn, TableHeader } from '../types';
import type { GridView } from '../grid/gridView';
import { compactLabel } from '../text/lists';

type InputField = Exclude<Field, 'extra'>;

const compiledSynonyms = new WeakMap<Config, Array<{ field: InputField; synonym: string }>>();

function synonymsOf(config: Config): Array<{ field: InputField; synonym: string }> {
  let list = compiledSynonyms.get(config);
  if (!list) {
    list = [];
    for (const [field, synonyms] of Object.entries(config.headerSynonyms) as Array<[InputField, string[]]>) {
      for (const synonym of synonyms) list.push({ field, synonym: compactLabel(synonym) });
    }
    compiledSynonyms.set(config, list);
  }
  return list;
}

/**
 * Every field a header label may name, best first: exact synonyms (in config order), then the synonyms the label
 * starts with, longest first. 完成情况 is both a progress and a status word: the table decides (see mapColumns).
 */
export function fieldsForLabel(label: string, config: Config): readonly InputField[] {
  if (label === '' || label.length > 40) return NO_FIELDS;
  // Memoised per config: every short cell of every row is asked whether it is a header label (repeated headers).
  let cache = labelFields.get(config);
  if (!cache) {
    cache = new Map();
    labelFields.set(config, cache);
  }
  let fields = cache.get(label);
  if (!fields) {
    if (cache.size > 10_000) cache.clear();
    fields = fieldsForLabelUncached(label, config);
    cache.set(label, fields);
  }
  return fields;
}

const NO_FIELDS: readonly InputField[] = [];
const labelFields = new WeakMap<Config, Map<string, readonly InputField[]>>();

function fieldsForLabelUncached(label: string, config: Config): readonly InputField[] {
  const text = compactLabel(label);
  if (text === '') return [];
  const exact: InputField[] = [];
  const prefixed: Array<{ field: InputField; length: number }> = [];
  for (const { field, synonym } of synonymsOf(config)) {
    if (text === synonym) {
      if (!exact.includes(field)) exact.push(field);
    } else if (text.length <= synonym.length + 8 && text.startsWith(synonym)) prefixed.push({ field, length: synonym.length });
  }
  const byLength = prefixed.sort((a, b) => b.length - a.length).map((p) => p.field);
  return [...new Set([...exact, ...byLength])];
}

/** Match a header label to a field: an exact synonym first, then the longest synonym the label starts with. */
export function fieldForLabel(label: string, config: Config): InputField | null {
  return fieldsForLabel(label, config)[0] ?? null;
}

/** Fields a row names, counting a merged cell once. */
function fieldsInRow(view: GridView, row: number, config: Config): Set<InputField> {
  const found = new Set<InputField>();
  for (let c = 0; c < view.columnCount; c++) {
    const field = fieldForLabel(view.text(row, c), config);
    if (field) found.add(field);
  }
  return found;
}

/** A header names at least three columns, one of them the task or the progress. */
export function looksLikeHeader(view: GridView, row: number, config: Config): boolean {
  const fields = fieldsInRow(view, row, config);
  return fields.size >= 3 && (fields.has('task') || fields.has('progress'));
}

const SCAN_LIMIT = 300;

/** Find the header row (or two rows) near the top of the grid. */
export function findHeader(view: GridView, config: Config): TableHeader | null {
  const limit = Math.min(view.rowCount, SCAN_LIMIT);
  for (let r = 0; r < limit; r++) {
    if (!looksLikeHeader(view, r, config)) continue;
    const rows = [r];
    if (r + 1 < view.rowCount && isSecondHeaderRow(view, r, config)) rows.push(r + 1);
    return { rows, columns: mapColumns(view, rows, config) };
  }
  return null;
}

/** A second header row: the first row's cells are merged down into it, and what it says is a column label, not data. */
function isSecondHeaderRow(view: GridView, r: number, config: Config): boolean {
  const next = r + 1;
  let mergedDown = 0;
  let labels = 0;
  let other = 0;
  const distinct = new Set<string>();
  for (let c = 0; c < view.columnCount; c++) {
    const m = view.mergeAt(r, c);
    if (m && m.row === r && m.rowCount > 1) mergedDown++;
    const text = view.text(next, c).trim();
    if (text === '') continue;
    distinct.add(text);
    const above = view.mergeAt(r, c);
    const group = groupLabel(view, r, c);
    if (fieldForLabel(text, config) !== null || groupedFields(group, text, config).length > 0 || (above !== null && above.columnCount > 1 && text.length <= 8)) labels++;
    else other++;
  }
  // One text copied across the row is a heading merged across the table and filled ("分管领导：胡钛"), not labels.
  if (mergedDown === 0 && distinct.size < 2) return false;
  return labels > 0 && other === 0 && (mergedDown > 0 || labels >= 2);
}

/**
 * The group label above a column of the second header row: the merged cell over it, its own top cell, or — where a
 * converter dropped the merge and printed the group once — the nearest label to its left.
 */
function groupLabel(view: GridView, top: number, c: number, sub: number = top + 1): string {
  const merge = view.mergeAt(top, c);
  if (merge) return merge.columnCount > 1 ? view.text(merge.row, merge.column).trim() : '';
  const own = view.text(top, c).trim();
  // Filled across (a merge someone unmerged and filled): the same label in the neighbouring top cell.
  if (own !== '') {
    // A converter that dropped the merge prints the group once, over an empty top cell with a label below it.
    const overEmpty = view.text(top, c + 1).trim() === '' && !view.mergeAt(top, c + 1) && view.text(sub, c + 1).trim() !== '';
    return own === view.text(top, c - 1).trim() || own === view.text(top, c + 1).trim() || overEmpty ? own : '';
  }
  for (let k = c - 1; k >= 0 && k >= c - 3; k--) {
    if (view.mergeAt(top, k)) return '';
    const text = view.text(top, k).trim();
    if (text !== '') return text;
  }
  return '';
}

/** The field a group label and the label below it name together, only as an exact synonym (责任 + 单位 = 责任单位). */
function groupedFields(group: string, label: string, config: Config): InputField[] {
  if (group === '' || label === '' || group === label) return [];
  const whole = compactLabel(group + label);
  return synonymsOf(config).filter((s) => s.synonym === whole).map((s) => s.field);
}

function mapColumns(view: GridView, rows: number[], config: Config): HeaderColumn[] {
  const [top] = rows;
  const width = usedWidth(view);
  const labels = [];
  for (let c = 0; c < width; c++) {
    const topMerge = view.mergeAt(top, c);
    const topLabel = topMerge ? view.text(topMerge.row, topMerge.column) : view.text(top, c);
    const subLabel = rows.length > 1 && !view.isCovered(rows[1], c) ? view.text(rows[1], c) : '';
    const spanIndex = topMerge ? c - topMerge.column : 0;
    // A group cell over two labels ("责任" over 单位 | 人) names the column together with the label below it.
    const subFields = subLabel ? fieldsForLabel(subLabel, config) : [];
    const group = rows.length > 1 && subLabel.trim() !== '' ? groupLabel(view, top, c) : '';
    const combined = subFields.length === 0 ? groupedFields(group, subLabel.trim(), config) : [];
    labels.push({ topLabel, subLabel: combined.length > 0 ? group + subLabel.trim() : subLabel, spanIndex, subFields: combined.length > 0 ? combined : subFields, topFields: fieldsForLabel(topLabel, config), grouped: combined.length > 0 });
  }
  // Labels that can name one field only go first, so that an ambiguous one (完成情况) takes what is left.
  const chosen: Array<Field | null> = labels.map(() => null);
  const used = new Set<InputField>();
  for (const pass of [1, 2]) {
    labels.forEach((l, c) => {
      if (chosen[c] !== null) return;
      const list = l.subFields.length > 0 ? l.subFields : l.spanIndex === 0 ? l.topFields : [];
      if (list.length === 0 || (pass === 1 && list.length > 1)) return;
      const field = list.find((f) => !used.has(f));
      if (field) {
        chosen[c] = field;
        used.add(field);
      }
    });
  }
  const columns: HeaderColumn[] = [];
  labels.forEach((l, c) => {
    let field: Field = chosen[c] ?? 'extra';
    const topField = l.topFields[0] ?? null;
    // The column beside the task under one merged 工作任务 (or its filled-down copy) holds the sub-items.
    if (field === 'extra' && topField === 'task' && (l.spanIndex === 1 || columns[c - 1]?.field === 'task') && !used.has('subItem')) field = 'subItem';
    // A converter that drops merges leaves the sub-item column beside the task without a label.
    else if (field === 'extra' && l.topLabel.trim() === '' && l.subLabel.trim() === '' && columns[c - 1]?.field === 'task' && !used.has('subItem')) field = 'subItem';
    if (field !== 'extra') used.add(field);
    // Under a group cell the column's name is the two together (责任单位, 责任人): what the repaired sheet's one header row says.
    const label = l.grouped ? l.subLabel : [...new Set([l.spanIndex === 0 ? l.topLabel : '', l.subLabel].map((s) => s.trim()).filter((s) => s !== ''))].join('\n');
    columns.push({ column: c, label: label || (field === 'subItem' ? '子项' : ''), field });
  });
  return columns;
}

/** Columns up to the last one holding any text or merge: empty columns to the right are not part of the table. */
export function usedWidth(view: GridView): number {
  let width = 0;
  for (let r = 0; r < view.rowCount; r++) {
    for (let c = view.columnCount - 1; c >= width; c--) {
      const text = view.text(r, c);
      if (text !== '' && text.trim() !== '') {
        width = c + 1;
        break;
      }
    }
  }
  // Indexed: a long pasted table has a merged area for nearly every row, and this runs once, unoptimised (see GridView).
  for (let i = 0; i < view.merges.length; i++) width = Math.max(width, view.merges[i].column + view.merges[i].columnCount);
  return width;
}
