/** The installed command: bin/report-tables.js over the bundled build (npm run build:cli). */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
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
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^report-tables: notes\.xlsx is not an \.xlsx workbook/)]);
  });

  it('prints JSON a script can parse, and writes the fixed workbook', async () => {
    const json = cli('check', 'mini.xlsx', '--json');
    expect(JSON.parse(json.stdout).records).toHaveLength(3);
    const fixed = cli('fix', 'mini.xlsx', '-o', 'out.xlsx');
    expect(fixed.status).toBe(0);
    await expect(fs.stat(path.join(dir, 'out.xlsx'))).resolves.toBeDefined();
  });
});
