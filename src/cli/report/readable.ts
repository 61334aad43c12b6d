import type { Lang, Severity } from '../../core/types';
import type { CheckDocument, FindingDocument, SheetDocument } from './checkDocument';

/** Findings listed per rule before the rest are only counted (--json has them all). */
export const FINDINGS_SHOWN_PER_RULE = 20;

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const text = {
  'zh-CN': {
    file: '文件',
    sheet: '工作表',
    range: '区域',
    title: '标题',
    noTitle: '（未找到标题）',
    declaredTotal: (n: number) => `共 ${n} 项`,
    sections: '各部分',
    section: (title: string, declared: number | null, found: number) =>
      `${title}：${declared === null ? '未写项数' : `写明 ${declared} 项`}，实际 ${found} 项${declared !== null && declared !== found ? '  ← 不一致' : ''}`,
    records: (n: number, withSubItems: number) => `事项：${n} 项${withSubItems > 0 ? `（其中 ${withSubItems} 项含子项）` : ''}`,
    findings: '发现的问题',
    noFindings: '未发现问题。',
    rule: (severity: string, rule: string, n: number) => `[${severity}] ${rule}（${n} 处）`,
    more: (n: number) => `……另有 ${n} 处，用 --json 查看全部`,
    row: (row: number) => `第 ${row} 行`,
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    summary: (errors: number, warnings: number, infos: number) => `合计：错误 ${errors} 处，警告 ${warnings} 处，提示 ${infos} 处。`,
    onSchedule: (on: number, total: number) => `按进度（含已完成）${on} / ${total} 项`,
    skipped: (names: string[]) => `未含进展情况表、已跳过的工作表：${names.map((n) => `“${n}”`).join('、')}`,
    allSheets: (n: number, records: number) => `全部 ${n} 个工作表：事项 ${records} 项`,
  },
  'en-US': {
    file: 'File',
    sheet: 'Sheet',
    range: 'Range',
    title: 'Title',
    noTitle: '(no title found)',
    declaredTotal: (n: number) => `${n} tasks declared`,
    sections: 'Sections',
    section: (title: string, declared: number | null, found: number) =>
      `${title}: ${declared === null ? 'no count declared' : `${declared} declared`}, ${found} found${declared !== null && declared !== found ? '  <- mismatch' : ''}`,
    records: (n: number, withSubItems: number) => `Records: ${n}${withSubItems > 0 ? ` (${withSubItems} with sub-items)` : ''}`,
    findings: 'Findings',
    noFindings: 'No findings.',
    rule: (severity: string, rule: string, n: number) => `[${severity}] ${rule} (${n})`,
    more: (n: number) => `... ${n} more, see --json for all`,
    row: (row: number) => `row ${row}`,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    summary: (errors: number, warnings: number, infos: number) => `Total: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}.`,
    onSchedule: (on: number, total: number) => `On schedule (incl. completed): ${on} of ${total}`,
    skipped: (names: string[]) => `Skipped, no progress table: ${names.map((n) => `"${n}"`).join(', ')}`,
    allSheets: (n: number, records: number) => `All ${n} sheets: ${plural(records, 'record')}`,
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The human-readable `check` report of one file: each sheet with a table in turn, one line naming the sheets without
 * one, and (for several sheets) the totals over all of them.
 */
export function readableReport(doc: CheckDocument, lang: Lang): string {
  const t = text[lang];
  const blocks = doc.sheets.map((sheet) => sheetReport(doc.file, sheet, lang));
  const tail: string[] = [];
  if (doc.skippedSheets.length > 0) tail.push(t.skipped(doc.skippedSheets.map((s) => s.sheet)));
  if (doc.sheets.length > 1) {
    tail.push(t.allSheets(doc.sheets.length, doc.summary.records));
    if (doc.summary.total > 0) tail.push(t.onSchedule(doc.summary.onSchedule, doc.summary.total));
    tail.push(t.summary(doc.summary.errors, doc.summary.warnings, doc.summary.infos));
  }
  return [blocks.join('\n\n'), ...(tail.length > 0 ? ['', ...tail] : [])].join('\n');
}

function sheetReport(file: string, doc: SheetDocument, lang: Lang): string {
  const t = text[lang];
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const lines: string[] = [];
  lines.push(`${t.file}${colon}${file}    ${t.sheet}${colon}${doc.sheet}    ${t.range}${colon}${doc.range}`);
  const declared = doc.declaredTotal === null ? '' : lang === 'zh-CN' ? `（${t.declaredTotal(doc.declaredTotal)}）` : `  (${t.declaredTotal(doc.declaredTotal)})`;
  lines.push(`${t.title}${colon}${doc.title ?? t.noTitle}${declared}`);
  if (doc.sections.length > 0) {
    lines.push(`${t.sections}${colon.trim()}`);
    for (const section of doc.sections) lines.push(`  ${t.section(section.title, section.declared, section.found)}`);
  }
  const withSubItems = doc.records.filter((record) => record.subItems !== undefined).length;
  lines.push(t.records(doc.records.length, withSubItems));
  if (doc.summary.total > 0) lines.push(t.onSchedule(doc.summary.onSchedule, doc.summary.total));
  lines.push('');
  if (doc.findings.length === 0) {
    lines.push(t.noFindings);
  } else {
    lines.push(`${t.findings}${colon.trim()}`);
    for (const group of groupByRule(doc.findings)) {
      lines.push(`  ${t.rule(t.severity[group.severity], group.rule, group.findings.length)}`);
      for (const finding of group.findings.slice(0, FINDINGS_SHOWN_PER_RULE)) {
        const where = (finding.place ?? finding.cell ?? t.row(finding.row)).padEnd(8);
        lines.push(`    ${where} ${finding.message}`);
      }
      if (group.findings.length > FINDINGS_SHOWN_PER_RULE) lines.push(`    ${t.more(group.findings.length - FINDINGS_SHOWN_PER_RULE)}`);
    }
  }
  lines.push(t.summary(doc.summary.errors, doc.summary.warnings, doc.summary.infos));
  return lines.join('\n');
}

interface RuleGroup {
  rule: string;
  severity: Severity;
  findings: FindingDocument[];
}

/** Findings grouped by rule: errors first, then in the order the rules first occur in the sheet. */
function groupByRule(findings: readonly FindingDocument[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.rule);
    if (!group) {
      group = { rule: finding.rule, severity: finding.severity, findings: [] };
      groups.set(finding.rule, group);
    }
    if (severityOrder[finding.severity] < severityOrder[group.severity]) group.severity = finding.severity;
    group.findings.push(finding);
  }
  return [...groups.values()].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}
