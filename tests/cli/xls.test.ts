/** A real Excel 97-2003 workbook: converted through LibreOffice when it is installed, otherwise refused with what to do. */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from './support/runCli';
import { miniTable, tempDir, writeWorkbookFile } from './support/xlsx';

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const withLibreOffice = soffice ? it : it.skip;

let dir: string;
let xls: string;

beforeAll(async () => {
  dir = await tempDir();
  const xlsx = await writeWorkbookFile(path.join(dir, 'table.xlsx'), [{ name: '表1', grid: miniTable() }]);
  if (soffice) {
    execFileSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xls', '--outdir', dir, xlsx], { timeout: 180000 });
    xls = path.join(dir, 'table.xls');
  }
}, 200000);

describe('a binary .xls', () => {
  withLibreOffice('is converted with LibreOffice, saying so on stderr, and checked', async () => {
    const result = await runCli(['check', xls, '--json']);
    expect(result.stderr).toMatch(/LibreOffice/);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).records).toHaveLength(3);
    const out = path.join(dir, 'fixed.xlsx');
    expect((await runCli(['fix', xls, '-o', out])).code).toBe(0);
    await expect(fs.stat(out)).resolves.toBeDefined();
  }, 200000);

  withLibreOffice('is refused in one line with how to save it as .xlsx when LibreOffice is not on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-such-folder');
    try {
      const out = path.join(dir, 'never.xlsx');
      const result = await runCli(['fix', xls, '-o', out]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/97-2003.*另存为.*\.xlsx/);
      expect(existsSync(out)).toBe(false);
    } finally {
      process.env.PATH = saved;
    }
  });
});
