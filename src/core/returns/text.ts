/**
 * Task texts compared across tables. A unit retypes its tasks: it adds a full stop, drops the （牵头单位：…） note,
 * fixes a typo, renumbers. Edit distance over whole texts is slow and punishes reordered clauses; character
 * bigrams (Dice) survive small edits and clause swaps, and are cheap enough for 40 returns against 250 tasks.
 */

/** A lead note inside the task cell: （牵头单位：市委政法委） / （联系单位：市体育局）. */
const ROLE_NOTE = /[（(]\s*(?:牵头单位|联系单位|配合单位|责任单位)\s*[:：][^）)]*[）)]/g;
/** Leading numbering the unit may have typed into the task cell: "1." "（2）" "一、". */
const LEADING_NUMBER = /^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[、.．]|[一二三四五六七八九十]+\s*、)\s*/;
/** Everything that is not a letter or digit: spaces, punctuation of both widths, line breaks. */
const NOISE = /[\s\u3000\p{P}\p{S}]+/gu;

/** The text that identifies a task: notes, numbering, spaces and punctuation removed; full-width digits folded. */
export function normalizeTask(text: string): string {
  return text
    .replace(ROLE_NOTE, '')
    .replace(LEADING_NUMBER, '')
    .normalize('NFKC')
    .replace(NOISE, '')
    .toLowerCase();
}

/** Progress compared with last period's: the status line and spaces and punctuation do not count. */
export function normalizeProgress(body: string): string {
  return body.normalize('NFKC').replace(NOISE, '');
}

/** A text's character bigrams with counts, built once per task. */
export type Bigrams = Map<string, number>;

export function bigrams(normalized: string): Bigrams {
  const chars = [...normalized];
  const out: Bigrams = new Map();
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function size(b: Bigrams): number {
  let n = 0;
  for (const v of b.values()) n += v;
  return n;
}

/** A task text prepared for comparison. */
export interface TaskKey {
  normalized: string;
  grams: Bigrams;
  count: number;
}

export function taskKey(text: string): TaskKey {
  const normalized = normalizeTask(text);
  const grams = bigrams(normalized);
  return { normalized, grams, count: size(grams) };
}

/** Dice coefficient of two bigram multisets, 0..1; 1 for the same normalized text. */
export function similarity(a: TaskKey, b: TaskKey): number {
  if (a.normalized === b.normalized) return a.normalized === '' ? 0 : 1;
  if (a.count === 0 || b.count === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  let shared = 0;
  for (const [g, n] of small) {
    const m = large.get(g);
    if (m !== undefined) shared += Math.min(n, m);
  }
  return (2 * shared) / (a.count + b.count);
}

/** 序号 as compared: "5", "５", "5." and "（5）" are the same number; a sub-item label stays part of it. */
export function normalizeNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s.、．]+$/g, '').replace(/[\s]+/g, '');
}

/** One piece of a character diff: kept, removed from the master's text, or added by the return. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Longest texts diffed character by character; longer ones are shown as one replaced middle. */
const DIFF_LIMIT = 1500;

/**
 * A character diff (LCS over the middle after the common prefix and suffix are taken off): enough to show a clerk
 * what a unit changed in a task text, which is a word or a clause.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > DIFF_LIMIT * DIFF_LIMIT / 4 || midA.length > DIFF_LIMIT || midB.length > DIFF_LIMIT) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    // lcs[i][j]: LCS length of midA[i..] and midB[j..].
    const rows = midA.length + 1;
    const cols = midB.length + 1;
    const lcs = new Uint16Array(rows * cols);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * cols + j] = midA[i] === midB[j] ? lcs[(i + 1) * cols + j + 1] + 1 : Math.max(lcs[(i + 1) * cols + j], lcs[i * cols + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]);
        i++;
        j++;
      } else if (lcs[(i + 1) * cols + j] >= lcs[i * cols + j + 1]) {
        push('removed', midA[i++]);
      } else {
        push('added', midB[j++]);
      }
    }
    push('removed', midA.slice(i).join(''));
    push('added', midB.slice(j).join(''));
  }
  push('same', a.slice(endA).join(''));
  return parts;
}

/** A diff as one line of text: [-removed-]{+added+}, the notation of `git diff --word-diff`. */
export function diffMarkup(parts: DiffPart[]): string {
  return parts.map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/** The reporting period in a title: 1-9月, 2018年1-9月, 第三季度, 上半年. */
export function periodOf(title: string | null): string | null {
  if (!title) return null;
  const match = /(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*[-—–~～至]\s*\d{1,2}\s*月(?:份)?|\d{1,2}\s*月(?:份)?|第?[一二三四1-4]\s*季度|上半年|下半年|全年|年度)/.exec(title);
  return match ? match[0].replace(/\s+/g, '') : null;
}
