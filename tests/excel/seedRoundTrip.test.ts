/**
 * The seed tables through the adapter and the engine: what is read equals what was pasted, and the repaired sheet,
 * read back, needs no further repair.
 */
import type { CellValue } from '../../src/core/types';
import { analyze, planToValues } from '../../src/core';
import { createOfficeHost } from '../../src/excel';
import { workbookFromGrid } from '../support/fakeExcel';
import { allFixtures } from '../fixtures/render';
import { useWorkbook } from './helpers';

const sameText = (value: CellValue): CellValue => (value === '' ? null : value);

describe.each(allFixtures().map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
  let uninstall: (() => void) | null = null;
  afterEach(() => uninstall?.());

  test('reads back as pasted and the repaired sheet is stable', async () => {
    const { grid } = fixture;
    const origin = grid.origin;
    const book = workbookFromGrid({ ...grid, sheet: '表1' }, { select: `${String.fromCharCode(64 + origin.column + 1)}${origin.row + 2}` });
    uninstall = useWorkbook(book);
    const host = createOfficeHost();
    const source = await host.readSelection();

    // Cells hidden under a merge read as empty, as in Excel; everything else is what was pasted.
    const hidden = (r: number, c: number): boolean => grid.merges.some((m) => r >= m.row && r < m.row + m.rowCount && c >= m.column && c < m.column + m.columnCount && !(r === m.row && c === m.column));
    const top = source.grid.origin.row - origin.row;
    const left = source.grid.origin.column - origin.column;
    source.grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const pasted = hidden(r + top, c + left) ? null : sameText(grid.values[r + top]?.[c + left] ?? null);
        expect([r, c, value]).toEqual([r, c, pasted]);
      }),
    );

    const first = analyze(source.grid);
    const { sheet } = await host.applyPlan(source, first.plan, { mode: 'new-sheet', lang: 'zh-CN' });
    book.select(sheet, 'A1');
    const repaired = await host.readSelection();
    const second = analyze(repaired.grid);
    expect(planToValues(second.plan)).toEqual(planToValues(first.plan));
    expect(second.plan.changes).toEqual([]);
  });
});
