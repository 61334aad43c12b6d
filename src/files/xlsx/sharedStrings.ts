import type { OpcPackage } from '../package';
import { inflateEntry } from '../zip/readZip';
import { saxElements } from '../xml/sax';
import { isSpreadsheetNs } from '../xml/namespaces';
import { cellString } from './cellText';

/** The shared strings, rich-text runs joined, phonetic guides (rPh) left out as Excel does not show them. */
export function readSharedStrings(pkg: OpcPackage, part: string | null): string[] {
  const strings: string[] = [];
  if (part === null) return strings;
  const entry = pkg.entry(part);
  if (!entry) return strings;
  // The entry's text so far (null outside an <si>): one string, not an array per entry of a 100k-entry table.
  let current: string | null = null;
  let inText = 0;
  let inPhonetic = 0;
  const stream = saxElements(part, {
    open(local, ns) {
      if (!isSpreadsheetNs(ns)) return;
      if (local === 'si') current = '';
      else if (local === 'rPh') inPhonetic += 1;
      else if (local === 't') inText += 1;
    },
    close(local, ns) {
      if (!isSpreadsheetNs(ns)) return;
      if (local === 'si') {
        strings.push(cellString(current ?? ''));
        current = null;
      } else if (local === 'rPh') inPhonetic -= 1;
      else if (local === 't') inText -= 1;
    },
    text(text) {
      if (current !== null && inText > 0 && inPhonetic === 0) current += text;
    },
  });
  inflateEntry(pkg.archive, entry, (chunk) => stream.write(chunk));
  stream.end();
  return strings;
}
