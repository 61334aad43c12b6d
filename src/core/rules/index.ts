import type { Config } from '../config/schema';
import type { Finding, ParsedTable, Severity } from '../types';
import { makeFinding, ruleContext, type Rule } from './context';
import { countMismatch } from './countMismatch';
import { numberingDuplicate, numberingGap, numberingMissing } from './numberingRules';
import { personCountMismatch, personInconsistent, personShifted } from './personRules';
import { recordDuplicate } from './recordDuplicate';
import { personDirectoryRule } from './personDirectory';
import { requiredEmpty } from './requiredEmpty';
import { statusMissing } from './statusMissing';
import { statusMarker } from './statusMarker';
import { cellTooLong } from './cellTooLong';
import { statusUnknown } from './statusUnknown';
import { statusConflict } from './statusConflict';
import { unitAlias, unitDuplicate, unitLeadNotFirst, unitUnknown } from './unitRules';

/** Every rule, in report order. Ids are stable: tools and configs refer to them. */
export const rules: Rule[] = [
  countMismatch,
  numberingMissing,
  numberingDuplicate,
  numberingGap,
  requiredEmpty,
  statusMissing,
  statusUnknown,
  statusMarker,
  statusConflict,
  unitUnknown,
  unitAlias,
  unitLeadNotFirst,
  unitDuplicate,
  personCountMismatch,
  personShifted,
  personInconsistent,
  personDirectoryRule,
  recordDuplicate,
  cellTooLong,
];

/** The catalog as data: id, default severity, tags, description. */
export function ruleCatalog(): Array<Pick<Rule, 'id' | 'severity' | 'tags' | 'description'>> {
  return [
    ...rules.map(({ id, severity, tags, description }) => ({ id, severity, tags, description })),
    { id: 'table.multiple', severity: 'warning' as Severity, tags: ['#table'], description: { 'zh-CN': '一张工作表上只应有一张表。', 'en-US': 'One table per sheet.' } },
  ];
}

/** Run every rule; severities come from the config, 'off' skips a rule. Findings are sorted by row. */
export function validate(table: ParsedTable, config: Config): Finding[] {
  const ctx = ruleContext(table, config);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = config.severities[rule.id];
    if (configured === 'off') continue;
    const severity: Severity = configured ?? rule.severity;
    rule.check(ctx, (input) => findings.push(makeFinding(ctx, rule.id, severity, input)));
  }
  for (const f of table.structureFindings) {
    const configured = config.severities[f.rule];
    if (configured !== 'off') findings.push({ ...f, severity: configured ?? f.severity });
  }
  return findings.sort((a, b) => a.row - b.row);
}
