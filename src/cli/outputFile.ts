import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CliError } from './errors';
import { XlsxPackage } from './xlsx/xlsxPackage';

/** Refuse to write over the input: the original workbook is the clerk's only copy. */
export async function checkOutputPath(input: string, output: string): Promise<void> {
  const same = path.resolve(input) === path.resolve(output) || (await sameFile(input, output));
  if (same) {
    throw new CliError('overwrite-input', {
      'zh-CN': `输出文件不能是输入文件本身（${output}）：请用 -o 指定另一个文件名`,
      'en-US': `the output must not be the input file (${output}): give another name with -o`,
    });
  }
  if (!/\.xlsx$/i.test(output)) {
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

/** Write next to the target and rename; a failure is a CliError and leaves nothing behind. */
export async function writeOutput(output: string, bytes: Buffer): Promise<void> {
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, output);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new CliError('write-failed', { 'zh-CN': `无法写入 ${output}（${code}）`, 'en-US': `cannot write ${output} (${code})` });
  }
}

/** The input package, to add sheets to; one that cannot be copied part by part (zip64, missing parts) is unusable input. */
export async function openOutputPackage(bytes: Buffer, file: string): Promise<XlsxPackage> {
  try {
    const pkg = await XlsxPackage.open(bytes);
    await pkg.asPlainWorkbook();
    return pkg;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('unsupported-package', {
      'zh-CN': `无法在 ${path.basename(file)} 中添加工作表（${reason}）：请在 Excel 中另存为 .xlsx 后再试`,
      'en-US': `cannot add sheets to ${path.basename(file)} (${reason}): save it again as .xlsx in Excel and try again`,
    });
  }
}
