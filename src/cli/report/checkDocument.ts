import type { Analysis, Finding, Lang, Severity, SubItem, Summary, TaskRecord } from '../../core/types';

/** What `check --json` prints for one file: plain data a script can rely on. */
export interface CheckDocument {
  file: string;
  sheet: string;
  range: string;
  title: string | null;
  declaredTotal: number | null;
  sections: Array<{ row: number; title: string; official: string | null; declared: number | null; found: number }>;
  records: RecordDocument[];
  findings: FindingDocument[];
  summary: SummaryDocument;
}

/** A record as `check --json` prints it: the engine's record without its internal fields (cells, grid rows, raw status). */
export type RecordDocument = Pick<TaskRecord, 'row' | 'rows' | 'section' | 'official' | 'number' | 'task' | 'units' | 'persons' | 'status' | 'progress'> & {
  subItems?: Array<Pick<SubItem, 'row' | 'rows' | 'label' | 'text' | 'units' | 'persons' | 'status' | 'progress'>>;
};

export interface FindingDocument {
  rule: string;
  severity: Severity;
  row: number;
  cell: string | null;
  /** Where it is in a Word document (第2个表格第5行第3列（“…”下）); absent for a workbook. */
  place?: string;
  section: number | null;
  number: string | null;
  message: string;
  value: string | null;
  suggestion: string | null;
}

/** The engine's summary plus how many findings of each severity there are. */
export type SummaryDocument = Summary & { records: number; errors: number; warnings: number; infos: number };

/** A file `check` could not use, in the JSON array of a several-file run. */
export interface CheckFailureDocument {
  file: string;
  error: { code: string; message: string };
}

export function checkDocument(file: string, sheet: string, analysis: Analysis, lang: Lang, locate?: (row: number, column: number | null, lang: Lang) => string): CheckDocument {
  const { table, findings, summary } = analysis;
  return {
    file,
    sheet: table.sheet ?? sheet,
    range: table.range,
    title: table.title,
    declaredTotal: table.declaredTotal,
    sections: table.sections.map(({ row, title, official, declared, found }) => ({ row, title, official, declared, found })),
    records: table.records.map(recordDocument),
    findings: findings.map((finding) => findingDocument(finding, lang, locate)),
    summary: {
      ...summary,
      records: table.records.length,
      errors: countSeverity(findings, 'error'),
      warnings: countSeverity(findings, 'warning'),
      infos: countSeverity(findings, 'info'),
    },
  };
}

function recordDocument(record: TaskRecord): RecordDocument {
  const doc: RecordDocument = {
    row: record.row,
    rows: record.rows,
    section: record.section,
    official: record.official,
    number: record.number,
    task: record.task,
    units: record.units,
    persons: record.persons,
    status: record.status,
    progress: record.progress,
  };
  if (record.subItems && record.subItems.length > 0) {
    doc.subItems = record.subItems.map(({ row, rows, label, text, units, persons, status, progress }) => ({
      row,
      rows,
      label,
      text,
      units,
      persons,
      status,
      progress,
    }));
  }
  return doc;
}

function findingDocument(finding: Finding, lang: Lang, locate?: (row: number, column: number | null, lang: Lang) => string): FindingDocument {
  const column = finding.cell === null ? null : columnOfA1(finding.cell);
  return {
    rule: finding.rule,
    severity: finding.severity,
    row: finding.row,
    cell: finding.cell,
    ...(locate ? { place: locate(finding.row, column, lang) } : {}),
    section: finding.section,
    number: finding.number,
    message: finding.messages[lang],
    value: finding.value,
    suggestion: finding.suggestion,
  };
}

/** The 1-based column of an A1 address ("C12" → 3). */
function columnOfA1(cell: string): number | null {
  let column = 0;
  for (const ch of cell.toUpperCase()) {
    if (ch < 'A' || ch > 'Z') break;
    column = column * 26 + (ch.charCodeAt(0) - 64);
  }
  return column === 0 ? null : column;
}

export function countSeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.reduce((n, finding) => n + (finding.severity === severity ? 1 : 0), 0);
}
