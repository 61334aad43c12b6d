/**
 * Request sizes. Excel refuses requests above ~5 MB (Excel on the web); writes are cut into chunks well under
 * 4 MB, estimated from the JSON of what is sent.
 */

/** Bytes a chunk of writes may take; the rest of the 4 MB is left for the request's own wrapping. */
export const CHUNK_BYTES = 2_500_000;
/** Rows per chunk even when they are small, so one request never carries an outsized command list. */
export const CHUNK_MAX_ROWS = 5000;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

export interface RowChunk {
  start: number;
  count: number;
}

/** Consecutive row ranges whose estimated payload (`rowBytes`) stays within `budget`. */
export function chunkRows(rowCount: number, rowBytes: (row: number) => number, budget = CHUNK_BYTES, maxRows = CHUNK_MAX_ROWS): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < rowCount; row += 1) {
    const size = rowBytes(row);
    const count = row - start;
    if (count > 0 && (bytes + size > budget || count >= maxRows)) {
      chunks.push({ start, count });
      start = row;
      bytes = 0;
    }
    bytes += size;
  }
  if (rowCount > start) chunks.push({ start, count: rowCount - start });
  return chunks;
}
