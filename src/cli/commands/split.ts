import { promises as fs } from 'node:fs';
import path from 'node:path';
import { planSplit } from '../../core/returns';
import { createWorkbook } from '../../files';
import { loadConfig } from '../config';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import type { RoundOptions } from './roundArgs';
import { readTableFile, writeBytes, writeError } from './roundFiles';

/**
 * `split MASTER -o DIR`: one workbook per 责任单位, its lead tasks first, last period's progress for reference, the
 * status a drop-down and every other cell locked (no password), named after the unit.
 */
export async function splitCommand(options: RoundOptions, io: CliIO): Promise<number> {
  const [file] = options.files;
  const dir = options.output ?? '';
  const config = await loadConfig(options.config);
  io.progress?.(`${options.lang === 'en-US' ? 'Reading' : '正在读取'} ${path.basename(file)}…`);
  const master = await readTableFile(file, options.sheet, options.range, config, io, options.lang).finally(() => io.progress?.(null));
  const plan = planSplit(master.analysis, { config, period: options.period });
  if (plan.units.length === 0) {
    throw new CliError('no-units', { 'zh-CN': `${path.basename(file)} 中没有可分发的责任单位`, 'en-US': `${path.basename(file)} names no unit to send tasks to` });
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError('write-failed', { 'zh-CN': `无法创建文件夹 ${dir}（${code}）`, 'en-US': `cannot create folder ${dir} (${code})` });
  }
  for (const [i, unit] of plan.units.entries()) {
    io.progress?.(`${options.lang === 'en-US' ? 'Writing' : '正在写入'} ${i + 1}/${plan.units.length} ${unit.fileName}…`);
    let bytes: Uint8Array;
    try {
      bytes = createWorkbook([unit.sheet]);
    } catch (error) {
      io.progress?.(null);
      writeError(error, unit.fileName);
    }
    await writeBytes(path.join(dir, unit.fileName), bytes).catch((error: unknown) => {
      io.progress?.(null);
      throw error;
    });
  }
  io.progress?.(null);
  const leads = plan.units.reduce((n, u) => n + u.leads.length, 0);
  io.stdout(
    options.lang === 'en-US'
      ? `Wrote ${plan.units.length} workbooks to ${dir} (period ${plan.period ?? 'not named'}; ${leads} lead tasks).\n`
      : `已在 ${dir} 写出 ${plan.units.length} 个单位的报送表（${plan.period ?? '未注明期别'}；牵头任务共 ${leads} 项）。\n`,
  );
  for (const unit of plan.units) {
    io.stdout(options.lang === 'en-US' ? `  ${unit.fileName}: ${unit.leads.length} lead, ${unit.shares.length} shared\n` : `  ${unit.fileName}：牵头 ${unit.leads.length} 项，配合 ${unit.shares.length} 项\n`);
  }
  return EXIT_OK;
}
