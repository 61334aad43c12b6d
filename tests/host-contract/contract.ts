/**
 * One set of behaviours every WorkbookHost keeps, run against each host over its in-memory double: Excel
 * (tests/support/fakeExcel), WPS (tests/support/fakeWps) and — once its adapter is added — the web page's
 * in-memory file. A host that lacks a capability (host.capabilities) skips only the tests of that capability.
 *
 *   describeHostContract('WPS', (grid, sheet) => wpsContractWorkbook(grid, sheet));
 */
import type { CellValue, Grid, RepairPlan } from '../../src/core/types';
import { analyze, planToValues } from '../../src/core';
import { changeLogSheetNames, summarySheets } from '../../src/core/sheets';
import { changeLabels, compareSheets, compareTables } from '../../src/core/returns';
import { lastPeriodOf } from '../support/lastPeriod';
import { HostError, type WorkbookHost } from '../../src/host';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';

export type CellScalar = string | number | boolean;

/** A workbook behind a host under test, and the few ways the suite looks at it or acts as a user would. */
export interface ContractWorkbook {
  host: WorkbookHost;
  /** Visible sheets, in order. */
  sheetNames(): string[];
  /** Cell values as the user sees them ('' for empty). */
  values(sheet: string, address: string): CellScalar[][];
  /** The user types into a cell (text is entered as text). */
  edit(sheet: string, address: string, value: string): void;
  select(sheet: string, address: string): void;
  protect(sheet: string): void;
  /** The office adds a sheet of its own with `text` in A1. */
  addSheet(name: string, text: string): void;
  /** Cells with a fill, and cells with a note or comment. */
  filledCells(sheet: string): number;
  notedCells(sheet: string): number;
  /** Native charts on a sheet: title and number of series ([] where the host writes none). */
  charts(sheet: string): Array<{ title: string; series: number }>;
  /** Top-left cell of the selection on the active sheet, "Sheet!A1". */
  selectedCell(): string | null;
  dispose(): void;
}

export type MakeContractWorkbook = (grid: Grid, sheet: string) => ContractWorkbook;

export const SHEET = '重点工作';

/** Seed 001 as a Word paste leaves it: merged cells, sections, a title. */
export function seedGrid(): Grid {
  return renderWordPaste(loadSeed('001')).grid;
}

export function columnName(column0: number): string {
  let n = column0 + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function gridAddress(grid: Grid): string {
  const width = Math.max(...grid.values.map((row) => row.length));
  const top = grid.origin.row;
  const left = grid.origin.column - 1;
  return `${columnName(left)}${top}:${columnName(left + width - 1)}${top + grid.values.length - 1}`;
}

/** Texts a clerk's table holds that a spreadsheet would turn into something else if typed in. */
export const TRICKY_TEXTS = ['=SUM(A1:A3)', '007', '+86 138 0000 0000', '2024/6/30', '-', '@张三', "'引号开头", '1-2'];

function trickyPlan(): RepairPlan {
  const values = [['序号', '工作任务', '进展情况'], ...TRICKY_TEXTS.map((text, i) => [String(i + 1), `任务${i + 1}`, text])];
  return {
    sheet: SHEET,
    sourceRange: 'A1:C9',
    rowMap: values.map((_, i) => ({ row: i + 1, outputRow: i + 1 })),
    columns: values[0]!,
    rows: values.map((row, i) => ({ kind: i === 0 ? 'header' : 'record', sourceRows: [i + 1], values: row })),
    removed: [],
    changes: [],
    mergesRemoved: 0,
  } as RepairPlan;
}

function asText(value: CellValue | CellScalar): string {
  return value === null ? '' : String(value);
}

async function refusal(work: Promise<unknown>): Promise<HostError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HostError) return error;
    throw new Error(`expected a HostError, got ${String(error)}`);
  }
  throw new Error('expected a refusal, the work succeeded');
}

/** A clerk reads the message: Chinese first, one line of words, no JavaScript internals. */
function expectClerkMessage(error: HostError): void {
  expect(error.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(error.messages['en-US'].length).toBeGreaterThan(10);
  for (const text of Object.values(error.messages)) expect(text).not.toMatch(/undefined|null|TypeError|\bat \w+ \(|Error:|\[object/);
}

export function describeHostContract(name: string, make: MakeContractWorkbook): void {
  describe(`host contract: ${name}`, () => {
    const grid = seedGrid();
    const analysis = analyze(grid);
    const capabilities = (() => {
      const probe = make(grid, SHEET);
      const found = probe.host.capabilities;
      probe.dispose();
      return found;
    })();
    let book: ContractWorkbook;

    beforeEach(() => {
      book = make(grid, SHEET);
      book.select(SHEET, gridAddress(grid));
    });
    afterEach(() => book.dispose());

    test('reads the selected seed table with its text and merged areas', async () => {
      const source = await book.host.readSelection();
      expect(source.sheet).toBe(SHEET);
      expect(source.address).toBe(gridAddress(grid));
      expect(source.grid.values.map((row) => row.map(asText))).toEqual(grid.values.map((row) => row.map(asText)));
      const key = (m: { row: number; column: number; rowCount: number; columnCount: number }): string => `${m.row},${m.column},${m.rowCount},${m.columnCount}`;
      expect(source.grid.merges.map(key).sort()).toEqual(grid.merges.map(key).sort());
      expect(analyze(source.grid).table.records.length).toBe(analysis.table.records.length);
    });

    test('one selected cell reads the whole table around it', async () => {
      book.select(SHEET, `B${grid.origin.row + 5}`);
      const source = await book.host.readSelection();
      expect(source.address).toBe(gridAddress(grid));
    });

    test('repair into a new sheet: repaired rows written, change log added, the original untouched', async () => {
      const before = book.sheetNames();
      const source = await book.host.readSelection();
      const plan = analyze(source.grid).plan;
      const { sheet } = await book.host.applyPlan(source, plan, { mode: 'new-sheet', lang: 'zh-CN' });
      const after = book.sheetNames();
      expect(after).toContain(sheet);
      expect(after.filter((n) => !before.includes(n))).toEqual(expect.arrayContaining([sheet, expect.stringContaining(changeLogSheetNames[0]!)]));
      const rows = planToValues(plan);
      const width = Math.max(...rows.map((r) => r.length));
      const written = book.values(sheet, `A1:${columnName(width - 1)}${rows.length}`);
      expect(written.map((row) => row.map(asText))).toEqual(rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')));
      expect(book.values(SHEET, gridAddress(grid)).map((row) => row.map(asText))).toEqual(grid.values.map((row) => row.map(asText)));
    });

    (capabilities.inPlace ? test : test.skip)('repair in place keeps a backup of the original first', async () => {
      const before = book.sheetNames();
      const source = await book.host.readSelection();
      const plan = analyze(source.grid).plan;
      const result = await book.host.applyPlan(source, plan, { mode: 'in-place', lang: 'zh-CN' });
      expect(result.sheet).toBe(SHEET);
      const added = book.sheetNames().filter((n) => !before.includes(n));
      const backup = added.find((n) => n.startsWith(SHEET));
      expect(backup).toBeDefined();
      expect(result.backup).toBe(backup);
      expect(book.values(backup!, gridAddress(grid)).map((row) => row.map(asText))).toEqual(grid.values.map((row) => row.map(asText)));
      const rows = planToValues(plan);
      const first = book.values(SHEET, `A${grid.origin.row}:${columnName(rows[0]!.length - 1)}${grid.origin.row + 1}`);
      expect(first.map((row) => row.map(asText))).toEqual(rows.slice(0, 2).map((row) => row.map(String)));
      const reread = await book.host.readSelection();
      expect(analyze(reread.grid).plan.changes).toHaveLength(0);
    });

    test('text that looks like a formula, a number or a date stays exactly that text', async () => {
      const source = await book.host.readSelection();
      const { sheet } = await book.host.applyPlan(source, trickyPlan(), { mode: 'new-sheet', lang: 'zh-CN' });
      const column = book.values(sheet, `C2:C${TRICKY_TEXTS.length + 1}`).map((row) => row[0]);
      expect(column).toEqual(TRICKY_TEXTS);
      // The 序号 column's plain integers go in as numbers, so they sort and count.
      expect(book.values(sheet, 'A2:A3').map((row) => row[0])).toEqual([1, 2]);
    });

    test('the source edited since it was read is refused, and nothing is written', async () => {
      const source = await book.host.readSelection();
      book.edit(SHEET, `B${grid.origin.row + 3}`, '有人改过这一格');
      const before = book.sheetNames();
      const error = await refusal(book.host.applyPlan(source, analyze(source.grid).plan, { mode: 'in-place', lang: 'zh-CN' }));
      expect(error.code).toBe('source-changed');
      expectClerkMessage(error);
      expect(book.sheetNames()).toEqual(before);
      expect(book.values(SHEET, `B${grid.origin.row + 3}`)).toEqual([['有人改过这一格']]);
    });

    (capabilities.inPlace ? test : test.skip)('a protected sheet is refused with one clear message, nothing half-written', async () => {
      const source = await book.host.readSelection();
      book.protect(SHEET);
      const before = book.sheetNames();
      const error = await refusal(book.host.applyPlan(source, analyze(source.grid).plan, { mode: 'in-place', lang: 'zh-CN' }));
      expect(error.code).toBe('protected');
      expectClerkMessage(error);
      expect(book.sheetNames()).toEqual(before);
    });

    (capabilities.highlight ? test : test.skip)('highlight marks the findings with fills and notes; clear takes them all away', async () => {
      const source = await book.host.readSelection();
      const findings = analyze(source.grid).findings;
      expect(findings.length).toBeGreaterThan(0);
      await book.host.highlight(source, findings, 'zh-CN');
      expect(book.filledCells(SHEET)).toBeGreaterThan(0);
      expect(book.notedCells(SHEET)).toBeGreaterThan(0);
      await book.host.clearHighlights();
      expect(book.filledCells(SHEET)).toBe(0);
      expect(book.notedCells(SHEET)).toBe(0);
      // The marks did not disturb the table: it reads back the same.
      book.select(SHEET, gridAddress(grid));
      const again = await book.host.readSelection();
      expect(again.fingerprint).toBe(source.fingerprint);
    });

    (capabilities.highlight ? test : test.skip)('marks are refused on a table edited since it was read', async () => {
      const source = await book.host.readSelection();
      book.edit(SHEET, `B${grid.origin.row + 3}`, '有人改过这一格');
      const error = await refusal(book.host.highlight(source, analyze(source.grid).findings, 'zh-CN'));
      expect(error.code).toBe('source-changed');
      expect(book.filledCells(SHEET)).toBe(0);
    });

    (capabilities.navigate ? test : test.skip)('going to a finding whose row was edited since it was read is refused', async () => {
      const source = await book.host.readSelection();
      const row = grid.origin.row + 3;
      book.edit(SHEET, `B${row}`, '有人改过这一格');
      const error = await refusal(book.host.selectCell(SHEET, `D${row}`, source));
      expect(error.code).toBe('source-changed');
      await book.host.selectCell(SHEET, `D${row + 1}`, source);
      expect(book.selectedCell()).toBe(`${SHEET}!D${row + 1}`);
    });

    test('pressing 取消 before the work starts writes nothing', async () => {
      const source = await book.host.readSelection();
      const before = book.sheetNames();
      const controller = new AbortController();
      controller.abort();
      const error = await refusal(book.host.applyPlan(source, analyze(source.grid).plan, { mode: 'new-sheet', lang: 'zh-CN', signal: controller.signal }));
      expect(error.code).toBe('cancelled');
      expect(book.sheetNames()).toEqual(before);
    });

    test("a sheet of a summary's name that the office made itself is replaced only after asking", async () => {
      const name = summarySheets(analysis.summary, 'zh-CN')[0]!.name;
      book.addSheet(name, '本单位自己的表');
      const asked = await book.host.writeSummary(analysis.summary, 'zh-CN');
      expect(asked.needsConfirmation).toEqual([name]);
      expect(book.values(name, 'A1')).toEqual([['本单位自己的表']]);
      const replaced = await book.host.writeSummary(analysis.summary, 'zh-CN', { replace: true });
      expect(replaced.sheets).toContain(name);
      expect(book.values(name, 'A1')).not.toEqual([['本单位自己的表']]);
      const again = await book.host.writeSummary(analysis.summary, 'zh-CN');
      expect(again.needsConfirmation ?? []).toEqual([]);
    });

    (capabilities.navigate ? test : test.skip)('a finding selects its cell', async () => {
      await book.host.selectCell(SHEET, `D${grid.origin.row + 4}`);
      expect(book.selectedCell()).toBe(`${SHEET}!D${grid.origin.row + 4}`);
    });

    test('summary sheets are written, and written again without duplicates', async () => {
      const expected = summarySheets(analysis.summary, 'zh-CN').map((spec) => spec.name);
      const first = await book.host.writeSummary(analysis.summary, 'zh-CN');
      expect(first.sheets).toEqual(expected);
      expect(book.sheetNames()).toEqual(expect.arrayContaining(expected));
      const byOfficial = book.values(expected[0]!, 'A1:A1');
      expect(byOfficial[0]![0]).not.toBe('');
      await book.host.writeSummary(analysis.summary, 'zh-CN');
      const names = book.sheetNames();
      for (const name of expected) expect(names.filter((n) => n === name)).toHaveLength(1);
      expect(names.filter((n) => n.startsWith('~rt'))).toEqual([]);
    });

    describe('report sheets (the comparison with last period)', () => {
      const last = lastPeriodOf(analysis);
      const specs = compareSheets(compareTables(last.analysis, analysis), 'zh-CN');
      const [tasks, byOfficial] = specs;
      const changeColumn = (name: string) => book.values(name, `F2:F${tasks!.rows.length + 1}`).map((row) => row[0]);

      test('are written with every task and the counts per official, and written again without duplicates', async () => {
        const first = await book.host.writeReportSheets(specs, { group: 'compare' });
        expect(first.sheets).toEqual([tasks!.name, byOfficial!.name]);
        expect(book.values(tasks!.name, 'A1:G1')[0]!.map(asText)).toEqual(tasks!.columns);
        const changes = changeColumn(tasks!.name);
        expect(changes.filter((c) => c === changeLabels['newly-lagging']['zh-CN'])).toHaveLength(last.expected.newlyLagging);
        expect(changes.filter((c) => c === changeLabels.recovered['zh-CN'])).toHaveLength(last.expected.recovered);
        expect(changes.filter((c) => c === changeLabels.completed['zh-CN'])).toHaveLength(last.expected.completed);
        // Newly lagging tasks come first: what a manager asks about first.
        expect(changes.slice(0, 2)).toEqual([changeLabels['newly-lagging']['zh-CN'], changeLabels['newly-lagging']['zh-CN']]);
        const totalsRow = byOfficial!.rows.length + 1;
        const totals = book.values(byOfficial!.name, `A${totalsRow}:E${totalsRow}`)[0]!;
        expect(totals).toEqual(['合计', last.expected.newlyLagging, last.expected.stillLagging, last.expected.recovered, last.expected.completed]);

        const again = await book.host.writeReportSheets(specs, { group: 'compare' });
        expect(again.needsConfirmation ?? []).toEqual([]);
        const names = book.sheetNames();
        for (const spec of specs) expect(names.filter((n) => n === spec.name)).toHaveLength(1);
        expect(names.filter((n) => n.startsWith('~rt'))).toEqual([]);
        // The table the comparison was made from is untouched.
        expect(book.values(SHEET, gridAddress(grid)).map((row) => row.map(asText))).toEqual(grid.values.map((row) => row.map(asText)));
      });

      test("a sheet of the comparison's name that the office made itself is replaced only after asking", async () => {
        book.addSheet(tasks!.name, '办公室自己的对比');
        const asked = await book.host.writeReportSheets(specs, { group: 'compare' });
        expect(asked.needsConfirmation).toEqual([tasks!.name]);
        expect(asked.sheets).toEqual([]);
        expect(book.values(tasks!.name, 'A1')).toEqual([['办公室自己的对比']]);
        expect(book.sheetNames()).not.toContain(byOfficial!.name);
        const replaced = await book.host.writeReportSheets(specs, { group: 'compare', replace: true });
        expect(replaced.sheets).toEqual([tasks!.name, byOfficial!.name]);
        expect(book.values(tasks!.name, 'A1')).toEqual([['序号']]);
        expect(book.sheetNames().filter((n) => n === tasks!.name)).toHaveLength(1);
      });

      test('a summary sheet is not taken for a comparison sheet: each set asks for its own names', async () => {
        await book.host.writeSummary(analysis.summary, 'zh-CN');
        const summaryName = summarySheets(analysis.summary, 'zh-CN')[0]!.name;
        const asked = await book.host.writeReportSheets([{ ...tasks!, name: summaryName }], { group: 'compare' });
        expect(asked.needsConfirmation).toEqual([summaryName]);
      });

      test('a name Excel would refuse is made acceptable, never a reason to write nothing', async () => {
        const { sheets } = await book.host.writeReportSheets([{ ...byOfficial!, name: '对比：1-9月/1-10月[草稿]*?这个名字长得超过了三十一个字符的限制' }], { group: 'odd' });
        expect(sheets).toHaveLength(1);
        expect(sheets[0]!.length).toBeLessThanOrEqual(31);
        expect(sheets[0]).not.toMatch(/[:\\/?*[\]]/);
        expect(book.sheetNames()).toContain(sheets[0]);
      });

      (capabilities.chart ? test : test.skip)('the counts per official carry a column chart, one series per change', async () => {
        await book.host.writeReportSheets(specs, { group: 'compare' });
        expect(book.charts(byOfficial!.name)).toEqual([{ title: byOfficial!.chart!.title, series: byOfficial!.chart!.seriesColumns.length }]);
        expect(book.charts(tasks!.name)).toEqual([]);
      });

      test('pressing 取消 before the work starts writes nothing', async () => {
        const before = book.sheetNames();
        const controller = new AbortController();
        controller.abort();
        const error = await refusal(book.host.writeReportSheets(specs, { group: 'compare', signal: controller.signal }));
        expect(error.code).toBe('cancelled');
        expect(book.sheetNames()).toEqual(before);
      });
    });

    test('settings saved to the workbook load back the same, and can be removed', async () => {
      await expect(book.host.loadSettings()).resolves.toBeNull();
      const settings = { units: Array.from({ length: 400 }, (_, i) => ({ name: `市第${i + 1}局`, aliases: [`第${i + 1}局`] })), note: '=不是公式' };
      await book.host.saveSettings(settings);
      await expect(book.host.loadSettings()).resolves.toEqual(settings);
      await book.host.saveSettings({ vocabulary: [] });
      await expect(book.host.loadSettings()).resolves.toEqual({ vocabulary: [] });
      await book.host.saveSettings(null);
      await expect(book.host.loadSettings()).resolves.toBeNull();
      expect(book.sheetNames()).toContain(SHEET);
    });
  });
}
