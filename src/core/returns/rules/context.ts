/** What every round rule sees, and how it reports. */
import type { Config } from '../../config/schema';
import type { Severity } from '../../types';
import type { DiffPart } from '../text';
import type { MasterTask, ReturnedTable, ReturnedTask, RoundFinding, TaskMatch } from '../types';
import { roundMessage, type RoundParams } from './messages';

export interface RoundContext {
  config: Config;
  tasks: MasterTask[];
  returns: ReturnedTable[];
  matches: TaskMatch[];
  /** Matches per master task, the lead unit's first. */
  byTask: Map<MasterTask, TaskMatch[]>;
  unmatched: Array<{ table: ReturnedTable; task: ReturnedTask }>;
  /** Units that sent at least one return. */
  senders: Set<string>;
  /** Units of the master that can answer, in table order. */
  units: string[];
  /** A1 address of a master task's progress cell, null when the master has no progress column. */
  progressCell(task: MasterTask): string | null;
  /** Sheet row of the master's header, for findings about the whole round. */
  headerRow: number;
  /** Last period's progress without its status line, spaces and punctuation (for unchanged-progress). */
  progressBody(text: string): string;
}

export interface RoundFindingInput {
  file: string | null;
  row: number;
  cell: string | null;
  task?: MasterTask;
  number?: string | null;
  params: RoundParams;
  value: string | null;
  suggestion: string | null;
  diff?: DiffPart[];
}

export interface RoundRule {
  id: string;
  severity: Severity;
  description: { 'zh-CN': string; 'en-US': string };
  check(ctx: RoundContext, emit: (input: RoundFindingInput) => void): void;
}

export function makeRoundFinding(rule: string, severity: Severity, input: RoundFindingInput): RoundFinding {
  return {
    rule,
    severity,
    file: input.file,
    row: input.row,
    cell: input.cell,
    section: input.task?.section ?? null,
    number: input.number !== undefined ? input.number : (input.task?.number ?? null),
    messages: roundMessage(rule, input.params),
    value: input.value,
    suggestion: input.suggestion,
    ...(input.diff ? { diff: input.diff } : {}),
  };
}
