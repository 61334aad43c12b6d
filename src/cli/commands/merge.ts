import path from 'node:path';
import { matchReturns, mergeSheets, roundSheetNames, type MergePlan, type ReturnInput, type RoundFinding } from '../../core/returns';
import type { Lang, Severity } from '../../core/types';
import { createWorkbook, writeSheets } from '../../files';
import { nodeZip } from '../nativeZlib';
import { loadConfig } from '../config';
import { CliError, isCliError, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from '../errors';
import type { CliIO } from '../io';
import { FINDINGS_SHOWN_PER_RULE } from '../report/readable';
import type { RoundOptions } from './roundArgs';
import { checkOutput, readTableFile, returnFiles, writeBytes, writeError } from './roundFiles';

/** Sheets an earlier merge added (either language): replaced in place when the merged master is merged again. */
const ROUND_SHEETS = new Set(Object.values(roundSheetNames).flatMap((n) => [n['zh-CN'], n['en-US']]).map((n) => n.toLowerCase()));

/**
 * `merge MASTER RETURN… -o OUT.xlsx`: every return read with the engine, placed on the master's tasks by text and
 * number, OUT.xlsx = the master's workbook with the merged table, the merge log, who answered and the findings
 * added (the original sheet untouched). A return that cannot be read is reported and the others are merged.
 */
export async function mergeCommand(options: RoundOptions, io: CliIO): Promise<number> {
  const [masterFile, ...rest] = options.files;
  const output = options.output ?? '';
  checkOutput(output, options.files);
  const config = await loadConfig(options.config);
  const lang = options.lang;
  const say = (zh: string, en: string) => io.progress?.(lang === 'en-US' ? en : zh);
  say(`正在读取 ${path.basename(masterFile)}…`, `Reading ${path.basename(masterFile)}…`);
  const master = await readTableFile(masterFile, options.sheet, options.range, config, io, lang).finally(() => io.progress?.(null));
  const files = await returnFiles(rest, [masterFile, output]);
  if (files.length === 0) throw new CliError('no-returns', { 'zh-CN': '没有找到报送文件', 'en-US': 'no return files found' }, true);
  const returns: ReturnInput[] = [];
  const failed: Array<{ file: string; message: string }> = [];
  for (const [i, file] of files.entries()) {
    say(`正在读取报送 ${i + 1}/${files.length} ${path.basename(file)}…`, `Reading return ${i + 1}/${files.length} ${path.basename(file)}…`);
    try {
      const table = await readTableFile(file, null, null, config, io, lang);
      returns.push({ file: path.basename(file), analysis: table.analysis });
    } catch (error) {
      if (!isCliError(error)) throw error;
      failed.push({ file, message: error.messages[lang] });
    }
  }
  if (returns.length === 0) {
    io.progress?.(null);
    for (const f of failed) io.stderr(`report-tables: ${f.message}\n`);
    throw new CliError('no-returns', { 'zh-CN': '没有一份报送可以读取，未写出任何文件', 'en-US': 'none of the returns could be read; nothing was written' });
  }
  say('正在合并…', 'Merging…');
  const plan = matchReturns(master.analysis, returns, { config });
  const sheets = mergeSheets(plan, lang);
  let bytes: Uint8Array;
  try {
    // A master in the ".xls" formats cannot take new sheets in place: the output then holds the round's sheets only.
    bytes = master.format === 'xlsx' || master.format === 'xlsm' ? writeSheets(master.bytes, sheets, { replace: (name) => ROUND_SHEETS.has(name.toLowerCase()) && name !== master.sheet, native: nodeZip }) : createWorkbook(sheets);
  } catch (error) {
    io.progress?.(null);
    writeError(error, output);
  }
  await writeBytes(output, bytes).finally(() => io.progress?.(null));
  for (const f of failed) io.stderr(`report-tables: ${f.message}\n`);
  if (options.json) io.stdout(`${JSON.stringify(mergeDocument(masterFile, output, plan, failed, lang), null, 2)}\n`);
  else io.stdout(`${mergeReport(masterFile, output, plan, lang)}\n`);
  if (failed.length > 0) return EXIT_UNUSABLE;
  return plan.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function mergeDocument(master: string, output: string, plan: MergePlan, failed: Array<{ file: string; message: string }>, lang: Lang) {
  return {
    master,
    output,
    period: plan.period,
    returns: plan.returns,
    unreadable: failed,
    units: plan.units,
    cells: plan.cells,
    findings: plan.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, row: f.row, cell: f.cell, number: f.number, message: f.messages[lang], value: f.value, suggestion: f.suggestion })),
  };
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The readable report: what was merged, who is silent, then the findings grouped by rule as `check` prints them. */
export function mergeReport(master: string, output: string, plan: MergePlan, lang: Lang): string {
  const en = lang === 'en-US';
  const answered = plan.units.filter((u) => u.files.length > 0).length;
  const silent = plan.units.filter((u) => u.files.length === 0).map((u) => u.unit);
  const lines = [
    en
      ? `Merged ${plan.returns.length} returns into ${path.basename(master)} → ${path.basename(output)}: ${plan.cells.length} cells filled; ${answered} of ${plan.units.length} units answered.`
      : `已将 ${plan.returns.length} 份报送合并到 ${path.basename(master)} → ${path.basename(output)}：填入 ${plan.cells.length} 个单元格；${plan.units.length} 个单位中 ${answered} 个已报送。`,
  ];
  if (silent.length > 0) lines.push(en ? `No return from: ${silent.join(', ')}` : `未报送：${silent.join('、')}`);
  lines.push('');
  lines.push(...findingLines(plan.findings, lang));
  return lines.join('\n');
}

export function findingLines(findings: RoundFinding[], lang: Lang): string[] {
  const en = lang === 'en-US';
  if (findings.length === 0) return [en ? 'No findings.' : '未发现问题。'];
  const groups = new Map<string, RoundFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  const severityText: Record<Severity, string> = en ? { error: 'error', warning: 'warning', info: 'info' } : { error: '错误', warning: '警告', info: '提示' };
  const lines = [en ? 'Findings:' : '发现的问题：'];
  const sorted = [...groups.values()].sort((a, b) => severityOrder[a[0].severity] - severityOrder[b[0].severity]);
  for (const group of sorted) {
    lines.push(en ? `  [${severityText[group[0].severity]}] ${group[0].rule} (${group.length})` : `  [${severityText[group[0].severity]}] ${group[0].rule}（${group.length} 处）`);
    for (const f of group.slice(0, FINDINGS_SHOWN_PER_RULE)) {
      const where = `${f.file ?? (en ? 'master' : '总表')}!${f.cell ?? (en ? `row ${f.row}` : `第 ${f.row} 行`)}`;
      lines.push(`    ${where}  ${f.messages[lang]}`);
    }
    const more = group.length - FINDINGS_SHOWN_PER_RULE;
    if (more > 0) lines.push(en ? `    ... ${more} more, see --json for all` : `    ……另有 ${more} 处，用 --json 查看全部`);
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(en ? `Total: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos.` : `合计：错误 ${count('error')} 处，警告 ${count('warning')} 处，提示 ${count('info')} 处。`);
  return lines;
}
