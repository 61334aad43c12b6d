import path from 'node:path';
import type { CheckDocument } from '../../src/cli/report/checkDocument';
import { runCli } from './support/runCli';
import { gridFromLines, readWorkbookFile, sheetRows, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;
/** A workbook with one sheet per official, each table naming no official itself. */
let perOfficial: string;
/** A table sheet and a notes sheet without a table. */
let withNotes: string;

function officialSheet(tasks: Array<[string, string, string, string, string]>): ReturnType<typeof gridFromLines> {
  return gridFromLines(['序号|工作任务|完成时限|责任单位|责任人|进展情况', ...tasks.map((t, i) => `${i + 1}|${t.join('|')}`)]);
}

beforeAll(async () => {
  dir = await tempDir();
  perOfficial = await writeWorkbookFile(path.join(dir, 'per-official.xlsx'), [
    {
      name: '胡钛副市长',
      grid: officialSheet([
        ['推进综治视联网建设。', '2026年6月30日', '市委政法委', '赖惠镇', '按进度完成。'],
        ['完善城乡社区治理。', '2026年12月', '市民政局', '谢鸿猷', '已完成。'],
      ]),
    },
    {
      name: '梁明健副市长',
      grid: officialSheet([['建设智慧交通平台。', '2026年9月30日', '市交通局', '王长青', '按进度完成。']]),
    },
  ]);
  withNotes = await writeWorkbookFile(path.join(dir, 'with-notes.xlsx'), [
    { name: '说明', cells: { A1: '填表说明', A2: '请于每月5日前报送。' } },
    { name: '进展', grid: officialSheet([['推进综治视联网建设。', '2026年6月30日', '市委政法委', '赖惠镇', '按进度完成。']]) },
  ]);
});

async function checkJson(args: string[]): Promise<CheckDocument> {
  const result = await runCli(['check', ...args, '--json']);
  expect([0, 1]).toContain(result.code);
  return JSON.parse(result.stdout) as CheckDocument;
}

describe('check over every sheet', () => {
  it('reports each official’s sheet, with the official its name gives, and one summary over both', async () => {
    const doc = await checkJson([perOfficial, '--today', '2026-03-01']);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(['胡钛副市长', '梁明健副市长']);
    expect(doc.sheets.map((s) => s.records.length)).toEqual([2, 1]);
    expect(doc.records.map((r) => [r.official, r.officialSource])).toEqual([
      ['胡钛', 'sheet'],
      ['胡钛', 'sheet'],
      ['梁明健', 'sheet'],
    ]);
    expect(doc.summary.records).toBe(3);
    expect(doc.summary.total).toBe(3);
    expect(doc.summary.byOfficial.map((row) => [row.official, row.total])).toEqual(expect.arrayContaining([['胡钛', 2], ['梁明健', 1]]));
    expect(doc.summary.officialSource).toBe('sheet');
    expect(doc.summary.withoutOfficial).toBe(0);
    expect(doc.skippedSheets).toEqual([]);
  });

  it('carries the engine’s record fields in --json', async () => {
    const doc = await checkJson([perOfficial, '--sheet', '胡钛副市长', '--today', '2026-03-01']);
    const [first] = doc.records;
    expect(first).toMatchObject({
      sectionPath: [],
      coUnits: [],
      statusSource: 'progress',
      deadlineText: '2026年6月30日',
      deadline: { date: '2026-06-30', precision: 'day' },
    });
    for (const field of ['progressStatus', 'columnStatus', 'officialSource']) expect(first).toHaveProperty(field);
    expect(doc.records[1].deadline).toEqual({ date: '2026-12-31', precision: 'month' });
  });

  it('--sheet reads only that sheet, still naming its official from the sheet name', async () => {
    const doc = await checkJson([perOfficial, '--sheet', '梁明健副市长']);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(['梁明健副市长']);
    expect(doc.sheet).toBe('梁明健副市长');
    expect(doc.records.map((r) => r.official)).toEqual(['梁明健']);
  });

  it('--today makes a task past its deadline and not done a lagging one', async () => {
    const before = await checkJson([perOfficial, '--today', '2026-03-01']);
    expect(before.summary.lagging).toEqual([]);
    const after = await checkJson([perOfficial, '--today', '2026-07-15']);
    expect(after.summary.lagging.map((t) => [t.sheet, t.task, t.reason])).toEqual([['胡钛副市长', '推进综治视联网建设。', 'overdue']]);
    expect((await runCli(['check', perOfficial, '--today', '2026-02-30'])).code).toBe(2);
  });

  it('skips a notes sheet quietly, with one line saying so', async () => {
    const result = await runCli(['check', withNotes, '--today', '2026-03-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/工作表：进展/);
    expect(result.stdout).toMatch(/已跳过的工作表：“说明”/);
    expect(result.stdout.match(/说明/g)).toHaveLength(1);
    const doc = await checkJson([withNotes, '--lang', 'en']);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(['进展']);
    expect(doc.skippedSheets.map((s) => s.sheet)).toEqual(['说明']);
    expect(doc.sheet).toBe('进展');
  });

  it('a workbook where no sheet holds a table is unusable: exit 2, one line', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'no-tables.xlsx'), [
      { name: '说明', cells: { A1: '填表说明' } },
      { name: '名单', cells: { A1: '姓名', B1: '电话', A2: '张三', B2: '123' } },
    ]);
    const result = await runCli(['check', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/“说明”、“名单”|说明、名单/);
  });

  it('readable report shows each sheet and the totals over all of them', async () => {
    const result = await runCli(['check', perOfficial, '--today', '2026-03-01']);
    expect(result.stdout).toMatch(/工作表：胡钛副市长[\s\S]*工作表：梁明健副市长[\s\S]*全部 2 个工作表：事项 3 项/);
  });
});

describe('fix and summarize over every sheet', () => {
  it('fix writes a repaired sheet and a change log per table sheet, names unique and within 31 characters', async () => {
    const out = path.join(dir, 'per-official-fixed.xlsx');
    const result = await runCli(['fix', perOfficial, '-o', out]);
    expect(result.code).toBe(0);
    const book = await readWorkbookFile(out);
    const names = book.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['胡钛副市长', '梁明健副市长']);
    const added = names.slice(2);
    expect(added).toHaveLength(4);
    expect(new Set(added.map((n) => n.toLowerCase())).size).toBe(4);
    for (const name of added) expect(name.length).toBeLessThanOrEqual(31);
    expect(added.filter((n) => n.includes('胡钛'))).toHaveLength(2);
    const repaired = book.getWorksheet(added[0]);
    expect(repaired).toBeDefined();
    expect(sheetRows(repaired!).flat()).toContain('推进综治视联网建设。');
  });

  it('fix on a workbook with a notes sheet repairs only the table sheet', async () => {
    const out = path.join(dir, 'with-notes-fixed.xlsx');
    const result = await runCli(['fix', withNotes, '-o', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Skipped, no progress table: "说明"/);
    const book = await readWorkbookFile(out);
    expect(book.worksheets).toHaveLength(4);
  });

  it('summarize writes one set of summary sheets spanning every sheet, the lagging list naming the sheet', async () => {
    const out = path.join(dir, 'per-official-summary.xlsx');
    const result = await runCli(['summarize', perOfficial, '-o', out, '--today', '2026-07-15']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/共 3 项/);
    const book = await readWorkbookFile(out);
    expect(book.worksheets).toHaveLength(2 + 4);
    const byOfficial = sheetRows(book.worksheets[2]).flat();
    expect(byOfficial).toEqual(expect.arrayContaining(['胡钛', '梁明健']));
    const lagging = sheetRows(book.worksheets[5]).flat();
    expect(lagging).toEqual(expect.arrayContaining(['胡钛副市长', '推进综治视联网建设。']));
  });
});
