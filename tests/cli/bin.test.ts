/** The installed command: bin/report-tables.js over the bundled build (npm run build:cli). */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { miniTable, tempDir, writeWorkbookFile } from './support/xlsx';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'report-tables.js');
let dir: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.js')], { cwd: root });
  dir = await tempDir();
  await writeWorkbookFile(path.join(dir, 'mini.xlsx'), [{ name: '表1', grid: miniTable() }]);
});

describe('bin/report-tables.js', () => {
  it('prints usage with --help and exits 0', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/report-tables check/);
  });

  it('sets the exit code: 1 for errors found, 2 for unusable input with one line on stderr', async () => {
    expect(cli('check', 'mini.xlsx').status).toBe(1);
    await fs.writeFile(path.join(dir, 'notes.xlsx'), 'just text');
    const bad = cli('check', 'notes.xlsx', '--lang', 'en');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^report-tables: notes\.xlsx: not an Excel workbook/)]);
  });

  it('prints JSON a script can parse, and writes the fixed workbook', async () => {
    const json = cli('check', 'mini.xlsx', '--json');
    expect(JSON.parse(json.stdout).records).toHaveLength(3);
    const fixed = cli('fix', 'mini.xlsx', '-o', 'out.xlsx');
    expect(fixed.status).toBe(0);
    await expect(fs.stat(path.join(dir, 'out.xlsx'))).resolves.toBeDefined();
  });

  it('checks many files in worker threads, reporting them in the order given', async () => {
    const files: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const file = `return-${i}.xlsx`;
      await fs.copyFile(path.join(dir, 'mini.xlsx'), path.join(dir, file));
      files.push(file);
    }
    await fs.writeFile(path.join(dir, 'broken.xlsx'), 'PK\u0003\u0004 not really');
    const result = cli('check', ...files.slice(0, 3), 'broken.xlsx', ...files.slice(3), '--json');
    expect(result.status).toBe(2);
    const docs = JSON.parse(result.stdout) as Array<{ file: string; error?: { code: string } }>;
    expect(docs.map((d) => d.file)).toEqual([...files.slice(0, 3), 'broken.xlsx', ...files.slice(3)]);
    expect(docs[3].error?.code).toBe('zip-damaged');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers --help without loading the commands', () => {
    const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bin)}); setImmediate(() => { const loaded = Object.keys(require.cache).some((f) => f.endsWith('commands.js')); process.stderr.write(String(loaded)); })`, '--', '--help'], { encoding: 'utf8', cwd: dir });
    expect(result.stdout).toMatch(/report-tables check/);
    expect(result.stderr).toBe('false');
  });

  it('keeps its compiled code beside the bundle, and a damaged or stale copy changes nothing but the time', () => {
    const cache = path.join(root, 'build', 'commands.js.cache');
    const first = cli('check', 'mini.xlsx', '--json');
    expect(readFileSync(cache).length).toBeGreaterThan(0);
    writeFileSync(cache, 'not V8 code');
    const damaged = cli('check', 'mini.xlsx', '--json');
    expect(damaged.status).toBe(first.status);
    expect(damaged.stdout).toBe(first.stdout);
    // The rejected copy was replaced by a good one, which the next run accepts.
    expect(readFileSync(cache).toString('utf8', 0, 11)).not.toBe('not V8 code');
    expect(cli('check', 'mini.xlsx', '--json').stdout).toBe(first.stdout);
  });
});
