/**
 * A fast digest of the values read (cyrb53-style, two 32-bit lanes), fed cell by cell so big tables read in
 * blocks never need one huge string. Used only to notice edits, not for security.
 */
import type { CellValue } from '../core/types';

export class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  private cells = 0;

  private feed(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  addRow(row: readonly CellValue[]): void {
    for (const value of row) {
      // The type tag keeps 1 and "1", or null and "", apart.
      const tag = value === null ? 'n' : typeof value === 'number' ? 'd' : typeof value === 'boolean' ? 'b' : 's';
      this.feed(`${tag}${value === null ? '' : String(value)}\u0001`);
      this.cells += 1;
    }
    this.feed('\u0002');
  }

  digest(rowCount: number, columnCount: number): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
    return `${rowCount}x${columnCount}:${this.cells}:${hex(h2)}${hex(h1)}`;
  }
}

export function fingerprintValues(values: readonly (readonly CellValue[])[], columnCount: number): string {
  const fp = new Fingerprint();
  for (const row of values) fp.addRow(row);
  return fp.digest(values.length, columnCount);
}
