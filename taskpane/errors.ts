import type { Lang } from '../src/core/types';
import type { MessageKey, Translate } from './i18n';

/** What a MessageBar shows for an error: a title line and detail lines. */
export interface ErrorText {
  title: string;
  lines: string[];
}

function bilingualMessages(error: unknown): Record<Lang, string> | null {
  if (typeof error !== 'object' || error === null || !('messages' in error)) return null;
  const messages = (error as { messages: unknown }).messages;
  if (typeof messages !== 'object' || messages === null) return null;
  const zh = (messages as Record<string, unknown>)['zh-CN'];
  const en = (messages as Record<string, unknown>)['en-US'];
  return typeof zh === 'string' && typeof en === 'string' ? { 'zh-CN': zh, 'en-US': en } : null;
}

interface Issue {
  path: string;
  message: string;
  messages?: Partial<Record<Lang, string>>;
}

function configIssues(error: unknown): Issue[] | null {
  if (typeof error !== 'object' || error === null || !('issues' in error)) return null;
  const issues = (error as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return null;
  return issues.filter(
    (issue): issue is Issue => typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}

/** The settings' own names for the JSON fields the settings view edits (the rest are shown as written in the JSON). */
const SETTINGS_FIELDS: Record<string, MessageKey> = {
  vocabulary: 'settings.vocabulary',
  units: 'settings.units',
  status: 'settings.status',
  synonyms: 'settings.synonyms',
  onSchedule: 'settings.onSchedule',
  lagging: 'settings.lagging',
  name: 'settings.unitName',
  aliases: 'settings.aliases',
  person: 'settings.person',
};

/** "vocabulary.1.synonyms" → "状态词 第 2 项 同义写法…": where a problem is, in the words the settings view shows. */
function settingsPlace(path: string, t: Translate): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? t('error.configEntry', { n: Number(part) + 1 }) : SETTINGS_FIELDS[part] ? t(SETTINGS_FIELDS[part]) : part))
    .join(' ');
}

/**
 * Words for an error. HostError and UnusableInputError carry their own zh-CN/en-US messages; a ConfigError lists
 * where in the settings each problem is. Anything else is unexpected and says so with its own message.
 */
export function describeError(error: unknown, lang: Lang, t: Translate): ErrorText {
  const messages = bilingualMessages(error);
  if (messages) return { title: messages[lang], lines: [] };
  const issues = configIssues(error);
  if (issues) {
    return {
      title: t('error.config', { count: issues.length }),
      lines: issues.map((issue) => {
        const text = issue.messages?.[lang] ?? issue.message;
        return issue.path ? `${settingsPlace(issue.path, t)}${lang === 'zh-CN' ? '：' : ': '}${text}` : text;
      }),
    };
  }
  // The program's own message is English and technical: an en-US reader gets it as a detail line for support, a
  // zh-CN clerk only the plain sentence.
  const message = error instanceof Error ? error.message : String(error);
  return { title: t('error.title'), lines: lang === 'en-US' ? [t('error.unknown'), message] : [t('error.unknown')] };
}
