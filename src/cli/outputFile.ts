import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CliError } from './errors';

/** Refuse to write over the input: the original workbook is the clerk's only copy. */
export async function checkOutputPath(input: string, output: string): Promise<void> {
  const same = path.resolve(input) === path.resolve(output) || (await sameFile(input, output));
  if (same) {
    throw new CliError('overwrite-input', {
      'zh-CN': `输出文件不能是输入文件本身（${output}）：请用 -o 指定另一个文件名`,
      'en-US': `the output must not be the input file (${output}): give another name with -o`,
    });
  }
  if (!/\.xls[xm]$/i.test(output)) {
    throw new CliError('output-not-xlsx', { 'zh-CN': `输出文件须以 .xlsx 结尾：${output}`, 'en-US': `the output file must end in .xlsx: ${output}` });
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** What a clerk can do about a failed write, by the system's reason. */
function writeFailure(output: string, code: string | undefined): CliError {
  const folder = path.dirname(path.resolve(output));
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new CliError('write-folder-missing', {
        'zh-CN': `无法写入 ${output}：文件夹 ${folder} 不存在，请先创建它或换一个位置`,
        'en-US': `cannot write ${output}: the folder ${folder} does not exist; create it or choose another place`,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliError('write-permission', {
        'zh-CN': `无法写入 ${output}：没有写入 ${folder} 的权限，或文件正被其他程序（如 Excel）打开；请关闭它或换一个位置`,
        'en-US': `cannot write ${output}: no permission to write in ${folder}, or the file is open in another program (such as Excel); close it or choose another place`,
      });
    case 'ENOSPC':
    case 'EDQUOT':
      return new CliError('write-disk-full', {
        'zh-CN': `无法写入 ${output}：磁盘空间不足，请清理空间或换一个位置`,
        'en-US': `cannot write ${output}: the disk is full; free some space or choose another place`,
      });
    case 'EISDIR':
      return new CliError('write-is-folder', {
        'zh-CN': `无法写入 ${output}：这是一个文件夹，请给出文件名`,
        'en-US': `cannot write ${output}: it is a folder; give a file name`,
      });
    default:
      return new CliError('write-failed', {
        'zh-CN': `无法写入 ${output}：请检查该位置是否可写，或换一个位置`,
        'en-US': `cannot write ${output}: check that the place is writable, or choose another place`,
      });
  }
}

/** Write next to the target and rename: a reader never sees half a file; a failure leaves nothing behind. */
export async function writeOutput(output: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, output);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(output, (error as NodeJS.ErrnoException).code);
  }
}
