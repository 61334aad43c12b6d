import { promises as fs } from 'node:fs';
import path from 'node:path';
import { splitRoundFiles } from '../../files/round/splitRound';
import { loadConfig } from '../config';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import type { RoundOptions } from './roundArgs';
import { readTableFile, writeBytes, writeError } from './roundFiles';

/**
 * `split MASTER -o DIR [--format xlsx|docx|both]`: for every 责任单位 its workbook (lead tasks first, last period's
 * progress for reference, the status a drop-down and every other cell locked, no password), its Word form (the same
 * rows, the status a drop-down content control), or both; named after the unit.
 */
export async function splitCommand(options: RoundOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const dir = options.output ?? '';
  const en = options.lang === 'en-US';
  const config = await loadConfig(options.config);
  io.progress?.(`${en ? 'Reading' : '正在读取'} ${path.basename(file)}…`);
  const master = await readTableFile(file, options.sheet, options.range, config, io, options.lang).finally(() => io.progress?.(null));
  let made;
  try {
    made = await splitRoundFiles(master.analysis, {
      config,
      period: options.period,
      format: options.format,
      onProgress: (done, total, unit) => io.progress?.(`${en ? 'Making' : '正在生成'} ${done + 1}/${total} ${unit}…`),
    });
  } catch (error) {
    io.progress?.(null);
    writeError(error, file);
  }
  io.progress?.(null);
  const { plan, files } = made;
  if (plan.units.length === 0) {
    throw new CliError('no-units', { 'zh-CN': `${path.basename(file)} 中没有可分发的责任单位`, 'en-US': `${path.basename(file)} names no unit to send tasks to` });
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError('write-failed', { 'zh-CN': `无法创建文件夹 ${dir}（${code}）`, 'en-US': `cannot create folder ${dir} (${code})` });
  }
  for (const [i, out] of files.entries()) {
    io.progress?.(`${en ? 'Writing' : '正在写入'} ${i + 1}/${files.length} ${out.name}…`);
    // The name is the unit's, made safe by planSplit (no separators): it stays inside the folder given with -o.
    await writeBytes(path.join(dir, out.name), out.bytes).catch((error: unknown) => {
      io.progress?.(null);
      throw error;
    });
  }
  io.progress?.(null);
  const leads = plan.units.reduce((n, u) => n + u.leads.length, 0);
  const kind = { xlsx: en ? 'workbooks' : '报送表', docx: en ? 'Word forms' : ' Word 报送表', both: en ? 'workbooks and Word forms' : '报送表（Excel 和 Word 各一份）' }[options.format];
  io.stdout(
    en
      ? `Wrote ${kind} for ${plan.units.length} units (${files.length} files) to ${dir} (period ${plan.period ?? 'not named'}; ${leads} lead tasks).\n`
      : `已在 ${dir} 写出 ${plan.units.length} 个单位的${kind}（${files.length} 个文件；${plan.period ?? '未注明期别'}；牵头任务共 ${leads} 项）。\n`,
  );
  if (plan.unassigned.length > 0) {
    io.stdout(
      en
        ? `  ${plan.unassigned.length} tasks name no unit that can answer (rows ${plan.unassigned.map((t) => t.row).join(', ')}): sent to nobody.\n`
        : `  有 ${plan.unassigned.length} 项任务没有可报送的责任单位（第 ${plan.unassigned.map((t) => t.row).join('、')} 行），未分发。\n`,
    );
  }
  for (const unit of plan.units) {
    const names = files.filter((f) => f.unit === unit.unit).map((f) => f.name).join(en ? ', ' : '、');
    io.stdout(en ? `  ${names}: ${unit.leads.length} lead, ${unit.shares.length} shared\n` : `  ${names}：牵头 ${unit.leads.length} 项，配合 ${unit.shares.length} 项\n`);
  }
  return EXIT_OK;
}
