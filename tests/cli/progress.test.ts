import path from 'node:path';
import { run } from '../../src/cli/main';
import { miniTable, tempDir, writeWorkbookFile } from './support/xlsx';

/** Long work shows where it is: reading, checking, writing — and the status line is cleared before the report. */
test('fix reports its stages in the chosen language and clears the line at the end', async () => {
  const dir = await tempDir();
  const file = await writeWorkbookFile(path.join(dir, 'mini.xlsx'), [{ name: '表1', grid: miniTable() }]);
  const progress: Array<string | null> = [];
  let stdout = '';
  const code = await run(['fix', file, '-o', path.join(dir, 'out.xlsx'), '--lang', 'en'], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => undefined,
    progress: (text) => {
      progress.push(text);
    },
  });
  expect(code).toBe(0);
  expect(progress).toEqual(['Reading mini.xlsx…', 'Repairing and checking mini.xlsx…', 'Writing mini.xlsx…', null]);
  expect(stdout).toContain('out.xlsx');
});

test('a file that cannot be used still clears the status line', async () => {
  const dir = await tempDir();
  const progress: Array<string | null> = [];
  const code = await run(['check', path.join(dir, 'missing.xlsx')], { stdout: () => undefined, stderr: () => undefined, progress: (text) => progress.push(text) });
  expect(code).toBe(2);
  expect(progress[progress.length - 1]).toBeNull();
});
