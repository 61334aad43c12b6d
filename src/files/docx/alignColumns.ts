/**
 * Tables of one document may sit on different column grids: a section whose tasks have no sub-items has no 子项
 * column, so Word (or LibreOffice on saving) keeps one column fewer there. Columns are matched by the header labels,
 * so 责任单位 stays under 责任单位 in the one grid the engine reads.
 */
import type { WordRow, WordTable } from './readBody';

interface HeaderCell {
  start: number;
  span: number;
  label: string;
}

function headerRow(table: WordTable): WordRow | null {
  return table.rows[0] ?? null;
}

function headerCells(row: WordRow): HeaderCell[] {
  return row.cells.map((cell) => ({ start: cell.column, span: cell.span, label: cell.text.replace(/\s+/g, '') }));
}

/**
 * For each column boundary of `table` (0..width), the boundary on the reference grid; null when the headers do not
 * say how the columns correspond.
 */
export function boundaryMap(table: WordTable, reference: WordTable): number[] | null {
  const own = headerRow(table);
  const ref = headerRow(reference);
  if (!own || !ref) return null;
  const a = headerCells(own);
  const b = headerCells(ref);
  if (a.length !== b.length || a.some((cell, i) => cell.label !== b[i].label) || a.every((cell) => cell.label === '')) return null;
  const map: Array<number | undefined> = new Array<number | undefined>(table.width + 1).fill(undefined);
  a.forEach((cell, i) => {
    for (let j = 0; j < cell.span; j++) map[cell.start + j] = b[i].start + Math.min(j, b[i].span - 1);
  });
  map[table.width] = reference.width;
  // Boundaries no header cell starts at (gridBefore) take the next known one.
  let next = reference.width;
  for (let k = table.width; k >= 0; k--) {
    if (map[k] === undefined) map[k] = next;
    else next = map[k] as number;
  }
  return map as number[];
}

/** The identity map of a table already on the reference grid. */
export function identityMap(width: number): number[] {
  return Array.from({ length: width + 1 }, (_, k) => k);
}
