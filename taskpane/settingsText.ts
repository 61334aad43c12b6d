import { parseConfigJson, type Config } from '../src/core';

/** The part of a config the pane lets a clerk edit: status words and the unit directory. */
export function editableSettings(config: Config): { vocabulary: Config['vocabulary']; units: Config['units']; unitPlaceholders: string[] } {
  return { vocabulary: config.vocabulary, units: config.units, unitPlaceholders: config.unitPlaceholders };
}

export function settingsToText(settings: unknown): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

export type SettingsCheck = { ok: true; config: Config; settings: unknown } | { ok: false; error: unknown };

/** Validates settings text the way saving will: JSON first, then the config schema (ConfigError lists paths). */
export function checkSettingsText(text: string): SettingsCheck {
  try {
    const config = parseConfigJson(text);
    return { ok: true, config, settings: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Splits a list typed into one field: Chinese or Latin commas, 顿号, semicolons or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function joinList(items: readonly string[], lang: 'zh-CN' | 'en-US'): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

export interface StatusDraft {
  status: string;
  synonyms: string;
  onSchedule: boolean;
  lagging: boolean;
}

export interface UnitDraft {
  name: string;
  aliases: string;
  person: string;
}

/** Settings as the list editor holds them: lists typed as text, everything else kept as it was. */
export interface ListDraft {
  vocabulary: StatusDraft[];
  units: UnitDraft[];
  rest: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Settings (as stored or typed as JSON) for the list editor; null when they are not an object or their lists are not
 * lists of objects, which only the JSON editor can show faithfully. Missing lists come from `fallback`.
 */
export function settingsToDraft(settings: unknown, fallback: Config, lang: 'zh-CN' | 'en-US'): ListDraft | null {
  if (!isRecord(settings)) return null;
  const { vocabulary = fallback.vocabulary, units = fallback.units, ...rest } = settings;
  if (!Array.isArray(vocabulary) || !vocabulary.every(isRecord)) return null;
  if (!Array.isArray(units) || !units.every(isRecord)) return null;
  return {
    vocabulary: vocabulary.map((entry) => ({
      status: text(entry.status),
      synonyms: joinList(texts(entry.synonyms), lang),
      onSchedule: entry.onSchedule === true,
      lagging: entry.lagging === true,
    })),
    units: units.map((entry) => ({ name: text(entry.name), aliases: joinList(texts(entry.aliases), lang), person: text(entry.person) })),
    rest,
  };
}

/** The settings object a list draft stands for (empty optional fields are left out). */
export function draftToSettings(draft: ListDraft): Record<string, unknown> {
  return {
    ...draft.rest,
    vocabulary: draft.vocabulary.map((entry) => ({
      status: entry.status.trim(),
      synonyms: splitList(entry.synonyms),
      ...(entry.onSchedule ? { onSchedule: true } : {}),
      ...(entry.lagging ? { lagging: true } : {}),
    })),
    units: draft.units.map((entry) => ({
      name: entry.name.trim(),
      ...(splitList(entry.aliases).length > 0 ? { aliases: splitList(entry.aliases) } : {}),
      ...(entry.person.trim() ? { person: entry.person.trim() } : {}),
    })),
  };
}
