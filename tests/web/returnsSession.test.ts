/**
 * The 合并报送 step as the page's worker does it, called directly: the master opened and read, the units' returns
 * (exceljs, SheetJS, Word) read one by one, bad files answered with one line each, the preview the page shows, and
 * the merged workbook it downloads, read back by the file layer and SheetJS.
 */
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { analyze } from '../../src/core';
import { openWorkbook } from '../../src/files';
import type { Progress } from '../../src/host';
import { Session } from '../../src/web/session';
import { SHEET } from './support';
import { webRound, type WebRound } from './returnsRound';

const view = { showMarks: () => undefined, scrollTo: () => undefined };

async function opened(round: WebRound): Promise<Session> {
  const session = new Session(view);
  await session.handle({ type: 'open', bytes: round.master.bytes.slice(), fileName: round.master.name, settings: null }, () => undefined);
  await session.handle({ type: 'load', sheet: SHEET }, () => undefined);
  return session;
}

let round: WebRound;
beforeAll(async () => {
  round = await webRound();
}, 60000);

describe('合并报送 in the page worker', () => {
  test('every return is read, a bad one gets one line of its own and the others are kept', async () => {
    const session = await opened(round);
    const reads = [];
    for (const file of [...round.returns.slice(0, 2), ...round.bad, ...round.returns.slice(2)]) reads.push(await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined));
    expect(reads.filter((r) => r.ok).map((r) => r.file)).toEqual(round.returns.map((r) => r.name));
    const bad = reads.filter((r) => !r.ok);
    expect(bad.map((r) => r.file)).toEqual(round.bad.map((r) => r.name));
    for (const r of bad) {
      if (r.ok) continue;
      // One line each, both languages, no JavaScript internals.
      expect(r.messages['zh-CN']).not.toMatch(/\n|Error|undefined|at /);
      expect(r.messages['en-US']).not.toMatch(/\n|TypeError|undefined/);
    }
    expect(bad[0].ok === false && bad[0].messages['zh-CN']).toContain('不是 Excel 工作簿');
    expect(bad[1].ok === false && bad[1].messages['zh-CN']).toContain('加密');
    const preview = await session.handle({ type: 'returns-preview' }, () => undefined);
    expect(preview.files).toEqual(round.returns.map((r) => r.name));
  });

  test('the preview names who answered and who did not, what changes per task, and the findings in words', async () => {
    const session = await opened(round);
    for (const file of round.returns) await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
    const stages: string[] = [];
    const { overview } = await session.handle({ type: 'returns-preview' }, (p: Progress) => stages.push(p.stage));
    expect(stages).toContain('merge');
    if (!overview) throw new Error('no preview');
    const answered = overview.units.filter((u) => u.files.length > 0).map((u) => u.unit);
    expect(answered.sort()).toEqual(['市公安局', '市委政法委', '市文广新局', '市编办'].sort());
    expect(overview.units.find((u) => u.unit === round.silent)).toMatchObject({ files: [], returned: 0 });
    // The Word return and the renumbered one are placed on their tasks like the others.
    for (const r of overview.returns) expect(r.matched).toBe(r.tasks);
    expect(overview.returns.find((r) => r.file.endsWith('.docx'))?.matched).toBeGreaterThan(0);
    // Per task: who answered, the status and progress before and after; the disagreement shown on its task.
    const conflict = overview.changes.find((c) => c.conflict !== null);
    expect(conflict?.ref).toBe(round.disagreeing.ref);
    expect(conflict?.conflict?.map((x) => x.unit)).toEqual(round.disagreeing.units);
    expect(conflict?.conflict?.[0].status).not.toBe(conflict?.conflict?.[1].status);
    expect(conflict?.units).toEqual(round.disagreeing.units);
    const renumbered = round.filled.find((f) => f.unit === '市编办');
    const change = overview.changes.find((c) => c.row === renumbered?.row);
    expect(change?.units).toEqual(['市编办']);
    expect(change?.progress?.after).toContain(renumbered?.progress.slice(0, 20));
    expect(change?.status?.after).toBe(renumbered?.status);
    expect(overview.taskCount).toBe(new Set(round.filled.map((f) => f.row)).size);
    // The periods in the title, not the whole titles.
    expect(overview.title).toEqual({ before: '1-9月', after: '1-10月' });
    // Findings grouped by rule, headed by what the rule checks (the ids are for the tooltip only), capped per rule.
    const silentGroup = overview.findings.find((g) => g.rule === 'returns.missing-unit');
    expect(silentGroup?.description['zh-CN']).not.toContain('returns.');
    expect(silentGroup?.shown.length).toBeLessThanOrEqual(10);
    expect(silentGroup?.count).toBeGreaterThan(silentGroup?.shown.length ?? 0);
    expect(overview.findings.flatMap((g) => g.shown).some((f) => f.messages['zh-CN'].includes(round.silent))).toBe(true);
    expect(overview.findingCount).toBe(overview.findings.reduce((n, g) => n + g.count, 0));
    // The page gets a summary, not the merged table.
    expect(JSON.stringify(overview).length).toBeLessThan(200_000);
  });

  test('apply writes the merge into the page\'s workbook as 整理 does: a new sheet, its change log and the CLI\'s sheets; read next, every returned text is on its task and 汇总 counts the merged statuses', async () => {
    const session = await opened(round);
    for (const file of round.returns) await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
    const preview = await session.handle({ type: 'returns-preview' }, () => undefined);
    const stages: string[] = [];
    const applied = await session.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, (p) => stages.push(p.stage));
    expect(stages).toContain('write');
    expect(applied).toMatchObject({ sheet: `${SHEET}（整理）`, backup: null, sheets: [`${SHEET}（整理）`, '整理记录', '合并后', '合并记录', '报送情况', '合并问题'] });
    expect(applied.allSheets.map((s) => s.name)).toEqual(['说明', SHEET, '隐藏', ...applied.sheets]);
    // The page's workbook download carries it all; the master's own sheet is as it was.
    const download = await session.handle({ type: 'returns-download', lang: 'zh-CN' }, () => undefined);
    expect(download.fileName).toBe('2018年重点工作1-9月（合并后）.xlsx');
    const book = openWorkbook(download.bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(applied.allSheets.map((s) => s.name));
    expect(book.readSheet(SHEET).grid.values).toEqual(openWorkbook(round.master.bytes).readSheet(SHEET).grid.values);
    // The page reads the merged sheet next (校验, 汇总): each returned progress on its task; the same returns now change nothing.
    const master = analyze(openWorkbook(round.master.bytes).readSheet(SHEET).grid);
    const loaded = await session.handle({ type: 'load', sheet: applied.sheet }, () => undefined);
    const merged = analyze(book.readSheet(applied.sheet).grid);
    expect(loaded.analysis?.summary).toEqual(merged.summary);
    expect((await session.handle({ type: 'returns-preview' }, () => undefined)).overview?.cellCount).toBe(0);
    // One record per master task, in the master's order: the task of master row N is the record at the same place.
    expect(merged.table.records.map((r) => r.task)).toEqual(master.table.records.map((r) => r.task));
    const recordAt = (row: number) => master.table.records.findIndex((r) => row >= r.row && row < r.row + r.rows);
    for (const f of round.filled) {
      const record = merged.table.records[recordAt(f.row)];
      expect({ row: f.row, text: record?.progress ?? '' }).toEqual({ row: f.row, text: expect.stringContaining(f.progress) });
    }
    // 汇总 counts the merged statuses: the same as the CLI's merged sheet (合并后), not the master's as it was.
    expect(merged.summary.byOfficial).toEqual(analyze(book.readSheet('合并后').grid).summary.byOfficial);
    expect(merged.summary.byOfficial).not.toEqual(master.summary.byOfficial);
    // The change log: the repair's own lines and one per filled cell, naming the file it came from.
    const log = XLSX.utils.sheet_to_json<string[]>(XLSX.read(download.bytes, { type: 'array' }).Sheets['整理记录'], { header: 1, defval: '' }).map((row) => row.join(' '));
    for (const file of round.returns) expect(log.some((row) => row.includes(`取自报送：${file.name}`))).toBe(true);
    const mergeLog = XLSX.utils.sheet_to_json<string[]>(XLSX.read(download.bytes, { type: 'array' }).Sheets['合并记录'], { header: 1, defval: '' });
    expect(mergeLog.length - 1).toBe(preview.overview?.cellCount);
    const answers = XLSX.utils.sheet_to_json<string[]>(XLSX.read(download.bytes, { type: 'array' }).Sheets['报送情况'], { header: 1, defval: '' });
    expect(answers.find((row) => row[0] === round.silent)?.[1]).toBe('未报送');
  });

  test('in place: the master\'s sheet takes the merged table and its original goes to a backup; applying again keeps both backups and replaces the rest', async () => {
    const session = await opened(round);
    // The backup keeps the table's text (numbers as the text they show, as 整理's backup does).
    const asText = (values: unknown[][]) => values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
    const original = asText(openWorkbook(round.master.bytes).readSheet(SHEET).grid.values);
    for (const file of round.returns) await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
    const first = await session.handle({ type: 'returns-apply', lang: 'en-US', mode: 'in-place' }, () => undefined);
    expect(first).toMatchObject({ sheet: SHEET, backup: `${SHEET} (backup)` });
    expect(first.sheets.slice(2)).toEqual(['Change log', 'Merged', 'Merge log', 'Returns received', 'Merge findings']);
    let book = openWorkbook((await session.handle({ type: 'returns-download', lang: 'en-US' }, () => undefined)).bytes);
    expect(asText(book.readSheet(`${SHEET} (backup)`).grid.values)).toEqual(original);
    const inPlace = analyze(book.readSheet(SHEET).grid).table.records.map((r) => r.progress).join('\n');
    for (const f of round.filled) expect(inPlace).toContain(f.progress);
    // The page reads the merged sheet again; a second merge (one return fewer) backs up the merged table too.
    await session.handle({ type: 'load', sheet: SHEET }, () => undefined);
    await session.handle({ type: 'returns-remove', file: round.returns[0].name }, () => undefined);
    const second = await session.handle({ type: 'returns-apply', lang: 'en-US', mode: 'in-place' }, () => undefined);
    expect(second.backup).toBe(`${SHEET} (backup)2`);
    const names = second.allSheets.map((s) => s.name);
    expect(names.filter((name) => name.startsWith(SHEET)).sort()).toEqual([SHEET, `${SHEET} (backup)`, `${SHEET} (backup)2`]);
    expect(names).toHaveLength(new Set(names).size);
    expect(names.filter((name) => /^(Change log|Merged|Merge log|Returns received|Merge findings)/.test(name))).toEqual(['Change log', 'Merged', 'Merge log', 'Returns received', 'Merge findings']);
    book = openWorkbook((await session.handle({ type: 'returns-download', lang: 'en-US' }, () => undefined)).bytes);
    expect(asText(book.readSheet(`${SHEET} (backup)`).grid.values)).toEqual(original);
    const answers = book.readSheet('Returns received').grid.values.map((row) => row.map(String).join(' '));
    expect(answers.some((row) => row.includes(round.returns[0].name))).toBe(false);
  });

  test('a second merge into a new sheet takes the places of the first one\'s sheets instead of stacking copies', async () => {
    const session = await opened(round);
    for (const file of round.returns) await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
    const first = await session.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, () => undefined);
    await session.handle({ type: 'load', sheet: SHEET }, () => undefined);
    const removed = await session.handle({ type: 'returns-remove', file: round.returns[0].name }, () => undefined);
    expect(removed.files).toEqual(round.returns.slice(1).map((r) => r.name));
    const second = await session.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, () => undefined);
    expect(second.sheets).toEqual(first.sheets);
    expect(second.allSheets).toEqual(first.allSheets);
    const download = await session.handle({ type: 'returns-download', lang: 'zh-CN' }, () => undefined);
    const log = openWorkbook(download.bytes).readSheet('整理记录').grid.values.flat().map(String).join(' ');
    expect(log).not.toContain(round.returns[0].name);
    expect(log).toContain(round.returns[1].name);
    const cleared = await session.handle({ type: 'returns-remove', file: null }, () => undefined);
    // The workbook the merge went into can still be downloaded.
    expect(cleared).toEqual({ files: [], overview: null, applied: true });
    // The merged workbook opened again next month: the round's own sheets are replaced, the repaired table and its log
    // (which may be the office's own 整理 sheets) are not.
    const again = new Session(view);
    await again.handle({ type: 'open', bytes: download.bytes, fileName: download.fileName, settings: null }, () => undefined);
    await again.handle({ type: 'load', sheet: SHEET }, () => undefined);
    for (const file of round.returns) await again.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
    const third = await again.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, () => undefined);
    expect(third.sheets.slice(2)).toEqual(['合并后', '合并记录', '报送情况', '合并问题']);
    expect(third.allSheets.map((s) => s.name)).toEqual([...first.allSheets.map((s) => s.name), ...third.sheets.slice(0, 2)]);
  });

  test('without a table read, or without returns, applying says what to do first', async () => {
    const session = new Session(view);
    await session.handle({ type: 'open', bytes: round.master.bytes.slice(), fileName: round.master.name, settings: null }, () => undefined);
    await session.handle({ type: 'load', sheet: '说明' }, () => undefined);
    await expect(session.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, () => undefined)).rejects.toMatchObject({ code: 'no-returns' });
    await session.handle({ type: 'returns-read', file: round.returns[0].name, bytes: round.returns[0].bytes.slice() }, () => undefined);
    await expect(session.handle({ type: 'returns-preview' }, () => undefined)).rejects.toMatchObject({ code: 'no-table' });
  });
});

test('a master that is not an .xlsx package (the HTML ".xls" a system exports) is carried into a new .xlsx with the merge', async () => {
  const table = XLSX.read(round.master.bytes, { type: 'array' });
  const only = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(only, table.Sheets[SHEET], SHEET);
  const html = new Uint8Array(XLSX.write(only, { type: 'array', bookType: 'html' }) as ArrayBuffer);
  const session = new Session(view);
  const opened = await session.handle({ type: 'open', bytes: html, fileName: '重点工作（系统导出）.xls', settings: null }, () => undefined);
  expect(opened.format).toBe('html');
  await session.handle({ type: 'load', sheet: opened.sheet }, () => undefined);
  for (const file of round.returns) await session.handle({ type: 'returns-read', file: file.name, bytes: file.bytes.slice() }, () => undefined);
  const applied = await session.handle({ type: 'returns-apply', lang: 'zh-CN', mode: 'new-sheet' }, () => undefined);
  const download = await session.handle({ type: 'returns-download', lang: 'zh-CN' }, () => undefined);
  expect(download.fileName).toBe('重点工作（系统导出）（合并后）.xlsx');
  const book = openWorkbook(download.bytes);
  expect(book.format).toBe('xlsx');
  expect(book.sheets.map((s) => s.name)).toEqual([opened.sheet, ...applied.sheets]);
  // The original table is kept, as values at the same cells.
  const original = openWorkbook(html).readSheet(opened.sheet).grid.values.map((row) => row.map((v) => (v === null ? '' : String(v))));
  const kept = book.readSheet(opened.sheet).grid.values.map((row) => row.map((v) => (v === null ? '' : String(v))));
  expect(kept).toEqual(original);
  const merged = book.readSheet('合并后').grid.values.flat().map(String);
  for (const f of round.filled) expect(merged.some((text) => text.includes(f.progress))).toBe(true);
});

test('发出报送表 in the worker: one return form per unit in a zip, each naming its unit, made from the master the page only counts', async () => {
  const session = await opened(round);
  const stages: Progress[] = [];
  const sent = await session.handle({ type: 'returns-split', period: '2018年1-10月', format: 'xlsx' }, (p) => stages.push(p));
  expect(sent.fileName).toBe('报送-2018年1-10月.zip');
  const entries = unzipSync(sent.bytes);
  const names = Object.keys(entries);
  expect(names).toHaveLength(sent.files);
  expect(sent.units).toBe(sent.files);
  expect(stages.filter((p) => p.stage === 'split').length).toBeGreaterThanOrEqual(sent.units);
  const mine = names.find((name) => name.startsWith('市编办'));
  if (!mine) throw new Error(`no form for 市编办 in ${names.join(', ')}`);
  const form = openWorkbook(entries[mine]);
  expect(form.readSheet(form.sheets[0].name).grid.values.flat().join(' ')).toContain('市编办');
  // The form sent back unfilled is a return that answers nothing: read, kept, nothing merged from it.
  const back = await session.handle({ type: 'returns-read', file: mine, bytes: entries[mine].slice() }, () => undefined);
  expect(back.ok).toBe(true);
  const preview = await session.handle({ type: 'returns-preview' }, () => undefined);
  expect(preview.overview?.returns.find((r) => r.file === mine)).toMatchObject({ unit: '市编办', matched: 0 });
});
