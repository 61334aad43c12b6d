/**
 * The document body in reading order: paragraphs (their visible text) and tables (rows of cells on the table grid).
 * What a reader of the printed page sees is what we read: content controls (w:sdt) and inserted runs (w:ins) are
 * included — except a control still showing its placeholder (请选择, 单击此处输入文字), which is a prompt, not an answer — deleted runs (w:del, w:moveFrom), field instructions and drawings are not; a nested table is flattened
 * into the text of its cell.
 */
import { elementChildren, isOn, isW, textOf, wAttr, wChild } from './names';
import type { XElement } from './xml';
import type { NumberingState } from './numbering';
import type { StyleSheet } from './styles';

export interface WordParagraph {
  kind: 'paragraph';
  text: string;
  /** Outline level (0 = Heading 1) from the paragraph or its style; null for body text. */
  outlineLevel: number | null;
  /** Style name as the document names it (Heading 1, Title, Caption …), null when none. */
  style: string | null;
}

export interface WordCell {
  /** 0-based column on the table grid. */
  column: number;
  span: number;
  /** w:vMerge: 'restart' starts a vertical merge, 'continue' continues the cell above. */
  vMerge: 'restart' | 'continue' | null;
  /** Paragraphs of the cell, one per line. */
  text: string;
}

export interface WordRow {
  cells: WordCell[];
  /** w:tblHeader: Word repeats this row at the top of every page. */
  header: boolean;
  /** 1-based row of the w:tbl it came from (rows deleted with tracked changes are not counted). */
  index: number;
}

export interface WordTable {
  kind: 'table';
  rows: WordRow[];
  /** Grid columns: the larger of w:tblGrid and what the rows use. */
  width: number;
  /** Cells of this table held tables of their own (flattened into their cell's text). */
  nestedTables: number;
}

export type BodyBlock = WordParagraph | WordTable;

export interface BodyContext {
  styles: StyleSheet;
  numbering: NumberingState;
}

/** Containers whose children are read as if they stood in the container's place. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo']);

/**
 * A content control whose content is its placeholder text (w:showingPlcHdr, ECMA-376 Part 1, 17.5.2.39): Word shows
 * the prompt in grey and replaces it as soon as the user types or picks an item, and removes the flag then. An editor
 * that leaves the flag behind when an item is picked must not lose the answer: a drop-down or combo box whose content
 * is one of its own items holds a choice, whatever the flag says.
 */
function showsPlaceholder(sdt: XElement): boolean {
  const sdtPr = wChild(sdt, 'sdtPr');
  if (!isOn(wChild(sdtPr, 'showingPlcHdr'))) return false;
  const list = wChild(sdtPr, 'dropDownList') ?? wChild(sdtPr, 'comboBox');
  if (!list) return true;
  const shown = inlineText(wChild(sdt, 'sdtContent')).trim();
  return !elementChildren(list).some((item) => isW(item, 'listItem') && (wAttr(item, 'displayText') ?? wAttr(item, 'value'))?.trim() === shown);
}

/** The children of a block-level or row-level container, with content controls and custom XML opened. */
function contentChildren(node: XElement): XElement[] {
  const out: XElement[] = [];
  for (const child of elementChildren(node)) {
    if (isW(child, 'sdt')) {
      if (showsPlaceholder(child)) continue;
      const content = wChild(child, 'sdtContent');
      if (content) out.push(...contentChildren(content));
    }
    else if (isW(child, 'customXml') || isW(child, 'ins') || isW(child, 'moveTo')) out.push(...contentChildren(child));
    else out.push(child);
  }
  return out;
}

/** The visible text of a run. */
function runText(run: XElement): string {
  let text = '';
  for (const child of elementChildren(run)) {
    if (isW(child, 't')) text += textOf(child);
    else if (isW(child, 'tab') || isW(child, 'ptab')) text += '\t';
    else if (isW(child, 'br')) {
      // A page or column break ends no line of the cell; a text-wrapping break (the default) does.
      const type = wAttr(child, 'type');
      if (type === null || type === 'textWrapping') text += '\n';
    } else if (isW(child, 'cr')) text += '\n';
    else if (isW(child, 'noBreakHyphen')) text += '-';
    else if (isW(child, 'sym')) {
      // Insert ▸ Symbol: a Unicode character is kept; a symbol font's private-use code has no meaning outside that font.
      const code = parseInt(wAttr(child, 'char') ?? '', 16);
      if (Number.isFinite(code) && code > 0 && !(code >= 0xe000 && code <= 0xf8ff)) text += String.fromCodePoint(code);
    }
    else if (isW(child, 'ruby')) text += inlineText(wChild(child, 'rubyBase'));
  }
  return text;
}

/** Text of the inline content of a paragraph (runs, inserted runs, hyperlinks, content controls …). */
function inlineText(node: XElement | null): string {
  if (!node) return '';
  let text = '';
  for (const child of elementChildren(node)) {
    if (isW(child, 'r')) text += runText(child);
    else if (isW(child, 'sdt')) text += showsPlaceholder(child) ? '' : inlineText(wChild(child, 'sdtContent'));
    else if (TRANSPARENT.has(child.local) && isW(child, child.local)) text += inlineText(child);
    // w:del, w:moveFrom, w:pPr, bookmarks, proofing marks, mc:AlternateContent (drawings): nothing a clerk reads here.
  }
  return text;
}

function readParagraph(p: XElement, context: BodyContext): WordParagraph {
  const pPr = wChild(p, 'pPr');
  const styleId = wAttr(wChild(pPr, 'pStyle'), 'val');
  const style = styleId === null ? null : context.styles.byId(styleId);
  const ownLevel = wAttr(wChild(pPr, 'outlineLvl'), 'val');
  const level = ownLevel !== null ? Number(ownLevel) : (style?.outlineLevel ?? null);
  const label = context.numbering.label(pPr, style?.numbering ?? null);
  return {
    kind: 'paragraph',
    text: label + inlineText(p),
    // Level 9 is "body text" in Word's outline.
    outlineLevel: level !== null && Number.isFinite(level) && level < 9 ? level : null,
    style: style?.name ?? null,
  };
}

/** The lines of a cell: one per paragraph; a nested table's cells add their lines in reading order. */
function cellLines(tc: XElement, context: BodyContext, nested: { count: number }): string[] {
  const lines: string[] = [];
  for (const child of contentChildren(tc)) {
    if (isW(child, 'p')) lines.push(readParagraph(child, context).text);
    else if (isW(child, 'tbl')) {
      nested.count++;
      const inner = readTable(child, context);
      nested.count += inner.nestedTables;
      for (const row of inner.rows) for (const cell of row.cells) if (cell.vMerge !== 'continue') lines.push(...cell.text.split('\n'));
    }
  }
  // Word ends every cell with a paragraph: trailing empty ones are invisible.
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

function intAttr(element: XElement | null, fallback: number): number {
  const value = Number(wAttr(element, 'val'));
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function readTable(tbl: XElement, context: BodyContext): WordTable {
  const nested = { count: 0 };
  const rows: WordRow[] = [];
  let gridWidth = 0;
  const tblGrid = wChild(tbl, 'tblGrid');
  if (tblGrid) gridWidth = elementChildren(tblGrid).filter((c) => isW(c, 'gridCol')).length;
  let index = 0;
  let width = gridWidth;
  for (const tr of contentChildren(tbl)) {
    if (!isW(tr, 'tr')) continue;
    index++;
    const trPr = wChild(tr, 'trPr');
    // A row deleted with tracked changes on is not in the table the reader sees.
    if (wChild(trPr, 'del')) continue;
    let column = intAttr(wChild(trPr, 'gridBefore'), 0);
    const cells: WordCell[] = [];
    for (const tc of contentChildren(tr)) {
      if (!isW(tc, 'tc')) continue;
      const tcPr = wChild(tc, 'tcPr');
      const span = intAttr(wChild(tcPr, 'gridSpan'), 1);
      const vMergeXElement = wChild(tcPr, 'vMerge');
      const vMerge = vMergeXElement ? (wAttr(vMergeXElement, 'val') === 'restart' ? 'restart' : 'continue') : null;
      const text = cellLines(tc, context, nested).join('\n');
      const hMerge = wAttr(wChild(tcPr, 'hMerge'), 'val');
      if (wChild(tcPr, 'hMerge') && hMerge !== 'restart' && cells.length > 0) {
        // Legacy horizontal merge: this cell widens the one before it.
        const previous = cells[cells.length - 1];
        previous.span += span;
        if (text !== '') previous.text = previous.text === '' ? text : `${previous.text}\n${text}`;
      } else {
        cells.push({ column, span, vMerge, text });
      }
      column += span;
    }
    width = Math.max(width, column + intAttr(wChild(trPr, 'gridAfter'), 0));
    rows.push({ cells, header: isOn(wChild(trPr, 'tblHeader')), index });
  }
  return { kind: 'table', rows, width, nestedTables: nested.count };
}

/** The body's paragraphs and tables in document order. */
export function readBody(document: XElement, context: BodyContext): BodyBlock[] {
  const body = wChild(document, 'body');
  if (!body) return [];
  const blocks: BodyBlock[] = [];
  for (const child of contentChildren(body)) {
    if (isW(child, 'p')) blocks.push(readParagraph(child, context));
    else if (isW(child, 'tbl')) blocks.push(readTable(child, context));
  }
  return blocks;
}
