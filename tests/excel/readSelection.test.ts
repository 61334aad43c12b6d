/** Reading the selected table: the right range, values and merged areas in grid coordinates. */
import type { Grid } from '../../src/core/types';
import { createOfficeHost, HostError } from '../../src/excel';
import { FakeWorkbook, workbookFromGrid } from '../support/fakeExcel';
import { reportGrid, openWorkbook } from './helpers';

const sortMerges = (merges: Grid['merges']): Grid['merges'] => [...merges].sort((a, b) => a.row - b.row || a.column - b.column);

describe('readSelection', () => {
  test('a single selected cell reads the table around it, with its origin and merges', async () => {
    const grid = reportGrid(5, {
      origin: { row: 3, column: 2 },
      merges: [
        { row: 0, column: 0, rowCount: 1, columnCount: 6 },
        { row: 3, column: 3, rowCount: 2, columnCount: 1 },
      ],
    });
    openWorkbook(workbookFromGrid(grid, { select: 'D5' }));
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.sheet).toBe('进展表');
    expect(snapshot.address).toBe('B3:G9');
    expect(snapshot.grid.origin).toEqual({ row: 3, column: 2 });
    expect(snapshot.grid.values).toEqual(grid.values.map((row, r) => row.map((v, c) => (grid.merges.some((m) => m.row < r && r < m.row + m.rowCount && m.column === c) ? null : v))));
    expect(sortMerges(snapshot.grid.merges)).toEqual(sortMerges(grid.merges));
  });

  test('blank rows and a blank merged-over column inside the table do not cut it', async () => {
    const grid = reportGrid(6);
    grid.values.splice(4, 0, Array(6).fill(null), Array(6).fill(null)); // a page break left two empty rows
    for (const row of grid.values) row.splice(2, 0, null); // 工作任务 spans B:C, leaving C blank
    grid.merges = [{ row: 1, column: 1, rowCount: 1, columnCount: 2 }];
    openWorkbook(workbookFromGrid(grid, { select: 'D8' }));
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.address).toBe('A1:G10');
    expect(snapshot.grid.values[1]).toEqual(['序号', '工作任务', null, '节点计划', '责任单位', '责任人', '进展情况']);
  });

  test('selecting whole columns reads only the used rows', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(3)));
    book.select('进展表', 'A:F');
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.address).toBe('A1:F5');
    expect(snapshot.grid.values).toHaveLength(5);
  });

  test('a multi-cell selection is read as it is', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(6)));
    book.select('进展表', 'A2:C4');
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.address).toBe('A2:C4');
    expect(snapshot.grid.values[0]).toEqual(['序号', '工作任务', '节点计划']);
    expect(snapshot.grid.values[1]![0]).toBe(1);
  });

  test('numbers stay numbers, empty cells become null and dates read as the text a clerk sees', async () => {
    const book = openWorkbook(new FakeWorkbook());
    const sheet = book.addSheet('表1');
    sheet.enter(0, 0, '序号');
    sheet.enter(0, 1, '节点计划');
    sheet.enter(1, 0, 7);
    sheet.enter(1, 1, '2024/6/30');
    sheet.enter(2, 0, '8');
    book.select('表1', 'A1');
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.grid.values).toEqual([
      ['序号', '节点计划'],
      [7, '2024/6/30'],
      [8, null],
    ]);
  });

  test('merged areas that start in an earlier block are found once, whole; Excel widens a selection to the merges it cuts', async () => {
    const grid = reportGrid(30, {
      merges: [
        { row: 0, column: 0, rowCount: 1, columnCount: 6 },
        { row: 8, column: 1, rowCount: 6, columnCount: 1 }, // crosses the block boundary at grid row 10
        { row: 19, column: 5, rowCount: 3, columnCount: 1 }, // crosses the boundary at grid row 20
      ],
    });
    const book = openWorkbook(workbookFromGrid(grid));
    book.select('进展表', 'A11:F32'); // starts inside the area B9:B14: Excel selects A9:F32
    const progress: number[] = [];
    const snapshot = await createOfficeHost({ read: { blockRows: 5 } }).readSelection((p) => progress.push(p.done));
    expect(snapshot.address).toBe('A9:F32');
    expect(sortMerges(snapshot.grid.merges)).toEqual([
      { row: 0, column: 1, rowCount: 6, columnCount: 1 },
      { row: 11, column: 5, rowCount: 3, columnCount: 1 },
    ]);
    expect(progress).toEqual([0, 5, 10, 15, 20, 24]);
  });

  test('more than 512 merged areas in a block are still all read', async () => {
    const rows = 1200;
    const values = Array.from({ length: rows }, (_, r) => [`任务${r}`, null, `单位${r}`]);
    const merges = Array.from({ length: rows }, (_, r) => ({ row: r, column: 0, rowCount: 1, columnCount: 2 }));
    const book = openWorkbook(workbookFromGrid({ values, merges, origin: { row: 1, column: 1 }, sheet: '表1' }));
    book.select('表1', 'A1:C1200');
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.grid.merges).toHaveLength(rows);
    expect(new Set(snapshot.grid.merges.map((m) => m.row)).size).toBe(rows);
  });

  test('an empty selection is refused with a message in both languages', async () => {
    const book = openWorkbook(new FakeWorkbook());
    book.addSheet('空表');
    book.select('空表', 'C3');
    const error = await createOfficeHost().readSelection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('empty-selection');
    expect((error as HostError).messages['zh-CN']).toMatch(/没有内容/);
  });

  test('the fingerprint changes when a value changes and not otherwise', async () => {
    const book = openWorkbook(workbookFromGrid(reportGrid(4)));
    const host = createOfficeHost();
    const first = await host.readSelection();
    const again = await host.readSelection();
    expect(again.fingerprint).toBe(first.fingerprint);
    book.sheet('进展表').enter(3, 4, '李四');
    const edited = await host.readSelection();
    expect(edited.fingerprint).not.toBe(first.fingerprint);
  });

  test('hosts without getMergedAreasOrNullObject still read values', async () => {
    openWorkbook(workbookFromGrid(reportGrid(3), { apiVersion: '1.12' }));
    const snapshot = await createOfficeHost().readSelection();
    expect(snapshot.grid.values).toHaveLength(5);
    expect(snapshot.grid.merges).toEqual([]);
  });
});
