import type { Config } from '../config/schema';
import { splitList, type ListPart } from './lists';

export type UnitKind = 'known' | 'alias' | 'placeholder' | 'unknown';

/** The unit directory as lookups: every written form to its canonical name. */
export interface UnitDirectory {
  /** parseUnits results by cell text: the same unit cells recur all over a table. Read-only to callers. */
  parsed: Map<string, readonly UnitPart[]>;
  canonical: Map<string, string>;
  aliases: Map<string, string>;
  placeholders: string[];
  names: string[];
}

const directories = new WeakMap<Config, UnitDirectory>();

/** The directory for a config, built once and shared by reading, checking and planning. */
export function unitDirectory(config: Config): UnitDirectory {
  let dir = directories.get(config);
  if (!dir) {
    dir = buildDirectory(config);
    directories.set(config, dir);
  }
  return dir;
}

function buildDirectory(config: Config): UnitDirectory {
  const canonical = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const unit of config.units) {
    canonical.set(unit.name, unit.name);
    for (const alias of unit.aliases) aliases.set(alias, unit.name);
  }
  return { parsed: new Map(), canonical, aliases, placeholders: config.unitPlaceholders, names: config.units.map((u) => u.name) };
}

/** 成员单位, 有关部门 … are stand-ins for a group of units, not names to check against the directory. */
export function isPlaceholder(name: string, dir: UnitDirectory): boolean {
  // Memoised per directory: the person rules ask it of every unit of every entry, and a table names few units.
  let known = placeholderNames.get(dir);
  if (!known) {
    known = new Map();
    placeholderNames.set(dir, known);
  }
  let placeholder = known.get(name);
  if (placeholder === undefined) {
    if (known.size > 100_000) known.clear();
    placeholder = dir.placeholders.some((p) => name === p || name.endsWith(p)) || /^各/.test(name);
    known.set(name, placeholder);
  }
  return placeholder;
}

const placeholderNames = new WeakMap<UnitDirectory, Map<string, boolean>>();

export function classifyUnit(name: string, dir: UnitDirectory): UnitKind {
  if (dir.canonical.has(name)) return 'known';
  if (dir.aliases.has(name)) return 'alias';
  if (isPlaceholder(name, dir)) return 'placeholder';
  return 'unknown';
}

export interface UnitPart extends ListPart {
  /** The written parts this entry was rejoined from, when a wrapped name was put back together. */
  joinedFrom?: string[];
  /** The canonical name for an alias. */
  canonical?: string;
}

/**
 * Split a 责任单位 cell into units and rejoin names that a narrow column wrapped onto two lines
 * ("区政务服务" / "数据管理局"): only when the directory knows the joined name and not the parts, or the joined
 * name is a placeholder group (…领导小组 / 成员单位).
 */
export function parseUnits(text: string, dir: UnitDirectory): readonly UnitPart[] {
  const cached = dir.parsed.get(text);
  if (cached) return cached;
  const parts = parseUnitsUncached(text, dir);
  dir.parsed.set(text, parts);
  return parts;
}

function parseUnitsUncached(text: string, dir: UnitDirectory): UnitPart[] {
  const parts: UnitPart[] = splitList(text).map((part) => {
    // A line break inside brackets is a wrapped name: 市农业局（ / 市委农办）.
    if (!part.text.includes('\n')) return part;
    const lines = part.text.split('\n').map((l) => l.trim());
    return { text: lines.join(''), separator: part.separator, joinedFrom: lines };
  });
  // First names the directory knows, then placeholder groups (…领导小组 / 成员单位); right to left within each pass,
  // so a name wrapped over three lines joins up.
  joinWrapped(parts, (a, b) => {
    const joinedKind = classifyUnit(a.text + b.text, dir);
    const kindB = classifyUnit(b.text, dir);
    return (joinedKind === 'known' || joinedKind === 'alias') && kindB !== 'known' && kindB !== 'alias';
  }, dir);
  joinWrapped(parts, (a, b) => {
    const kindA = classifyUnit(a.text, dir);
    const kindB = classifyUnit(b.text, dir);
    return (
      classifyUnit(a.text + b.text, dir) === 'placeholder' &&
      kindA !== 'placeholder' &&
      !/^各/.test(b.text) &&
      (kindB === 'placeholder' || kindB === 'unknown') &&
      (b.joinedFrom === undefined || kindB === 'placeholder')
    );
  }, dir);
  for (const part of parts) {
    const canonical = dir.aliases.get(part.text);
    if (canonical !== undefined) part.canonical = canonical;
  }
  return parts;
}

function joinWrapped(parts: UnitPart[], shouldJoin: (a: UnitPart, b: UnitPart) => boolean, dir: UnitDirectory): void {
  for (let i = parts.length - 2; i >= 0; i--) {
    const a = parts[i];
    const b = parts[i + 1];
    if (!a.separator.includes('\n')) continue;
    const kindA = classifyUnit(a.text, dir);
    if (kindA === 'known' || kindA === 'alias') continue;
    if (!shouldJoin(a, b)) continue;
    parts.splice(i, 2, {
      text: a.text + b.text,
      separator: b.separator,
      joinedFrom: [...(a.joinedFrom ?? [a.text]), ...(b.joinedFrom ?? [b.text])],
    });
  }
}

const PERSON_TAILS = ['负责人', '主要负责人'];

const parsedPersons = new Map<string, readonly ListPart[]>();

/** Split a 责任人 cell; "成员单位" / "负责人" wrapped over two lines is one entry. Read-only result, memoized. */
export function parsePersons(text: string): readonly ListPart[] {
  let parts = parsedPersons.get(text);
  if (!parts) {
    // Bounded: the same few hundred people recur; a huge table of distinct cells must not grow this forever.
    if (parsedPersons.size > 100_000) parsedPersons.clear();
    parts = parsePersonsUncached(text);
    parsedPersons.set(text, parts);
  }
  return parts;
}

function parsePersonsUncached(text: string): ListPart[] {
  const parts = splitList(text);
  for (let i = parts.length - 2; i >= 0; i--) {
    const b = parts[i + 1];
    if (!parts[i].separator.includes('\n')) continue;
    if (PERSON_TAILS.includes(b.text) || (/(单位|部门|小组)$/.test(parts[i].text) && /负责人$/.test(b.text))) {
      parts.splice(i, 2, { text: parts[i].text + b.text, separator: b.separator });
    }
  }
  return parts;
}

/** A 责任人 entry that names a role ("各市（区）长", "成员单位负责人"), not one person. */
export function isRolePerson(name: string): boolean {
  let role = rolePersons.get(name);
  if (role === undefined) {
    if (rolePersons.size > 100_000) rolePersons.clear();
    role = /(负责人|[市区县镇]长|^各)/.test(name) || name.length > 6;
    rolePersons.set(name, role);
  }
  return role;
}

/** Memoised: the person rules ask it of every person of every entry, and a table names the same people again and again. */
const rolePersons = new Map<string, boolean>();
