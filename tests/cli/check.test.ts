import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core';
import { checkDocument } from '../../src/cli/report/checkDocument';
import type { CheckDocument } from '../../src/cli/report/checkDocument';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { runCli } from './support/runCli';
import { cleanMiniTable, miniTable, tempDir, writeWorkbookFile } from './support/xlsx';

let dir: string;
let mini: string;
let clean: string;
let seed001: string;

beforeAll(async () => {
  dir = await tempDir();
  mini = await writeWorkbookFile(path.join(dir, 'mini.xlsx'), [{ name: '表1', grid: miniTable() }]);
  clean = await writeWorkbookFile(path.join(dir, 'clean.xlsx'), [{ name: '表1', grid: cleanMiniTable() }]);
  seed001 = await writeWorkbookFile(path.join(dir, 'seed001.xlsx'), [{ name: '附件1', grid: renderWordPaste(loadSeed('001')).grid }]);
});

describe('check', () => {
  it('exits 1 and lists the error by rule, cell and message in Chinese', async () => {
    const result = await runCli(['check', mini]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('2018年重点工作进展情况表');
    expect(result.stdout).toMatch(/\[错误\] status\.unknown（1 处）\n\s+E6\s+进展状态“正在推进。”不在词表中/);
    expect(result.stdout).toContain('事项：3 项');
    expect(result.stdout).toMatch(/合计：错误 1 处/);
  });

  it('exits 0 for a table without errors', async () => {
    const result = await runCli(['check', clean]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('[错误]');
  });

  it('reports in English with --lang en', async () => {
    const result = await runCli(['check', mini, '--lang', 'en']);
    expect(result.stdout).toMatch(/\[error\] status\.unknown \(1\)/);
    expect(result.stdout).toContain('Records: 3');
    expect(result.stdout).not.toMatch(/[错误警告]/);
  });

  it('prints exactly one JSON document with messages in the chosen language', async () => {
    const result = await runCli(['check', mini, '--json', '--lang', 'en']);
    const doc = JSON.parse(result.stdout) as CheckDocument;
    expect(doc).toMatchObject({ file: mini, sheet: '表1', title: '2018年重点工作进展情况表', declaredTotal: 3 });
    expect(doc.records.map((record) => record.number)).toEqual(['1', '2', '3']);
    expect(doc.records[0]).toMatchObject({ row: 4, rows: 2, units: ['市委政法委', '市公安局'], persons: ['赖惠镇', '谢焱冰'] });
    const unknown = doc.findings.find((finding) => finding.rule === 'status.unknown');
    expect(unknown).toMatchObject({ severity: 'error', row: 6, cell: 'E6' });
    expect(unknown?.message).toMatch(/status/i);
    expect(doc.summary).toMatchObject({ records: 3, errors: 1 });
  });

  it('sees in the .xlsx exactly what the engine sees in the grid it was written from', async () => {
    const grid = renderWordPaste(loadSeed('001')).grid;
    const fromGrid = checkDocument(seed001, '附件1', analyze({ ...grid, sheet: '附件1' }), 'zh-CN');
    const result = await runCli(['check', seed001, '--json']);
    const fromFile = JSON.parse(result.stdout) as CheckDocument;
    expect(fromFile.records).toEqual(fromGrid.records);
    expect(fromFile.sections).toEqual(fromGrid.sections);
    expect(fromFile.findings).toEqual(fromGrid.findings);
    expect(result.code).toBe(fromGrid.summary.errors > 0 ? 1 : 0);
  });

  it('checks several files in one run: a JSON array, and the worst exit code', async () => {
    const missing = path.join(dir, 'missing.xlsx');
    const result = await runCli(['check', mini, clean, missing, '--json']);
    const docs = JSON.parse(result.stdout) as Array<{ file: string; error?: { code: string } }>;
    expect(docs.map((doc) => doc.file)).toEqual([mini, clean, missing]);
    expect(docs[2].error?.code).toBe('file-missing');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads only --sheet and --range', async () => {
    const file = await writeWorkbookFile(path.join(dir, 'two-sheets.xlsx'), [
      { name: '说明', cells: { A1: '本表为示例' } },
      { name: '进展', grid: { ...cleanMiniTable(), origin: { row: 3, column: 2 } } },
    ]);
    const result = await runCli(['check', file, '--sheet', '进展', '--range', 'B3:F9', '--json']);
    const doc = JSON.parse(result.stdout) as CheckDocument;
    expect(doc.sheet).toBe('进展');
    expect(doc.range).toBe('B3:F9');
    expect(doc.records[0].row).toBe(6);
  });

  it('applies a --config file: a status word the office added is no longer an error', async () => {
    const configFile = path.join(dir, 'config.json');
    await fs.writeFile(
      configFile,
      JSON.stringify({
        vocabulary: [
          { status: '未按进度完成', lagging: true },
          { status: '按进度完成', synonyms: ['正在推进'], onSchedule: true },
        ],
      }),
    );
    const result = await runCli(['check', mini, '--config', configFile, '--json']);
    const doc = JSON.parse(result.stdout) as CheckDocument;
    expect(doc.findings.filter((finding) => finding.rule === 'status.unknown')).toEqual([]);
    expect(doc.records[1].status).toBe('按进度完成');
  });
});
