import { promises as fs } from 'node:fs';
import { ConfigError, parseConfigJson } from '../core';
import type { Config } from '../core';
import { CliError } from './errors';

/** Read --config: a missing file or a bad config is unusable input, reported with the path into the JSON. */
export async function loadConfig(file: string | null): Promise<Config | undefined> {
  if (file === null) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError('config-missing', {
      'zh-CN': `无法读取配置文件 ${file}（${code === 'ENOENT' ? '文件不存在' : code ?? '未知原因'}）`,
      'en-US': `cannot read config file ${file} (${code === 'ENOENT' ? 'no such file' : code ?? 'unknown reason'})`,
    });
  }
  try {
    return parseConfigJson(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const list = (lang: 'zh-CN' | 'en-US') => error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.messages[lang]}` : issue.messages[lang])).join('; ');
    throw new CliError('bad-config', { 'zh-CN': `配置文件 ${file} 有误：${list('zh-CN')}`, 'en-US': `bad config file ${file}: ${list('en-US')}` });
  }
}
