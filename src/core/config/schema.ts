import { z } from 'zod';
import { defaultConfigInput } from './defaults';
import type { Lang } from '../types';

const severity = z.enum(['error', 'warning', 'info', 'off']);

export const statusEntrySchema = z.object({
  /** The canonical status word, e.g. 按进度完成. */
  status: z.string().min(1),
  /** Other ways people write it (without ▲ and trailing 。). */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Counts as on schedule in the summary's share. */
  onSchedule: z.boolean().default(false),
  /** Listed in the 滞后事项清单. */
  lagging: z.boolean().default(false),
});

export const unitEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The person usually named for this unit, when the office keeps one. */
  person: z.string().optional(),
});

export const fieldSchema = z.enum(['number', 'task', 'subItem', 'plan', 'units', 'coUnits', 'persons', 'progress', 'remark', 'official', 'status', 'deadline']);

export const configSchema = z
  .object({
    /** Status words, least advanced first: a task with sub-items takes the first one any sub-item has. */
    vocabulary: z.array(statusEntrySchema).min(1),
    /** Status words that mean the task is finished: a passed 完成时限 does not make such a task overdue. */
    doneStatuses: z.array(z.string().min(1)).default([]),
    units: z.array(unitEntrySchema).default([]),
    /** Unit-list entries that are placeholders, not units (各市（区）政府 is a unit; 成员单位 is not checked). */
    unitPlaceholders: z.array(z.string()).default([]),
    /** Per field; a field a config leaves out keeps the default words (an older config still reads new columns). */
    headerSynonyms: z.partialRecord(fieldSchema, z.array(z.string().min(1))),
    severities: z.record(z.string(), severity).default({}),
    /** What `fix` writes besides structure repairs. */
    fix: z
      .object({
        canonicalUnits: z.boolean().default(true),
        trimPersons: z.boolean().default(true),
        addOfficialColumn: z.boolean().default(true),
        addStatusColumn: z.boolean().default(true),
      })
      .prefault({}),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Map<string, string>();
    for (const entry of cfg.vocabulary) {
      for (const word of [entry.status, ...entry.synonyms]) {
        const owner = seen.get(word);
        if (owner !== undefined && owner !== entry.status) {
          ctx.addIssue({
            code: 'custom',
            message: `status word "${word}" belongs to both "${owner}" and "${entry.status}"`,
            params: { zh: `状态用语“${word}”同时属于“${owner}”和“${entry.status}”` },
            path: ['vocabulary'],
          });
        }
        seen.set(word, entry.status);
      }
    }
    const names = new Map<string, string>();
    cfg.units.forEach((unit, i) => {
      for (const word of [unit.name, ...unit.aliases]) {
        const owner = names.get(word);
        if (owner !== undefined && owner !== unit.name) {
          ctx.addIssue({
            code: 'custom',
            message: `unit name "${word}" belongs to both "${owner}" and "${unit.name}"`,
            params: { zh: `单位名称“${word}”同时属于“${owner}”和“${unit.name}”` },
            path: ['units', i],
          });
        }
        names.set(word, unit.name);
      }
    });
  });

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type StatusEntry = z.output<typeof statusEntrySchema>;
export type UnitEntry = z.output<typeof unitEntrySchema>;

export interface ConfigIssue {
  /** Dotted path into the JSON, '' for the whole document. */
  path: string;
  /** In English, for logs and scripts. */
  message: string;
  messages: Record<Lang, string>;
}

/** A config problem, with the path into the JSON where it is and what is wrong, in both languages. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

function issue(path: string, en: string, zh: string): ConfigIssue {
  return { path, message: en, messages: { 'zh-CN': zh, 'en-US': en } };
}

const chinese = z.locales.zhCN();

/** Parse a config. Missing top-level parts take the defaults learned from the seeds. */
export function parseConfig(input: unknown): Config {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError([issue('', 'a configuration must be a JSON object', '配置必须是一个 JSON 对象')]);
  }
  const given = input as Record<string, unknown>;
  const merged = { ...defaultConfigInput, ...given };
  const synonyms = given.headerSynonyms;
  if (typeof synonyms === 'object' && synonyms !== null && !Array.isArray(synonyms)) merged.headerSynonyms = { ...defaultConfigInput.headerSynonyms, ...(synonyms as Record<string, string[]>) };
  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  // The same check again with Chinese messages: the issues come in the same order.
  const inChinese = configSchema.safeParse(merged, { error: chinese.localeError });
  const zhIssues = inChinese.success ? [] : inChinese.error.issues;
  throw new ConfigError(
    result.error.issues.map((found, i) => {
      const custom = found.code === 'custom' ? (found.params as { zh?: unknown } | undefined)?.zh : undefined;
      return issue(found.path.join('.'), found.message, typeof custom === 'string' ? custom : (zhIssues[i]?.message ?? found.message));
    }),
  );
}

/** Parse a config from JSON text, with a clear error for bad JSON. */
export function parseConfigJson(text: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ConfigError([issue('', `not valid JSON (${reason})`, `不是有效的 JSON（${reason}）`)]);
  }
  return parseConfig(data);
}

let cachedDefault: Config | null = null;
export function defaultConfig(): Config {
  cachedDefault ??= configSchema.parse(defaultConfigInput);
  return cachedDefault;
}
