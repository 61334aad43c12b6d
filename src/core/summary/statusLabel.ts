import type { Lang } from '../types';
import { MISSING_STATUS, UNKNOWN_STATUS } from './summarize';

/**
 * What the summary calls its two own buckets in each language. Every other status is the user's own word from their
 * settings and is shown as they wrote it, whatever the language.
 */
const pseudoStatusLabels = new Map<string, Record<Lang, string>>([
  [MISSING_STATUS, { 'zh-CN': MISSING_STATUS, 'en-US': 'Not filled in' }],
  [UNKNOWN_STATUS, { 'zh-CN': UNKNOWN_STATUS, 'en-US': 'Not recognized' }],
]);

/**
 * A summary status as a reader sees it: 未填写 (the status cell is empty) and 未识别 (a word that is no known status)
 * in the reader's language, any other status unchanged. The one place every summary view (pane, charts, sheets) asks.
 */
export function statusLabel(status: string, lang: Lang): string {
  return pseudoStatusLabels.get(status)?.[lang] ?? status;
}
