/**
 * Every table the in-memory WPS holds reads back whole through the WPS host: the values a user sees and every merged
 * area (clipped to the selection), whatever the merges' shapes — property-based, so the MergeCells/MergeArea search
 * is tried on layouts nobody wrote by hand; values come in one Value2 call and only empty cells are asked about merges.
 */
import fc from 'fast-check';
import type { CellValue, Grid, MergedArea } from '../../src/core/types';
import { createWpsHost } from '../../src/wps';
import { createFakeApplication, wpsBookFromGrid } from '../support/fakeWps';
import { gridAddress } from '../host-contract/contract';

const SHEET = '表';

/** Non-overlapping merged areas placed greedily from random candidates. */
function placeMerges(rows: number, columns: number, candidates: MergedArea[]): MergedArea[] {
  const taken = new Set<string>();
  const placed: MergedArea[] = [];
  for (const m of candidates) {
    if (m.row + m.rowCount > rows || m.column + m.columnCount > columns || m.rowCount * m.columnCount < 2) continue;
    const cells: string[] = [];
    for (let r = m.row; r < m.row + m.rowCount; r += 1) for (let c = m.column; c < m.column + m.columnCount; c += 1) cells.push(`${r},${c}`);
    if (cells.some((cell) => taken.has(cell))) continue;
    cells.forEach((cell) => taken.add(cell));
    placed.push(m);
  }
  return placed;
}

const layout = fc
  .record({
    rows: fc.integer({ min: 1, max: 40 }),
    columns: fc.integer({ min: 1, max: 8 }),
    top: fc.integer({ min: 1, max: 4 }),
    left: fc.integer({ min: 1, max: 3 }),
    fill: fc.array(fc.oneof(fc.constant(null), fc.constant('文字'), fc.integer({ min: 0, max: 999 }), fc.constant('=不是公式')), { minLength: 320, maxLength: 320 }),
    merges: fc.array(
      fc.record({ row: fc.nat(39), column: fc.nat(7), rowCount: fc.integer({ min: 1, max: 8 }), columnCount: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 30 },
    ),
  })
  .map(({ rows, columns, top, left, fill, merges }): Grid => {
    const values: CellValue[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => fill[(r * columns + c) % fill.length] ?? null));
    // The first cell holds something, so the sheet is never empty.
    values[0]![0] = '表头';
    const placed = placeMerges(rows, columns, merges);
    // A merged area keeps the upper-left value only, as the spreadsheet does.
    for (const m of placed) for (let r = m.row; r < m.row + m.rowCount; r += 1) for (let c = m.column; c < m.column + m.columnCount; c += 1) if (r !== m.row || c !== m.column) values[r]![c] = null;
    // The table reaches its last row and column (a merged area counts), so the used range is the whole grid.
    const merged = (r: number, c: number): boolean => placed.some((m) => r >= m.row && r < m.row + m.rowCount && c >= m.column && c < m.column + m.columnCount);
    for (const [r, c] of [
      [0, columns - 1],
      [rows - 1, 0],
    ] as const) {
      if (values[r]![c] === null && !merged(r, c)) values[r]![c] = '尾';
    }
    return { values, merges: placed, origin: { row: top, column: left }, sheet: SHEET };
  });

const key = (m: MergedArea): string => `${m.row},${m.column},${m.rowCount},${m.columnCount}`;

test('values and merged areas read back exactly; values in one call, MergeArea asked only of empty cells', async () => {
  await fc.assert(
    fc.asyncProperty(layout, async (grid) => {
      const book = wpsBookFromGrid(grid, { sheet: SHEET });
      book.select(SHEET, gridAddress(grid));
      const source = await createWpsHost(createFakeApplication(book)).readSelection();
      expect(source.grid.values).toEqual(grid.values);
      expect(source.grid.merges.map(key).sort()).toEqual(grid.merges.map(key).sort());
      const empty = grid.values.flat().filter((value) => value === null).length;
      expect(book.callsTo('Range.MergeArea')).toBeLessThanOrEqual(empty);
      expect(book.calls.get('Range.Value2.get')).toBe(1);
    }),
    { numRuns: 200 },
  );
});

test('a selection cutting through merged areas gets them clipped to it', async () => {
  await fc.assert(
    fc.asyncProperty(layout, fc.nat(), fc.nat(), async (grid, a, b) => {
      const rows = grid.values.length;
      const columns = grid.values[0]!.length;
      if (rows * columns < 2) return;
      const top = a % rows;
      const height = 1 + (b % (rows - top));
      const book = wpsBookFromGrid(grid, { sheet: SHEET });
      const first = `${String.fromCharCode(64 + grid.origin.column)}${grid.origin.row + top}`;
      const last = `${String.fromCharCode(64 + grid.origin.column + columns - 1)}${grid.origin.row + top + height - 1}`;
      book.sheet(SHEET).selected = { row: grid.origin.row - 1 + top, column: grid.origin.column - 1, rowCount: height, columnCount: columns };
      if (height * columns === 1) return; // one cell reads the used range instead
      const source = await createWpsHost(createFakeApplication(book)).readSelection().catch(() => null);
      if (!source) return; // an empty slice is refused, rightly
      expect(source.address).toBe(`${first}:${last}`);
      const expected = grid.merges
        .map((m) => {
          const r0 = Math.max(m.row, top);
          const r1 = Math.min(m.row + m.rowCount, top + height);
          return { row: r0 - top, column: m.column, rowCount: r1 - r0, columnCount: m.columnCount };
        })
        .filter((m) => m.rowCount > 0 && m.rowCount * m.columnCount > 1);
      expect(source.grid.merges.map(key).sort()).toEqual(expected.map(key).sort());
    }),
    { numRuns: 150 },
  );
});
