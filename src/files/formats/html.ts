/**
 * HTML tables: the other thing report systems export under an .xls name. Parsed with @xmldom/xmldom's HTML mode (void
 * elements, unquoted attributes, named entities); each outermost <table> becomes a sheet, laid out with rowspan and
 * colspan as a browser lays it out.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element, Node } from '@xmldom/xmldom';
import { fileError } from '../errors';
import { GridBuilder } from '../grid/gridBuilder';
import type { ReadSheetResult, SheetInfo } from '../types';

const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function lower(el: Element): string {
  return (el.localName ?? el.nodeName).toLowerCase();
}

/** The text a browser shows: runs of white space collapsed, <br> and block ends as line breaks. */
function cellText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    for (let child = n.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) parts.push((child.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      else if (child.nodeType === 1) {
        const name = lower(child as Element);
        if (name === 'br') parts.push('\n');
        else if (name === 'script' || name === 'style') continue;
        else {
          walk(child);
          if (BLOCKS.has(name)) parts.push('\n');
        }
      }
    }
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Rows of a table, not of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Node): void => {
    for (let child = n.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const name = lower(child as Element);
      if (name === 'tr') rows.push(child as Element);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}

function outerTables(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    for (let child = n.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      if (lower(child as Element) === 'table') out.push(child as Element);
      else walk(child);
    }
  };
  walk(root);
  return out;
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function readTable(table: Element, name: string, range?: string): ReadSheetResult {
  const builder = new GridBuilder(range);
  // Columns taken in each row by a rowspan from above.
  const taken: Array<Set<number>> = [];
  tableRows(table).forEach((tr, r) => {
    const row = r + 1;
    const used = (taken[r] ??= new Set<number>());
    let column = 1;
    for (let child = tr.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const cell = child as Element;
      const tag = lower(cell);
      if (tag !== 'td' && tag !== 'th') continue;
      while (used.has(column)) column += 1;
      const rows = span(cell, 'rowspan');
      const columns = span(cell, 'colspan');
      builder.set(row, column, cellText(cell));
      for (let dr = 0; dr < rows; dr += 1) {
        const set = (taken[r + dr] ??= new Set<number>());
        for (let dc = 0; dc < columns; dc += 1) set.add(column + dc);
      }
      if (rows > 1 || columns > 1) builder.merge({ top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 });
      column += columns;
    }
  });
  return builder.build(name);
}

export function looksLikeHtml(head: string): boolean {
  const text = head.slice(0, 4096).toLowerCase();
  return text.includes('<table') || text.includes('<html') || text.includes('<!doctype html');
}

export function openHtml(text: string): { sheets: SheetInfo[]; readSheet(name: string, options?: { range?: string }): ReadSheetResult } {
  let failed = false;
  const parser = new DOMParser({
    onError: (level) => {
      if (level === 'fatalError') failed = true;
    },
  });
  let tables: Element[] = [];
  try {
    const doc = parser.parseFromString(text, 'text/html');
    tables = failed ? [] : outerTables(doc);
  } catch {
    failed = true;
  }
  if (failed) {
    throw fileError(
      'html-damaged',
      '这是网页（HTML）格式的表格，但标记不完整，无法读取：请在 Excel 中打开后另存为 .xlsx',
      'this is an HTML table whose markup is incomplete: open it in Excel and save it as .xlsx',
    );
  }
  const withRows = tables.filter((table) => tableRows(table).length > 0);
  if (withRows.length === 0) throw fileError('no-sheets', '网页文件中没有表格', 'the HTML file holds no table');
  const names = withRows.map((_, i) => `表${i + 1}`);
  return {
    sheets: names.map((name) => ({ name, hidden: false })),
    readSheet(name, options) {
      const i = names.indexOf(name);
      if (i < 0) throw fileError('sheet-missing', `没有表格“${name}”`, `no table "${name}"`);
      return readTable(withRows[i], name, options?.range);
    },
  };
}
