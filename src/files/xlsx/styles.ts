/**
 * The cell formats the written sheets use, appended to the workbook's styles part (nothing existing changes index):
 * plain, bold, percent, totals (bold under a thin rule), each wrapped and top-aligned, and each also unlocked for
 * protected sheets.
 */
import type { Document, Element } from '../xml/dom';
import { childElements, createLike, elementsNS } from '../xml/dom';
import { SPREADSHEET_NS } from '../xml/namespaces';

export type StyleKind = 'plain' | 'bold' | 'percent' | 'total' | 'totalPercent';

export interface CellStyles {
  /** Style index by kind, locked (the default) and unlocked (for ranges left editable on a protected sheet). */
  locked: Record<StyleKind, number>;
  unlocked: Record<StyleKind, number>;
}

const KINDS: StyleKind[] = ['plain', 'bold', 'percent', 'total', 'totalPercent'];
const PERCENT_FORMAT = 10; // built-in "0.00%"

function section(doc: Document, root: Element, name: string, before: string[]): Element {
  const found = elementsNS(doc, SPREADSHEET_NS, name)[0];
  if (found) return found;
  const el = createLike(root, name);
  const next = childElements(root).find((child) => before.includes(child.localName ?? ''));
  root.insertBefore(el, next ?? null);
  return el;
}

function append(parent: Element, child: Element): number {
  parent.appendChild(child);
  const count = childElements(parent).filter((el) => el.localName === child.localName).length;
  parent.setAttribute('count', String(count));
  return count - 1;
}

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Append the formats to the styles document; returns their indexes. */
export function appendCellStyles(doc: Document, wrap: boolean): CellStyles {
  const root = doc.documentElement as Element;
  const after = (name: string): string[] => ORDER.slice(ORDER.indexOf(name) + 1);
  const fonts = section(doc, root, 'fonts', after('fonts'));
  const borders = section(doc, root, 'borders', after('borders'));
  const cellXfs = section(doc, root, 'cellXfs', after('cellXfs'));

  if (childElements(fonts).length === 0) append(fonts, createLike(fonts, 'font'));
  const boldFont = childElements(fonts)[0].cloneNode(true) as Element;
  for (const b of childElements(boldFont).filter((el) => el.localName === 'b')) boldFont.removeChild(b);
  boldFont.insertBefore(createLike(boldFont, 'b'), boldFont.firstChild);
  const boldId = append(fonts, boldFont);

  if (childElements(borders).length === 0) {
    const none = createLike(borders, 'border');
    for (const side of ['left', 'right', 'top', 'bottom', 'diagonal']) none.appendChild(createLike(none, side));
    append(borders, none);
  }
  const rule = createLike(borders, 'border');
  for (const side of ['left', 'right', 'top', 'bottom', 'diagonal']) {
    const el = createLike(rule, side);
    if (side === 'top') {
      el.setAttribute('style', 'thin');
      const color = createLike(el, 'color');
      color.setAttribute('auto', '1');
      el.appendChild(color);
    }
    rule.appendChild(el);
  }
  const ruleId = append(borders, rule);

  const xf = (kind: StyleKind, locked: boolean): number => {
    const el = createLike(cellXfs, 'xf');
    const bold = kind !== 'plain' && kind !== 'percent';
    const percent = kind === 'percent' || kind === 'totalPercent';
    const total = kind === 'total' || kind === 'totalPercent';
    el.setAttribute('numFmtId', String(percent ? PERCENT_FORMAT : 0));
    el.setAttribute('fontId', String(bold ? boldId : 0));
    el.setAttribute('fillId', '0');
    el.setAttribute('borderId', String(total ? ruleId : 0));
    el.setAttribute('xfId', '0');
    if (percent) el.setAttribute('applyNumberFormat', '1');
    if (bold) el.setAttribute('applyFont', '1');
    if (total) el.setAttribute('applyBorder', '1');
    el.setAttribute('applyAlignment', '1');
    const alignment = createLike(el, 'alignment');
    alignment.setAttribute('vertical', 'top');
    if (wrap) alignment.setAttribute('wrapText', '1');
    el.appendChild(alignment);
    if (!locked) {
      el.setAttribute('applyProtection', '1');
      const protection = createLike(el, 'protection');
      protection.setAttribute('locked', '0');
      el.appendChild(protection);
    }
    return append(cellXfs, el);
  };
  const lockedStyles = {} as Record<StyleKind, number>;
  const unlockedStyles = {} as Record<StyleKind, number>;
  for (const kind of KINDS) lockedStyles[kind] = xf(kind, true);
  for (const kind of KINDS) unlockedStyles[kind] = xf(kind, false);
  return { locked: lockedStyles, unlocked: unlockedStyles };
}

/** A styles part for a package that has none. */
export function minimalStylesXml(ns: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${ns}">` +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
