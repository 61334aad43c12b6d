import { defaultConfig, type Config } from './config/schema';
import { buildPlan } from './plan/buildPlan';
import { validate } from './rules';
import { summarize } from './summary/summarize';
import { readTable } from './table/readTable';
import type { Analysis, Grid, RepairPlan } from './types';

export type Progress = { stage: 'read' | 'validate' | 'plan' | 'summarize' | 'done'; done: number; total: number };

export interface AnalyzeOptions {
  config?: Config;
  /** YYYY-MM-DD, given by the caller (the engine never reads the clock): deadlines before it without 已完成 are overdue. */
  today?: string | null;
  /** The official the sheet's name gives, for tables that name none themselves (see analyzeWorkbook). */
  sheetOfficial?: string | null;
  onProgress?: (progress: Progress) => void;
  /** 'lazy': build the repair plan only when `plan` is first read (check and summarize never read it). */
  plan?: 'now' | 'lazy';
}

/** readTable → validate → buildPlan → summarize, in one call. */
export function analyze(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const report = options.onProgress ?? (() => undefined);
  report({ stage: 'read', done: 0, total: 4 });
  const table = readTable(grid, config, { today: options.today ?? null, sheetOfficial: options.sheetOfficial ?? null });
  report({ stage: 'validate', done: 1, total: 4 });
  const findings = validate(table, config);
  report({ stage: 'plan', done: 2, total: 4 });
  const mergesRemoved = grid.merges.length;
  const buildRepairPlan = (): RepairPlan => {
    const plan = buildPlan(table, config);
    plan.mergesRemoved = mergesRemoved;
    return plan;
  };
  const plan = options.plan === 'lazy' ? null : buildRepairPlan();
  report({ stage: 'summarize', done: 3, total: 4 });
  const summary = summarize(table, config, { today: options.today ?? null });
  const analysis = plan ? { table, findings, plan, summary } : withLazyPlan({ table, findings, summary }, buildRepairPlan);
  report({ stage: 'done', done: 4, total: 4 });
  return analysis;
}

/**
 * The repair plan built the first time it is read. Checking and summarizing never look at it, and on a 100k-row table
 * it is a fifth of the engine's time and a third of what the result keeps alive; whoever reads `plan` (repair,
 * spread, structured clone, JSON) gets the same plan as before.
 */
function withLazyPlan(parts: Omit<Analysis, 'plan'>, build: () => RepairPlan): Analysis {
  let plan: RepairPlan | null = null;
  return Object.defineProperty(parts, 'plan', {
    enumerable: true,
    get: () => (plan ??= build()),
  }) as Analysis;
}
