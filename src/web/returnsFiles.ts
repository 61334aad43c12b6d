/** The name of the merged workbook the page offers: 表格.xlsx → 表格（合并后）.xlsx, as the page names its other results. */
import type { Lang } from '../core/types';
import { baseName } from './fileNames';

const LABEL: Record<Lang, string> = { 'zh-CN': '合并后', 'en-US': 'merged' };

/** A macro-enabled master keeps its macros only in its own package: written back as .xlsm. */
export function mergedFileName(inputName: string, macroEnabled: boolean, lang: Lang): string {
  const tag = lang === 'zh-CN' ? `（${LABEL[lang]}）` : ` (${LABEL[lang]})`;
  return `${baseName(inputName)}${tag}.${macroEnabled ? 'xlsm' : 'xlsx'}`;
}
