import { columnLetter } from '../src/core/grid/address';
import type { Finding, Severity } from '../src/core/types';

export interface FindingGroup {
  rule: string;
  /** The most serious severity among the group's findings. */
  severity: Severity;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by rule: most serious rules first, then the rules with most findings; findings in sheet order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.rule);
    if (!group) {
      groups.set(finding.rule, { rule: finding.rule, severity: finding.severity, findings: [finding] });
      continue;
    }
    group.findings.push(finding);
    if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[group.severity]) group.severity = finding.severity;
  }
  const sorted = [...groups.values()];
  for (const group of sorted) group.findings.sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''));
  return sorted.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length || a.rule.localeCompare(b.rule),
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The cell to select for a finding: its own cell, or the table's first column on its row for a row-level finding. */
export function findingAddress(finding: Finding, tableFirstColumn: number): string {
  return finding.cell ?? `${columnLetter(tableFirstColumn)}${finding.row}`;
}
