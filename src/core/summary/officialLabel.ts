import type { Lang } from '../types';
import { NO_OFFICIAL } from './summarize';

const noOfficialLabels: Record<Lang, string> = { 'zh-CN': NO_OFFICIAL, 'en-US': 'No official named' };

/**
 * An official of the summary as a reader sees it: the bucket the summary makes of the tasks whose table names no
 * official (未标明分管领导) in the reader's language, any other official's name as the table writes it. The one place
 * every by-official view (pane, charts, sheets) asks, like statusLabel for the statuses.
 */
export function officialLabel(official: string, lang: Lang): string {
  return official === NO_OFFICIAL ? noOfficialLabels[lang] : official;
}
