/**
 * A 10,000-row table: reading and applying take a constant number of syncs plus one per block or chunk,
 * and no request comes near Excel's payload limit.
 */
import type { Progress } from '../../src/excel';
import { createOfficeHost } from '../../src/excel';
import { FakeWorkbook, workbookFromGrid } from '../support/fakeExcel';
import { handPlan, maxOf, reportGrid, useWorkbook } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;
// Long progress text, as in real reports: ~10k rows of it is several megabytes, more than one request may carry.
const PROGRESS = '按进度完成。\n' + '已完成项目前期手续办理，正在推进施工招标和资金拨付工作，'.repeat(6);

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

interface Counts {
  syncs: number;
  blocks: number;
  chunks: number;
}

/** Reads the whole table and applies a plan with every row; counts syncs, blocks read and chunks written. */
async function readAndApply(records: number): Promise<{ read: Counts; apply: Counts; book: FakeWorkbook; rows: number }> {
  const grid = reportGrid(records, { progressText: PROGRESS });
  const book = workbookFromGrid(grid);
  uninstall?.();
  uninstall = useWorkbook(book);
  const host = createOfficeHost();

  const readEvents: Progress[] = [];
  const source = await host.readSelection((p) => readEvents.push(p));
  const read: Counts = { syncs: book.stats.syncs, blocks: readEvents.filter((p) => p.done > 0).length, chunks: 0 };
  expect(source.grid.values).toHaveLength(records + 2);

  book.resetStats();
  const values = source.grid.values.map((row) => row.map((value) => (value === null ? '' : String(value))));
  const applyEvents: Progress[] = [];
  await host.applyPlan(source, handPlan(values), { mode: 'new-sheet', lang: 'zh-CN' }, (p) => applyEvents.push(p));
  const apply: Counts = {
    syncs: book.stats.syncs,
    blocks: applyEvents.filter((p) => p.stage === 'verify' && p.done > 0).length,
    chunks: applyEvents.filter((p) => p.stage === 'write').length,
  };
  return { read, apply, book, rows: values.length };
}

describe('a 10,000-row table', () => {
  test('is read and written in blocks, one sync each on top of a constant, every request under 4 MB', async () => {
    const small = await readAndApply(30);
    const big = await readAndApply(10_000);

    expect(big.read.blocks).toBeGreaterThan(1);
    expect(big.apply.chunks).toBeGreaterThan(1);
    expect(big.read.syncs - big.read.blocks).toBe(small.read.syncs - small.read.blocks);
    expect(big.apply.syncs - big.apply.blocks - big.apply.chunks).toBe(small.apply.syncs - small.apply.blocks - small.apply.chunks);
    expect(small.read.syncs - small.read.blocks).toBeLessThanOrEqual(2);

    expect(maxOf(big.book.stats.requestBytes)).toBeLessThan(FOUR_MB);
    expect(big.book.stats.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(FOUR_MB); // so chunking mattered
    const out = big.book.sheet('进展表（整理）');
    expect(out.usedRect(true)).toEqual({ row: 0, column: 0, rowCount: big.rows, columnCount: 6 });
    expect(out.valuesOf('F10002')).toEqual([[PROGRESS]]);
  });
});
