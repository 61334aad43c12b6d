/**
 * `npx tsx bench/engineGolden.ts [--save FILE | --check FILE] [--large N]` (not a test): the engine's whole output —
 * table, findings, plan and summary — serialised and hashed for every seed-built fixture grid, for every layout ×
 * paste artifact on generated records (fixed fast-check seeds), and for the bench's large grid (10k rows by default).
 * Run it before and after an optimisation: the same hashes prove that what a clerk gets did not change.
 * bench/engineGolden.baseline.txt holds the hashes of the engine as of 2026-12-02 (`--large 10000,100000`):
 * `npx tsx bench/engineGolden.ts --large 10000,100000 --check bench/engineGolden.baseline.txt`. A deliberate change of
 * output (a fix) renews it with `--save`, and its commit says why.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { analyze, analyzeWorkbook, defaultConfig } from '../src/core';
import { allFixtures } from '../tests/fixtures/render';
import { ARTIFACTS, LAYOUTS, TODAY, dataArb, numberingArb, renderLayout } from '../tests/layouts/generator';
import { largeGrid } from './largeGrid';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const largeRows = (option('--large') ?? '10000').split(',').map(Number);

/** JSON in pieces (a 100k-row analysis is too large for one string): each top-level part and each record on its own. */
function hashOf(value: unknown): string {
  const hash = createHash('sha256');
  const feed = (v: unknown) => hash.update(JSON.stringify(v) ?? 'undefined').update('\u0000');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, part] of Object.entries(value)) {
      hash.update(key);
      if (Array.isArray(part)) part.forEach(feed);
      else if (part !== null && typeof part === 'object') hashInto(hash, part as Record<string, unknown>, feed);
      else feed(part);
    }
  } else feed(value);
  return hash.digest('hex').slice(0, 16);
}

function hashInto(hash: ReturnType<typeof createHash>, value: Record<string, unknown>, feed: (v: unknown) => void): void {
  for (const [key, part] of Object.entries(value)) {
    hash.update(key);
    if (Array.isArray(part)) part.forEach(feed);
    else feed(part);
  }
}

const lines: string[] = [];
const config = defaultConfig();

for (const fixture of allFixtures()) {
  lines.push(`fixture ${fixture.name} ${hashOf(analyze(fixture.grid, { config }))}`);
  lines.push(`fixture ${fixture.name} today ${hashOf(analyze(fixture.grid, { config, today: TODAY }))}`);
}

for (const layout of LAYOUTS) {
  for (const artifact of ARTIFACTS) {
    const samples = fc.sample(fc.tuple(dataArb, numberingArb, fc.boolean()), { seed: 20261202, numRuns: 4 });
    samples.forEach(([data, style, gap], i) => {
      const { sheets } = renderLayout(layout, data, style, artifact, { gap });
      const result = analyzeWorkbook(sheets, { config, today: TODAY });
      lines.push(`layout ${layout} ${artifact} #${i} ${hashOf(result.summary)} ${result.sheets.map((s) => hashOf(s.analysis ?? s.skipped)).join(' ')}`);
    });
  }
}

for (const rows of largeRows) {
  if (!Number.isFinite(rows) || rows <= 0) continue;
  const analysis = analyze(largeGrid(rows));
  lines.push(`large ${rows} table ${hashOf(analysis.table)} findings ${hashOf({ findings: analysis.findings })} plan ${hashOf(analysis.plan)} summary ${hashOf(analysis.summary)}`);
}

const all = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
const text = `${lines.join('\n')}\nall ${all}\n`;
const save = option('--save');
const check = option('--check');
if (save) fs.writeFileSync(save, text);
if (check) {
  const before = fs.readFileSync(check, 'utf8').split('\n');
  const after = text.split('\n');
  const differ = after.filter((line, i) => line !== before[i]);
  if (differ.length > 0 || before.length !== after.length) {
    process.stdout.write(`CHANGED (${differ.length} lines):\n${differ.slice(0, 30).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`unchanged: ${after.length - 2} hashes, all ${all}\n`);
} else if (!save) process.stdout.write(text);
else process.stdout.write(`saved ${lines.length} hashes to ${save}, all ${all}\n`);
