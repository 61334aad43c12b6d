import type { Config } from '../../config/schema';
import type { Severity } from '../../types';
import type { RoundFinding } from '../types';
import { conflict } from './conflict';
import { makeRoundFinding, type RoundContext, type RoundRule } from './context';
import { missingUnit } from './missingUnit';
import { notResponsible } from './notResponsible';
import { textChanged } from './textChanged';
import { unchangedProgress } from './unchangedProgress';
import { unknownSender } from './unknownSender';
import { unmatched } from './unmatched';

export type { RoundContext, RoundRule } from './context';

/** Every rule of a round, in report order. Ids are stable. */
export const roundRules: RoundRule[] = [missingUnit, unmatched, conflict, textChanged, notResponsible, unchangedProgress, unknownSender];

export function roundRuleCatalog(): Array<Pick<RoundRule, 'id' | 'severity' | 'description'>> {
  return roundRules.map(({ id, severity, description }) => ({ id, severity, description }));
}

/** Run the round's rules; severities come from the config (`off` skips a rule), as for the table's checks. */
export function checkRound(ctx: RoundContext, config: Config): RoundFinding[] {
  const findings: RoundFinding[] = [];
  for (const rule of roundRules) {
    const configured = config.severities[rule.id];
    if (configured === 'off') continue;
    const severity: Severity = configured ?? rule.severity;
    rule.check(ctx, (input) => findings.push(makeRoundFinding(rule.id, severity, input)));
  }
  // The master's findings first by row, then each return's in file order.
  const fileOrder = new Map(ctx.returns.map((r, i) => [r.file, i] as const));
  return findings.sort((a, b) => (a.file === null ? -1 : (fileOrder.get(a.file) ?? 0)) - (b.file === null ? -1 : (fileOrder.get(b.file) ?? 0)) || a.row - b.row);
}
