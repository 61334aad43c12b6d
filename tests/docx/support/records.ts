/** What "the same records" means between two analyses: what a reviewer reads off each task. */
import { analyze, defaultConfig, type Analysis, type Grid } from '../../../src/core';

export function run(grid: Grid): Analysis {
  return analyze(grid, { config: defaultConfig() });
}

const lines = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

/** ▲ is how the export marks a lagging task; the record underneath is the same. */
const unmarked = (text: string): string => text.replace(/^[\s\u3000]*[▲△]\s*/, '');

export interface RecordKey {
  section: number | null;
  official: string | null;
  number: string;
  task: string;
  plan: string;
  units: string[];
  persons: string[];
  status: string | null;
  progress: string;
  subItems: Array<{ text: string; units: string[]; persons: string[]; status: string | null }>;
}

export function recordKeys(analysis: Analysis, options: { ignoreMarks?: boolean } = {}): RecordKey[] {
  const progress = (text: string) => lines(options.ignoreMarks ? unmarked(text) : text);
  return analysis.table.records.map((r) => ({
    section: r.section,
    official: r.official,
    number: r.number,
    task: r.task,
    plan: lines(r.plan),
    units: r.units,
    persons: r.persons,
    status: r.status,
    progress: progress(r.progress),
    subItems: (r.subItems ?? []).map((s) => ({ text: s.text, units: s.units, persons: s.persons, status: s.status })),
  }));
}
