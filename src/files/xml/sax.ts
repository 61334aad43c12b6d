/**
 * Streaming XML for the large parts (sheets, shared strings, SpreadsheetML 2003): saxes with namespaces, strict, and
 * a DOCTYPE refused the moment it is seen, before any entity could matter.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { doctypeRefused, xmlDamaged } from './text';

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
  const parser = createParser(part, handlers);
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

/** Parse a whole text at once. */
export function saxText(part: string, text: string, handlers: SaxHandlers): void {
  const parser = createParser(part, handlers);
  guarded(part, () => {
    parser.write(text);
    parser.close();
  });
}

export function attr(tag: Tag, name: string): string | undefined {
  return tag.attributes[name]?.value;
}
