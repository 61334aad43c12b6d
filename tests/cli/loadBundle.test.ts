import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireBundle } from '../../src/cli/loadBundle';

describe('the CLI bundle with its compiled-code cache', () => {
  it('runs a rebuilt bundle of the same length as rebuilt, not the code cached from the old one', () => {
    // V8 accepts cached code for any source of the same length: a one-digit change in a rebuild kept running the old digit.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    const file = path.join(dir, 'commands.js');
    const bundle = (level: number): string => `module.exports = { level: ${level}, twice: (n) => n * ${level} * 2 };`;
    writeFileSync(file, bundle(3));
    const first = requireBundle<{ level: number; twice: (n: number) => number }>(file);
    expect(first.exports.twice(1)).toBe(6);
    first.saveCache();
    expect(readFileSync(`${file}.cache`).length).toBeGreaterThan(32);

    writeFileSync(file, bundle(5));
    const rebuilt = requireBundle<{ level: number; twice: (n: number) => number }>(file);
    expect(rebuilt.exports.level).toBe(5);
    expect(rebuilt.exports.twice(1)).toBe(10);
  });
});
