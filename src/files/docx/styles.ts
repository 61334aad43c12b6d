/** Paragraph styles: which are headings (outline level) and which carry automatic numbering (一、二、 headings). */
import { elementChildren, isW, wAttr, wChild } from './names';
import type { XElement } from './xml';

export interface NumberingRef {
  numId: string;
  level: number;
}

export interface ParagraphStyle {
  name: string;
  outlineLevel: number | null;
  numbering: NumberingRef | null;
}

export interface StyleSheet {
  byId(id: string): ParagraphStyle | null;
}

/** The numbering a w:pPr asks for; numId 0 switches numbering off (a NumberingRef with numId '0'). */
export function numberingOf(pPr: XElement | null): NumberingRef | null {
  const numPr = wChild(pPr, 'numPr');
  if (!numPr) return null;
  const numId = wAttr(wChild(numPr, 'numId'), 'val');
  if (numId === null) return null;
  const level = Number(wAttr(wChild(numPr, 'ilvl'), 'val') ?? '0');
  return { numId, level: Number.isInteger(level) && level >= 0 && level < 9 ? level : 0 };
}

interface RawStyle {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numbering: NumberingRef | null;
}

const HEADING_NAME = /^heading\s*(\d)$/i;

export function readStyles(styles: XElement | null): StyleSheet {
  const raw = new Map<string, RawStyle>();
  const root = styles;
  if (root) {
    for (const style of elementChildren(root)) {
      if (!isW(style, 'style')) continue;
      const id = wAttr(style, 'styleId');
      if (id === null) continue;
      const pPr = wChild(style, 'pPr');
      const level = wAttr(wChild(pPr, 'outlineLvl'), 'val');
      raw.set(id, {
        name: wAttr(wChild(style, 'name'), 'val') ?? id,
        basedOn: wAttr(wChild(style, 'basedOn'), 'val'),
        outlineLevel: level === null ? null : Number(level),
        numbering: numberingOf(pPr),
      });
    }
  }
  const resolved = new Map<string, ParagraphStyle | null>();
  const resolve = (id: string, depth: number): ParagraphStyle | null => {
    if (resolved.has(id)) return resolved.get(id) ?? null;
    const style = raw.get(id);
    if (!style) return null;
    // basedOn chains are short; a cycle or a runaway chain stops here.
    const parent = style.basedOn !== null && depth < 20 ? resolve(style.basedOn, depth + 1) : null;
    const heading = HEADING_NAME.exec(style.name);
    const out: ParagraphStyle = {
      name: style.name,
      outlineLevel: style.outlineLevel ?? (heading ? Number(heading[1]) - 1 : null) ?? parent?.outlineLevel ?? null,
      numbering: style.numbering ?? parent?.numbering ?? null,
    };
    resolved.set(id, out);
    return out;
  };
  return { byId: (id) => resolve(id, 0) };
}
