/** Small builders for the adapter tests: grids, hand-made plans and summaries, and the fake Office install. */
import type { CellValue, Grid, MergedArea, OutputRowKind, RepairPlan, Summary } from '../../src/core/types';
import { FakeWorkbook, installFakeOffice } from '../support/fakeExcel';

export const HEADER = ['序号', '工作任务', '节点计划', '责任单位', '责任人', '进展情况'];

/** A report table: a title line, the header, then `records` rows of plausible content. */
export function reportGrid(records: number, options: { origin?: { row: number; column: number }; merges?: MergedArea[]; progressText?: string } = {}): Grid {
  const values: CellValue[][] = [['重点任务进展情况表', null, null, null, null, null], [...HEADER]];
  for (let i = 1; i <= records; i += 1) {
    values.push([
      i,
      `任务${i}：推进重点项目建设第${i}项`,
      '2024年6月底前完成',
      `单位${(i % 7) + 1}`,
      `张${i}`,
      options.progressText ?? `按进度完成。\n已完成第${i}阶段工作。`,
    ]);
  }
  return { values, merges: options.merges ?? [{ row: 0, column: 0, rowCount: 1, columnCount: 6 }], origin: options.origin ?? { row: 1, column: 1 }, sheet: '进展表' };
}

/** A plan whose repaired table is `values` (first row the header), made by hand as plain data. */
export function handPlan(values: string[][], options: { kinds?: OutputRowKind[]; sheet?: string; sourceRange?: string } = {}): RepairPlan {
  const kinds = options.kinds ?? values.map((_, i) => (i === 0 ? 'header' : 'record'));
  return {
    sheet: options.sheet ?? '进展表',
    sourceRange: options.sourceRange ?? 'A1:F3',
    rowMap: values.map((_, i) => ({ row: i + 1, outputRow: i + 1 })),
    columns: values[0] ?? [],
    rows: values.map((row, i) => ({ kind: kinds[i] ?? 'record', sourceRows: [i + 1], values: row })),
    removed: [{ row: 9, reason: 'blank', values: ['', '', ''] }],
    changes: [
      {
        op: 'collapse-rows',
        sourceRows: [3, 4],
        outputRow: 3,
        column: null,
        before: '两行',
        after: '一行',
        messages: { 'zh-CN': '合并跨页拆开的记录', 'en-US': 'Joined a record split across pages' },
      },
    ],
    mergesRemoved: 1,
  };
}

export function handSummary(): Summary {
  return {
    statuses: ['滞后', '按进度完成', '未填写'],
    byOfficial: [
      { official: '胡钛', counts: { 滞后: 1, 按进度完成: 3 }, total: 4, onSchedule: 3, share: 0.75 },
      { official: '李明', counts: { 按进度完成: 2, 未填写: 1 }, total: 3, onSchedule: 2, share: 2 / 3 },
    ],
    byStatus: [
      { status: '滞后', count: 1, share: 1 / 7 },
      { status: '按进度完成', count: 5, share: 5 / 7 },
      { status: '未填写', count: 1, share: 1 / 7 },
    ],
    byUnit: [{ unit: '市发展改革委', counts: { 滞后: 1, 按进度完成: 2 }, total: 3 }],
    lagging: [
      { row: 5, section: 1, official: '胡钛', number: '2', task: '推进项目', status: '滞后', units: ['市发展改革委'], persons: ['张三'], progress: '滞后。\n原因待查' },
    ],
    total: 7,
    onSchedule: 5,
  };
}

/** Installs the fake as the globals `Excel` / `Office` for the current test; returns the uninstaller. */
export function useWorkbook(book: FakeWorkbook): () => void {
  return installFakeOffice(globalThis, book);
}

let uninstall: (() => void) | null = null;
// Registered in every test file that imports these helpers: each test leaves no fake Office behind.
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** Install the workbook as the fake Office for this test; it is removed after the test. */
export function openWorkbook(book: FakeWorkbook): FakeWorkbook {
  uninstall?.();
  uninstall = useWorkbook(book);
  return book;
}

export function maxOf(values: number[]): number {
  return values.reduce((max, value) => Math.max(max, value), 0);
}
