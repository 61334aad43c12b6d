/**
 * Streaming XML for the large parts (sheets, shared strings, SpreadsheetML 2003): saxes with namespaces, strict, and
 * a DOCTYPE refused the moment it is seen, before any entity could matter.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { doctypeRefused, xmlDamaged } from './text';
import { CHART_NS, CONTENT_TYPES_NS, DRAWING_NS, OFFICE_REL_NS, PACKAGE_REL_NS, SPREADSHEET_DRAWING_NS, SPREADSHEET_NS, SPREADSHEETML_2003_NS } from './namespaces';

export type Tag = SaxesTagNS;

export interface SaxHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  text(text: string): void;
}

export interface SaxStream {
  /** Feed the next bytes of the part. */
  write(bytes: Uint8Array): void;
  end(): void;
}

function createParser(part: string, handlers: SaxHandlers): SaxesParser<{ xmlns: true }> {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('doctype', () => {
    throw doctypeRefused();
  });
  parser.on('opentag', (tag) => handlers.open(tag));
  parser.on('closetag', (tag) => handlers.close(tag));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', () => {
    throw xmlDamaged(part);
  });
  return parser;
}

function guarded(part: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (error instanceof Error && error.name === 'FileError') throw error;
    throw xmlDamaged(part);
  }
}

/** A parser fed with bytes as they are inflated; UTF-8 or, with its byte-order mark, UTF-16. */
export function saxStream(part: string, handlers: SaxHandlers): SaxStream {
  return bytesInto(part, createParser(part, handlers));
}

function bytesInto(part: string, parser: { write(text: string): unknown; close(): unknown }): SaxStream {
  let decoder: TextDecoder | undefined;
  return {
    write(bytes) {
      if (!decoder) {
        const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
        decoder = new TextDecoder(label);
      }
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') guarded(part, () => parser.write(text));
    },
    end() {
      const rest = decoder?.decode() ?? '';
      guarded(part, () => {
        if (rest !== '') parser.write(rest);
        parser.close();
      });
    },
  };
}

/**
 * Handlers of the element stream: the element's local name and namespace URI (resolved from the prefixes in force),
 * and its attributes by qualified name. A known namespace arrives as the very string constant of ./namespaces, so
 * `ns === SPREADSHEET_NS[0]` is a pointer comparison on the hot path.
 */
export interface ElementHandlers {
  open(local: string, ns: string, attributes: Readonly<Record<string, string>>): void;
  close(local: string, ns: string): void;
  text(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const KNOWN_NS = new Map<string, string>(
  [...SPREADSHEET_NS, ...OFFICE_REL_NS, PACKAGE_REL_NS, CONTENT_TYPES_NS, SPREADSHEETML_2003_NS, DRAWING_NS, SPREADSHEET_DRAWING_NS, CHART_NS, XML_NS].map((ns) => [ns, ns]),
);

/**
 * A large part (a 100k-row sheet: half a million elements), bytes in, elements out. saxes checks well-formedness
 * without its namespace mode, whose per-attribute objects and lookups cost a third of a sheet's parse; the prefixes are
 * resolved here instead, with a scope pushed only by an element that declares one (in practice the root), and an
 * element whose prefix is not declared is refused as damaged, as the namespace mode would.
 */
export function saxElements(part: string, handlers: ElementHandlers): SaxStream {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let scope = new Map<string, string>([['xml', XML_NS]]);
  const saved: Array<{ depth: number; scope: Map<string, string> }> = [];
  let depth = 0;
  let local = '';
  let ns = '';
  const resolve = (name: string): void => {
    const colon = name.indexOf(':');
    if (colon < 0) {
      local = name;
      ns = scope.get('') ?? '';
      return;
    }
    const uri = scope.get(name.slice(0, colon));
    if (uri === undefined || uri === '') throw xmlDamaged(part);
    local = name.slice(colon + 1);
    ns = uri;
  };
  parser.on('doctype', () => {
    throw doctypeRefused();
  });
  // Declarations arrive as attribute events before their element's opentag: far cheaper than enumerating every
  // element's attributes (saxes keeps them in a dictionary object, slow to iterate).
  const declared: Array<{ name: string; value: string }> = [];
  parser.on('attribute', (attribute) => {
    const name = attribute.name;
    // xmlns="…" or xmlns:p="…" (char codes 120 'x', 58 ':').
    if (name.charCodeAt(0) === 120 && name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) declared.push(attribute);
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (declared.length > 0) {
      saved.push({ depth, scope });
      scope = new Map(scope);
      for (const { name, value } of declared) scope.set(name.length === 5 ? '' : name.slice(6), KNOWN_NS.get(value) ?? value);
      declared.length = 0;
    }
    resolve(tag.name);
    handlers.open(local, ns, tag.attributes);
  });
  parser.on('closetag', (tag) => {
    resolve(tag.name);
    handlers.close(local, ns);
    if (saved.length > 0 && saved[saved.length - 1].depth === depth) scope = (saved.pop() as { scope: Map<string, string> }).scope;
    depth -= 1;
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', () => {
    throw xmlDamaged(part);
  });
  return bytesInto(part, parser);
}

/** Where tags end in the text, as the parser reports them (offsets in UTF-16 code units, just past the '>'). */
export interface SaxPositions {
  opentagstart?(position: number, name: string): void;
  opentag?(position: number): void;
  closetag?(position: number, name: string): void;
}

/** Parse a whole text at once. */
export function saxText(part: string, text: string, handlers: SaxHandlers, positions?: SaxPositions): void {
  const parser = createParser(part, handlers);
  if (positions) {
    parser.on('opentagstart', (tag) => positions.opentagstart?.(parser.position, tag.name));
    // Registered after the handlers above, so the position callbacks run after them for the same event.
    parser.on('opentag', (tag) => {
      handlers.open(tag);
      positions.opentag?.(parser.position);
    });
    parser.on('closetag', (tag) => {
      handlers.close(tag);
      positions.closetag?.(parser.position, tag.name);
    });
  }
  guarded(part, () => {
    parser.write(text);
    parser.close();
  });
}

export function attr(tag: Tag, name: string): string | undefined {
  return tag.attributes[name]?.value;
}
