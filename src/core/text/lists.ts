/** A list entry with the separator that followed it in the cell, so a cell can be rebuilt with its own punctuation. */
export interface ListPart {
  text: string;
  /** The separator after this part as written ('' for the last one). */
  separator: string;
}

const OPENERS = new Set('（(【[《“‘〔');
const CLOSERS = new Set('）)】]》”’〕');
const SEPARATORS = new Set(['\n', '、', '，', ',', '；', ';']);

/**
 * Split a unit or person cell into entries: on line breaks and 、，；, never inside brackets —
 * 各镇（街、区） is one unit.
 */
export function splitList(text: string): ListPart[] {
  const parts: ListPart[] = [];
  let depth = 0;
  let current = '';
  let gap = '';
  const flush = () => {
    if (current.trim() === '') {
      gap += current;
    } else {
      if (parts.length > 0) parts[parts.length - 1].separator = gap;
      parts.push({ text: current.trim(), separator: '' });
      gap = '';
    }
    current = '';
  };
  for (const ch of text) {
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch) && depth > 0) depth--;
    if (depth === 0 && SEPARATORS.has(ch)) {
      flush();
      gap += ch;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}

/** Rebuild a cell from parts, keeping each part's separator. */
export function joinList(parts: ListPart[]): string {
  return parts.map((p, i) => (i < parts.length - 1 ? p.text + (p.separator.trim() === '' && !p.separator.includes('\n') ? '\n' : p.separator) : p.text)).join('');
}

/** Whitespace padding inside a person's name ("陈  霞") carries no meaning; CJK names are written without it. */
export function compactName(name: string): string {
  const trimmed = name.trim();
  if (/^[\u4e00-\u9fff\s\u3000]+$/.test(trimmed)) return trimmed.replace(/[\s\u3000]+/g, '');
  return trimmed.replace(/[\s\u3000]+/g, ' ');
}

/** For comparing labels: no whitespace of any kind, full-width colons and spaces folded. */
export function compactLabel(text: string): string {
  if (!/[\s\u3000：]/.test(text)) return text;
  return text.replace(/[\s\u3000]+/g, '').replace(/：/g, ':');
}
