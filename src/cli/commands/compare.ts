import path from 'node:path';
import { changeLabels, compareSheets, compareTables, roundSheetNames, STATUS_CHANGES, taskPlaceLabel, taskPlaces } from '../../core/returns';
import { officialLabel } from '../../core/summary/officialLabel';
import { NO_OFFICIAL } from '../../core/summary/summarize';
import { createWorkbook, writeSheets } from '../../files';
import { nodeZip } from '../nativeZlib';
import { loadConfig } from '../config';
import { EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import type { RoundOptions } from './roundArgs';
import { checkOutput, readTableFile, writeBytes, writeError } from './roundFiles';

const COMPARE_SHEETS = new Set([roundSheetNames.compared, roundSheetNames.changesByOfficial].flatMap((n) => [n['zh-CN'], n['en-US']]).map((n) => n.toLowerCase()));

/**
 * `compare LAST THIS [-o OUT.xlsx] [--json]`: per task the status then and now (newly lagging, still lagging for N
 * periods, recovered, completed), counts per official; OUT.xlsx = THIS workbook plus the comparison sheets.
 */
export async function compareCommand(options: RoundOptions, io: CliIO): Promise<number> {
  const [lastFile, thisFile] = options.files;
  if (options.output !== null) checkOutput(options.output, options.files);
  const config = await loadConfig(options.config);
  const lang = options.lang;
  io.progress?.(`${lang === 'en-US' ? 'Reading' : '正在读取'} ${path.basename(lastFile)}, ${path.basename(thisFile)}…`);
  const [last, current] = await Promise.all([readTableFile(lastFile, options.sheet, options.range, config, io, lang), readTableFile(thisFile, options.sheet, options.range, config, io, lang)]).finally(() =>
    io.progress?.(null),
  );
  const comparison = compareTables(last.analysis, current.analysis, { config });
  if (options.output !== null) {
    const sheets = compareSheets(comparison, lang);
    let bytes: Uint8Array;
    try {
      bytes = current.format === 'xlsx' || current.format === 'xlsm' ? writeSheets(current.bytes, sheets, { replace: (name) => COMPARE_SHEETS.has(name.toLowerCase()) && name !== current.sheet, native: nodeZip }) : createWorkbook(sheets);
    } catch (error) {
      writeError(error, options.output);
    }
    await writeBytes(options.output, bytes);
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ last: lastFile, this: thisFile, ...comparison }, null, 2)}\n`);
    return EXIT_OK;
  }
  const en = lang === 'en-US';
  const counts = STATUS_CHANGES.filter((c) => c !== 'steady').map((c) => `${changeLabels[c][lang]} ${comparison.counts[c]}`);
  io.stdout(
    `${en ? `${comparison.lastPeriod ?? path.basename(lastFile)} → ${comparison.period ?? path.basename(thisFile)}: ` : `${comparison.lastPeriod ?? path.basename(lastFile)} → ${comparison.period ?? path.basename(thisFile)}：`}${counts.join(en ? ', ' : '，')}${options.output ? (en ? `; wrote ${path.basename(options.output)}` : `；已写入 ${path.basename(options.output)}`) : ''}\n`,
  );
  const lagging = comparison.tasks.filter((t) => t.change === 'newly-lagging' || t.change === 'still-lagging');
  const places = taskPlaces(comparison);
  for (const t of lagging.slice(0, 30)) {
    const periods = t.periods ? (en ? ` (${t.periods} periods)` : `（连续 ${t.periods} 期）`) : '';
    // Named as the panes name it: the official (or the summary's word for none) and 第 N 项 / 第 9 部分第 3 项（无序号）.
    const official = officialLabel(t.official ?? NO_OFFICIAL, lang);
    io.stdout(`  ${changeLabels[t.change][lang]}${periods}  ${official} ${taskPlaceLabel(t, places, lang)}${en ? ': ' : '：'}${t.task.split('\n')[0].slice(0, 40)}\n`);
  }
  if (lagging.length > 30) io.stdout(en ? `  ... ${lagging.length - 30} more\n` : `  ……另有 ${lagging.length - 30} 项\n`);
  return EXIT_OK;
}
