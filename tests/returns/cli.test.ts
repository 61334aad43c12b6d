/**
 * The round from the command line: split the seed master into workbooks, fill some in with openpyxl (as a unit's
 * Excel would), merge them back, compare. Outputs are opened with openpyxl (Debian's /usr/bin/python3), an
 * independent reader, to check the drop-down, the protection and the merged values.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/support/runCli';
import { tempDir } from '../cli/support/xlsx';
import { gridToWorkbook } from '../fixtures/writeXlsx';
import { defaultProgress, defaultStatus, masterLayoutReturn, seedMaster, seedSplit, unitPart, type Filled } from './round';

const PYTHON = '/usr/bin/python3';

function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
}

/** What openpyxl sees in a split workbook: title, validations, protection, locked state of a few cells. */
const INSPECT_SPLIT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
dv = [{"sqref": str(v.sqref), "type": v.type, "formula": v.formula1} for v in ws.data_validations.dataValidation]
header = [c.value for c in ws[3]]
status_col = header.index("进展状态") + 1
progress_col = header.index("进展情况") + 1
print(json.dumps({
  "title": ws.cell(1, 1).value,
  "header": header,
  "validations": dv,
  "protected": bool(ws.protection.sheet),
  "password": ws.protection.password,
  "statusLocked": ws.cell(4, status_col).protection.locked,
  "progressLocked": ws.cell(4, progress_col).protection.locked,
  "taskLocked": ws.cell(4, 2).protection.locked,
  "titleLocked": ws.cell(1, 1).protection.locked,
}, ensure_ascii=False))
`;

/** Fill a split workbook as a unit does in Excel: a status from the list and the progress text, in place. */
const FILL = `
import json, sys, openpyxl
path, answers = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
header = [c.value for c in ws[3]]
status_col = header.index("进展状态") + 1
progress_col = header.index("进展情况") + 1
for i, a in enumerate(answers):
    ws.cell(4 + i, status_col).value = a["status"]
    ws.cell(4 + i, progress_col).value = a["progress"]
wb.save(path)
`;

const READ_SHEETS = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[("" if v is None else str(v)) for v in row] for row in ws.iter_rows(values_only=True)]
print(json.dumps(out, ensure_ascii=False))
`;

let dir = '';
let master = '';
const splitDir = () => path.join(dir, 'split');
const filled: Filled[] = [];

beforeAll(async () => {
  dir = await tempDir('report-tables-round-');
  master = path.join(dir, '2018年1-9月.xlsx');
  await gridToWorkbook(seedMaster().grid, '附件1').xlsx.writeFile(master);
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('report-tables split / merge / compare', () => {
  test('split writes one workbook per unit: title with unit and period, status drop-down, the rest locked without a password', async () => {
    const result = await runCli(['split', master, '-o', splitDir(), '--period', '2018年1-10月']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`已在 ${splitDir()} 写出 ${seedSplit().units.length} 个单位的报送表`);
    const files = (await fs.readdir(splitDir())).sort();
    expect(files).toHaveLength(seedSplit().units.length);
    expect(files).toContain('市委政法委-2018年1-10月.xlsx');
    const seen = JSON.parse(python(INSPECT_SPLIT, path.join(splitDir(), '市委政法委-2018年1-10月.xlsx'))) as Record<string, unknown>;
    expect(seen.title).toBe('市委政法委：2018年1-10月重点工作进展情况报送表（共4项，其中牵头4项）');
    const header = seen.header as string[];
    const statusLetter = String.fromCharCode(64 + header.indexOf('进展状态') + 1);
    expect(seen.validations).toEqual([{ sqref: `${statusLetter}4:${statusLetter}7`, type: 'list', formula: '"未按进度完成,计划调整,基本按进度完成,按进度完成,已完成"' }]);
    expect(seen).toMatchObject({ protected: true, password: null, statusLocked: false, progressLocked: false, taskLocked: true, titleLocked: true });
  });

  test('merge reads a folder of returns (filled by openpyxl, one in the master\'s layout, one unit silent) into the master', async () => {
    // Four units fill their sheets; 市民政局 sends its answers in the master's own layout; 市外侨局 sends nothing.
    for (const unit of ['市委政法委', '市编办', '市公安局', '市文广新局']) {
      const part = unitPart(unit);
      const tasks = [...part.leads, ...part.shares];
      const answers = tasks.map((t) => ({ status: defaultStatus(t), progress: defaultProgress(t, unit) }));
      tasks.forEach((t, i) => filled.push({ unit, taskId: t.id, row: t.row, ...answers[i] }));
      python(FILL, path.join(splitDir(), part.fileName), JSON.stringify(answers));
    }
    const returns = path.join(dir, 'returns');
    await fs.mkdir(returns);
    for (const unit of ['市委政法委', '市编办', '市公安局', '市文广新局']) await fs.copyFile(path.join(splitDir(), unitPart(unit).fileName), path.join(returns, unitPart(unit).fileName));
    const civil = unitPart('市民政局');
    const civilFilled = [...civil.leads, ...civil.shares].map((t) => ({ unit: '市民政局', taskId: t.id, row: t.row, status: defaultStatus(t), progress: defaultProgress(t, '市民政局') }));
    filled.push(...civilFilled);
    await gridToWorkbook(masterLayoutReturn(civil, civilFilled), 'Sheet1').xlsx.writeFile(path.join(returns, '民政局回复.xlsx'));

    const out = path.join(dir, '合并后.xlsx');
    const result = await runCli(['merge', master, returns, '-o', out]);
    expect(result.stderr).toBe('');
    // 市外侨局 and others are silent: returns.missing-unit is an error, so the exit code says "findings".
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^已将 5 份报送合并到 2018年1-9月\.xlsx → 合并后\.xlsx：填入 \d+ 个单元格/);
    expect(result.stdout).toContain('returns.missing-unit');
    expect(result.stdout).toContain('市外侨局');

    const sheets = JSON.parse(python(READ_SHEETS, out)) as Record<string, string[][]>;
    expect(Object.keys(sheets)).toEqual(['附件1', '合并后', '合并记录', '报送情况', '合并问题']);
    // The original sheet is kept as it was.
    expect(sheets['附件1'][5][4]).toBe(String(seedMaster().grid.values[5][4]));
    const merged = sheets['合并后'].map((row) => row.join('\u0001')).join('\n');
    for (const f of filled) expect(merged).toContain(f.progress);
    const log = sheets['合并记录'];
    expect(log.slice(1).some((row) => row[6].includes('民政局回复.xlsx / 市民政局'))).toBe(true);
    const answered = sheets['报送情况'].find((row) => row[0] === '市外侨局');
    expect(answered?.[1]).toBe('未报送');
  });

  test('merge --json lists every cell with its source, and English when asked', async () => {
    const out = path.join(dir, 'merged-en.xlsx');
    const result = await runCli(['merge', master, path.join(splitDir(), unitPart('市委政法委').fileName), '-o', out, '--json', '--lang', 'en']);
    const doc = JSON.parse(result.stdout) as { cells: Array<{ sources: Array<{ unit: string }> }>; findings: Array<{ rule: string; message: string }> };
    // Four tasks × (progress + status), and the title's period.
    expect(doc.cells.length).toBe(9);
    expect(doc.cells.filter((c) => c.sources.length > 0).every((c) => c.sources[0].unit === '市委政法委')).toBe(true);
    expect(doc.findings.find((f) => f.rule === 'returns.missing-unit')?.message).toMatch(/^\d+ units sent no return this period/);
    const sheets = JSON.parse(python(READ_SHEETS, out)) as Record<string, unknown>;
    expect(Object.keys(sheets)).toContain('Merge log');
  });

  test('a return that cannot be read is reported in one line; the others are merged and the exit code is 2', async () => {
    const bad = path.join(dir, '坏文件.xlsx');
    await fs.writeFile(bad, '这不是工作簿');
    const out = path.join(dir, 'partial.xlsx');
    const result = await runCli(['merge', master, bad, path.join(splitDir(), unitPart('市委政法委').fileName), '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^report-tables: 坏文件\.xlsx：/);
    expect(result.stdout).toContain('已将 1 份报送合并');
    await expect(fs.stat(out)).resolves.toBeTruthy();
  });

  test('compare last period\'s master with the merged one: JSON and a workbook with the comparison sheets', async () => {
    const merged = path.join(dir, '合并后.xlsx');
    const json = await runCli(['compare', master, merged, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { counts: Record<string, number>; tasks: Array<{ change: string; before: string | null; now: string | null }> };
    // The comparison read the merged table (合并后), not the original sheet: statuses changed where units answered.
    expect(doc.tasks.filter((t) => t.before !== t.now).length).toBeGreaterThan(0);
    expect(doc.counts['newly-lagging'] + doc.counts['still-lagging'] + doc.counts.recovered + doc.counts.completed).toBeGreaterThan(0);
    const out = path.join(dir, '对比.xlsx');
    const result = await runCli(['compare', master, merged, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1-9月 → 1-10月：新增滞后 \d+，持续滞后 \d+/);
    const sheets = JSON.parse(python(READ_SHEETS, out)) as Record<string, string[][]>;
    expect(Object.keys(sheets)).toEqual(expect.arrayContaining(['本期与上期对比', '变化汇总']));
    expect(sheets['变化汇总'][0]).toEqual(['分管领导', '新增滞后', '持续滞后', '已恢复', '本期完成', '新增任务', '任务数']);
    // The counts per official carry a native column chart of the four changes.
    const charts = python('import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])["变化汇总"]\nprint(len(ws._charts), len(ws._charts[0].series) if ws._charts else 0)', out);
    expect(charts.trim()).toBe('1 4');
  });

  test('compare without -o prints the comparison only; merge with no readable return writes nothing', async () => {
    const shown = await runCli(['compare', master, path.join(dir, '合并后.xlsx'), '--lang', 'en']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^1-9月 → 1-10月: Newly lagging \d+, Still lagging \d+/);
    // Each lagging task named as the panes name it: official, then its 序号 or its place, then the task.
    const lines = shown.stdout.split('\n').filter((line) => /^ {2}(Newly|Still) lagging/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/ (no\. \S+|section \d+, item \d+ \(no number\)|item \d+ \(no number\)): \S/);
    expect(shown.stdout).not.toContain('未标明分管领导');
    const out = path.join(dir, 'nothing.xlsx');
    const none = await runCli(['merge', master, path.join(dir, 'missing.xlsx'), '-o', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有一份报送可以读取，未写出任何文件');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test('split --format both writes each unit its workbook and its Word form; merge reads a filled Word form back', async () => {
    const out = path.join(dir, 'split-both');
    const result = await runCli(['split', master, '-o', out, '--period', '2018年1-10月', '--format', 'both']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`已在 ${out} 写出 ${seedSplit().units.length} 个单位的报送表（Excel 和 Word 各一份）（${seedSplit().units.length * 2} 个文件`);
    const files = await fs.readdir(out);
    expect(files).toHaveLength(seedSplit().units.length * 2);
    expect(files).toEqual(expect.arrayContaining(['市委政法委-2018年1-10月.xlsx', '市委政法委-2018年1-10月.docx']));
    // The unit types its progress into the Word form (python-docx, as Word would save it) and sends it back alone.
    const part = unitPart('市委政法委');
    const form = path.join(dir, 'returned-word', part.baseName + '.docx');
    await fs.mkdir(path.dirname(form), { recursive: true });
    await fs.copyFile(path.join(out, part.baseName + '.docx'), form);
    const progress = part.leads.map((t) => defaultProgress(t, part.unit));
    python(
      'import json,sys,docx\nd=docx.Document(sys.argv[1])\nt=d.tables[0]\nh=[c.text for c in t.rows[0].cells]\nfor i,p in enumerate(json.loads(sys.argv[2])):\n    t.rows[i+1].cells[h.index("进展情况")].text=p\n    t.rows[i+1].cells[h.index("进展状态")].text="按进度完成"\nd.save(sys.argv[1])',
      form,
      JSON.stringify(progress),
    );
    const merged = path.join(dir, 'merged-word.xlsx');
    const m = await runCli(['merge', master, path.dirname(form), '-o', merged]);
    expect(m.stderr).toBe('');
    expect(m.stdout).toMatch(/^已将 1 份报送合并/);
    const sheets = JSON.parse(python(READ_SHEETS, merged)) as Record<string, string[][]>;
    const text = sheets['合并后'].map((row) => row.join('\u0001')).join('\n');
    for (const p of progress) expect(text).toContain(p);
    expect((await runCli(['split', master, '-o', out, '--format', 'pdf'])).stderr).toContain('--format 只能是 xlsx、docx 或 both：pdf');
    expect((await runCli(['merge', master, form, '-o', merged, '--format', 'docx'])).stderr).toContain('--format 只用于 split');
  }, 300000);

  test('usage errors are exit code 2 with the reason', async () => {
    expect((await runCli(['merge', master])).code).toBe(2);
    const r = await runCli(['split', master]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('split 需要 -o 输出文件夹');
    expect((await runCli(['merge', master, master, '-o', master])).stderr).toContain('输出文件不能是输入文件本身');
  });
});
