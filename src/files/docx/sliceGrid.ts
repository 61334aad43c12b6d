/** `--range A1:F900` on a Word document's grid: the same cells a sheet range would give, merges clipped to it. */
import { parseRangeA1 } from '../../core/grid/address';
import type { Grid, MergedArea } from '../../core/types';
import { fileError } from '../errors';

export function sliceGrid(grid: Grid, range: string): Grid {
  const box = parseRangeA1(range);
  if (!box) throw fileError('bad-range', `区域格式不正确：${range}（应为 A1:F900 这样的形式）`, `not a range: ${range} (write it as A1:F900)`);
  const top = Math.max(box.top, grid.origin.row) - grid.origin.row;
  const left = Math.max(box.left, grid.origin.column) - grid.origin.column;
  const bottom = Math.min(box.bottom - grid.origin.row, grid.values.length - 1);
  const right = box.right - grid.origin.column;
  const values = grid.values.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  const merges: MergedArea[] = [];
  for (const m of grid.merges) {
    const r0 = Math.max(m.row, top);
    const c0 = Math.max(m.column, left);
    const r1 = Math.min(m.row + m.rowCount - 1, bottom);
    const c1 = Math.min(m.column + m.columnCount - 1, right);
    // A merge cut by the range keeps its value only where its top-left cell is inside.
    if (r1 < r0 || c1 < c0 || m.row < top || m.column < left) continue;
    if (r1 > r0 || c1 > c0) merges.push({ row: r0 - top, column: c0 - left, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 });
  }
  return { ...grid, values, merges, origin: { row: grid.origin.row + top, column: grid.origin.column + left } };
}
