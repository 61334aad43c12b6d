/**
 * `npm run demo`: build a sample workbook from seed 001 (as Excel shows a Word table pasted into it), then run
 * check, fix and summarize on it into a temp folder and show what they found and wrote.
 *
 *   npm run demo [-- --lang en] [-- --keep]
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../src/cli/main';
import { renderWordPaste } from '../tests/fixtures/render';
import { loadSeed } from '../tests/fixtures/seedTable';
import { writeGridXlsx } from '../tests/fixtures/writeXlsx';

const english = process.argv.includes('en') || process.argv.includes('--lang=en');
const lang = english ? 'en' : 'zh-CN';

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

async function describeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const { size } = await fs.stat(file);
  process.stdout.write(`${path.basename(file)} (${Math.round(size / 1024)} KB):\n`);
  for (const sheet of workbook.worksheets) {
    process.stdout.write(`  ${sheet.name.padEnd(16)} ${String(sheet.rowCount).padStart(5)} rows  ${String(sheet.model.merges.length).padStart(5)} merges\n`);
  }
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-tables-demo-'));
  const source = path.join(dir, '001-word-paste.xlsx');
  const fixed = path.join(dir, '001-fixed.xlsx');
  const summary = path.join(dir, '001-summary.xlsx');

  heading(english ? 'Sample workbook (seed 001 pasted from Word)' : '示例工作簿（种子表 001，从 Word 粘贴）');
  await writeGridXlsx(renderWordPaste(loadSeed('001')).grid, source, '附件1');
  await describeWorkbook(source);

  heading(`report-tables check ${path.basename(source)}`);
  const checkCode = await run(['check', source, '--lang', lang]);
  process.stdout.write(`exit code ${checkCode}\n`);

  heading(`report-tables fix ${path.basename(source)} -o ${path.basename(fixed)}`);
  const fixCode = await run(['fix', source, '-o', fixed, '--lang', lang]);
  process.stdout.write(`exit code ${fixCode}\n`);
  await describeWorkbook(fixed);

  heading(`report-tables summarize ${path.basename(source)} -o ${path.basename(summary)}`);
  const summarizeCode = await run(['summarize', source, '-o', summary, '--lang', lang]);
  process.stdout.write(`exit code ${summarizeCode}\n`);
  await describeWorkbook(summary);

  process.stdout.write(`\n${english ? 'Files are in' : '文件位于'} ${dir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
