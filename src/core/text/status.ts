import type { Config } from '../config/schema';

export interface StatusReading {
  /** First line of 进展情况 as written, trimmed. */
  raw: string;
  /** The canonical vocabulary word, or null when missing or not recognised. */
  status: string | null;
  /** ▲ marks a lagging task in these tables. */
  marked: boolean;
  missing: boolean;
}

const MARKERS = /^[▲△★☆●◆■□\s\u3000]+/;
const TRAILING = /[。．.，,；;：:！!\s\u3000]+$/;

/** Index from every written form (canonical and synonyms, compacted) to its canonical word. */
export function statusIndex(config: Config): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of config.vocabulary) {
    for (const word of [entry.status, ...entry.synonyms]) index.set(word.replace(/[\s\u3000]+/g, ''), entry.status);
  }
  return index;
}

/** Read the status from the first line of 进展情况: strip ▲ and trailing 。, tolerate spaces. */
export function readStatus(progress: string, index: Map<string, string>): StatusReading {
  const firstLine = firstNonEmptyLine(progress);
  if (firstLine === '') return { raw: '', status: null, marked: false, missing: true };
  const marked = /^[\s\u3000]*[▲△]/.test(firstLine);
  const word = firstLine.replace(MARKERS, '').replace(TRAILING, '').replace(/[\s\u3000]+/g, '');
  const exact = index.get(word);
  if (exact !== undefined) return { raw: firstLine, status: exact, marked, missing: false };
  // "按进度完成。地区生产总值…" on one line: the status word ends at the first full stop or comma.
  const head = word.split(/[。，,；;：:]/)[0];
  const prefixed = index.get(head);
  if (prefixed !== undefined && head.length < word.length) return { raw: firstLine, status: prefixed, marked, missing: false };
  return { raw: firstLine, status: null, marked, missing: false };
}

/** The first line with text, trimmed, without splitting the whole (often long) progress text. */
function firstNonEmptyLine(text: string): string {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = (end < 0 ? text.slice(start) : text.slice(start, end)).trim();
    if (line !== '' || end < 0) return line;
    start = end + 1;
  }
  return '';
}
