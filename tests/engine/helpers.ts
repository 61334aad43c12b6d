import { analyze, defaultConfig, type Analysis, type Grid, type TaskRecord } from '../../src/core';
import { columnsByField } from '../../src/core/table/readTable';

/** The text of a record's column by field, as the engine joined it. */
export function fieldText(analysis: Analysis, record: TaskRecord, field: 'units' | 'persons' | 'progress' | 'plan' | 'subItem'): string {
  const column = columnsByField(analysis.table.header)[field];
  return column >= 0 ? (record.cells[column] ?? '') : '';
}

/** The repaired sheet as a grid, as an adapter would write it (at A1, no merges). */
export function repairedGrid(analysis: Analysis): Grid {
  return { values: analysis.plan.rows.map((r) => r.values), merges: [], origin: { row: 1, column: 1 } };
}

export function run(grid: Grid): Analysis {
  return analyze(grid, { config: defaultConfig() });
}

/** Every non-whitespace character of a text, counted: "nothing lost" compares these multisets. */
export function charCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t) if (!/\s/.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Characters in `a` that `b` lacks (with multiplicity). */
export function missingChars(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [ch, n] of a) if ((b.get(ch) ?? 0) < n) out.push(`${ch}×${n - (b.get(ch) ?? 0)}`);
  return out;
}
