/**
 * Write one .xlsx per test fixture (001-word-paste.xlsx, 001-filled-down.xlsx, 001-pdf.xlsx, 000-word-paste.xlsx,
 * subitems.xlsx …) into OUTDIR and print their paths. Everything is generated from the seeds; never hand-edited.
 *
 *   npx tsx scripts/build-sample-workbooks.ts OUTDIR
 */
import * as fs from 'fs';
import * as path from 'path';
import { allFixtures } from '../tests/fixtures/render';
import { writeGridXlsx } from '../tests/fixtures/writeXlsx';

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    process.stderr.write('usage: npx tsx scripts/build-sample-workbooks.ts OUTDIR\n');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const fixture of allFixtures()) {
    const file = path.resolve(outDir, `${fixture.name}.xlsx`);
    await writeGridXlsx(fixture.grid, file, fixture.grid.sheet ?? fixture.name.slice(0, 31));
    process.stdout.write(`${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
