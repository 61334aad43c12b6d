import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CheckDocument } from '../../src/cli/report/checkDocument';
import { runCli } from './support/runCli';
import type { CliResult } from './support/runCli';
import { cleanMiniTable, miniTable, readWorkbookFile, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;
let mini: string;

beforeAll(async () => {
  dir = await tempDir();
  mini = await writeWorkbookFile(path.join(dir, 'mini.xlsx'), [{ name: '表1', grid: miniTable() }]);
});

/** Unusable input: exit 2, nothing on stdout, one line on stderr that says why, no stack trace. */
function expectUnusable(result: CliResult, reason: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toMatch(reason);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('unusable input', () => {
  it('an empty file', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await fs.writeFile(file, '');
    expectUnusable(await runCli(['check', file]), /空文件/);
  });

  it('a text file renamed .xlsx', async () => {
    const file = path.join(dir, 'text.xlsx');
    await fs.writeFile(file, '序号,工作任务\n1,推进建设\n');
    expectUnusable(await runCli(['check', file, '--lang', 'en']), /CSV or text file, not a workbook/);
  });

  it('a password-protected workbook (an OLE2 compound file)', async () => {
    const file = path.join(dir, 'protected.xlsx');
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(file, Buffer.concat([header, Buffer.alloc(504)]));
    expectUnusable(await runCli(['check', file]), /密码.*\.xls/);
    expectUnusable(await runCli(['fix', file, '-o', path.join(dir, 'p-out.xlsx'), '--lang', 'en']), /password-protected/);
  });

  it('a damaged zip', async () => {
    const file = path.join(dir, 'damaged.xlsx');
    const good = await fs.readFile(mini);
    await fs.writeFile(file, good.subarray(0, Math.floor(good.length / 2)));
    expectUnusable(await runCli(['check', file, '--lang', 'en']), /damaged/);
  });

  it('a missing file', async () => {
    expectUnusable(await runCli(['check', path.join(dir, 'nope.xlsx')]), /找不到文件/);
  });

  it('a sheet that does not exist, naming the sheets there are', async () => {
    expectUnusable(await runCli(['check', mini, '--sheet', 'Sheet9']), /没有工作表“Sheet9”（现有：表1）/);
  });

  it('an empty sheet', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'blank.xlsx'), [{ name: '空表' }]);
    expectUnusable(await runCli(['check', file]), /空的/);
  });

  it('a workbook with no report table in it', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'notable.xlsx'), [
      { name: '名单', cells: { A1: '姓名', B1: '电话', A2: '张三', B2: '123', A3: '李四', B3: '456' } },
    ]);
    const result = await runCli(['check', file, '--lang', 'en']);
    expectUnusable(result, /notable\.xlsx, sheet "名单"/);
  });

  it('a one-cell sheet', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'onecell.xlsx'), [{ name: 'Sheet1', cells: { A1: '序号' } }]);
    expectUnusable(await runCli(['check', file]), /onecell\.xlsx/);
  });

  it('a bad --range', async () => {
    expectUnusable(await runCli(['check', mini, '--sheet', '表1', '--range', 'Z9:A1']), /区域无效/);
    expectUnusable(await runCli(['check', mini, '--range', 'A1:F9']), /--range 需要同时用 --sheet/);
  });

  it('a config that is not JSON, or breaks the schema, with the path to the problem', async () => {
    const notJson = path.join(dir, 'bad.json');
    await fs.writeFile(notJson, '{ vocabulary: ');
    expectUnusable(await runCli(['check', mini, '--config', notJson, '--lang', 'en']), /bad config file .*not valid JSON/);
    const badSchema = path.join(dir, 'schema.json');
    await fs.writeFile(badSchema, JSON.stringify({ vocabulary: [{ status: '' }] }));
    expectUnusable(await runCli(['check', mini, '--config', badSchema, '--lang', 'en']), /vocabulary\.0\.status/);
    expectUnusable(await runCli(['check', mini, '--config', path.join(dir, 'none.json')]), /无法读取配置文件/);
  });

  it('an unknown option or command, with a usage hint', async () => {
    const result = await runCli(['check', mini, '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/未知选项：--frobnicate\n.*--help/);
    expect((await runCli(['tidy', mini])).code).toBe(2);
    expect((await runCli(['fix', mini])).stderr).toMatch(/-o/);
    expect((await runCli(['fix', mini, '-o', path.join(dir, 'x.xlsx'), '--json'])).code).toBe(2);
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/report-tables check/);
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toMatch(/Usage:/);
  });
});

describe('awkward but usable cells', () => {
  it('numbers, dates, booleans, errors and formulas in text columns are read as text, without a crash', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'mixed.xlsx'), [
      {
        name: '表1',
        grid: cleanMiniTable(),
        cells: {
          B6: 42,
          C6: new Date(Date.UTC(2018, 8, 30)),
          D6: true,
          E6: { error: '#N/A' },
          B7: { formula: 'CONCATENATE("推进","建设")', result: '推进建设' },
        },
      },
    ]);
    const result = await runCli(['check', file, '--json']);
    expect([0, 1]).toContain(result.code);
    const doc = JSON.parse(result.stdout) as CheckDocument;
    const second = doc.records.find((record) => record.number === '2');
    expect(second?.task).toBe('42');
    expect(second?.units.join('')).toContain('2018/9/30');
    expect(doc.records.find((record) => record.number === '3')?.task).toBe('推进建设');
  });

  it('a 32,767-character cell is checked and repaired within Excel’s cell limit', async () => {
    const grid = cleanMiniTable();
    const long = `按进度完成。\n${'推'.repeat(32767 - 7)}`;
    grid.values[5][4] = long;
    const file = await writeWorkbookFile(path.join(dir, 'long.xlsx'), [{ name: '表1', grid }]);
    const check = await runCli(['check', file, '--json']);
    expect([0, 1]).toContain(check.code);
    const doc = JSON.parse(check.stdout) as CheckDocument;
    expect(doc.records.find((record) => record.number === '2')?.progress).toBe(long);
    const out = path.join(dir, 'long-out.xlsx');
    const fixed = await runCli(['fix', file, '-o', out]);
    expect(fixed.code).toBe(0);
    const written = await readWorkbookFile(out);
    let longest = 0;
    for (const ws of written.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => (longest = Math.max(longest, String(cell.value ?? '').length))));
    }
    expect(longest).toBeGreaterThan(30000);
    expect(longest).toBeLessThanOrEqual(32767);
  });
});
