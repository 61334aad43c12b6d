import type { Analysis, Finding, Lang, Section, Severity, SubItem, Summary, TaskRecord } from '../../core/types';

/** What `check --json` prints for one sheet that holds a report table. */
export interface SheetDocument {
  sheet: string;
  range: string;
  title: string | null;
  declaredTotal: number | null;
  sections: SectionDocument[];
  records: RecordDocument[];
  findings: FindingDocument[];
  summary: SummaryDocument;
}

/**
 * What `check --json` prints for one file: plain data a script can rely on. `sheets` has every sheet with a table;
 * the top-level sheet, range, title, declaredTotal and sections are those of the first of them (so a one-sheet
 * workbook reads as it always did), records and findings are those of every sheet in turn, and summary spans them all.
 */
export interface CheckDocument extends SheetDocument {
  file: string;
  sheets: SheetDocument[];
  /** Sheets left out because they hold no report table, with why. */
  skippedSheets: Array<{ sheet: string; code: string; message: string }>;
}

export type SectionDocument = Pick<Section, 'row' | 'title' | 'official' | 'declared' | 'found' | 'level' | 'parent' | 'path' | 'kind'>;

/** Fields of the engine's record that `check --json` prints (not its internal ones: cells, grid rows, raw status). */
type RecordField = Extract<
  keyof TaskRecord,
  | 'row'
  | 'rows'
  | 'section'
  | 'sectionPath'
  | 'official'
  | 'officialSource'
  | 'number'
  | 'task'
  | 'units'
  | 'coUnits'
  | 'persons'
  | 'status'
  | 'statusSource'
  | 'progressStatus'
  | 'columnStatus'
  | 'deadlineText'
  | 'deadline'
  | 'progress'
>;

/** A record as `check --json` prints it: the engine's record without its internal fields (cells, grid rows, raw status). */
export type RecordDocument = Pick<TaskRecord, RecordField> & {
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

type Locate = (row: number, column: number | null, lang: Lang) => string;

/** The document of one sheet's analysis. */
export function sheetDocument(sheet: string, analysis: Analysis, lang: Lang, locate?: Locate): SheetDocument {
  const { table, findings, summary } = analysis;
  return {
    sheet: table.sheet ?? sheet,
    range: table.range,
    title: table.title,
    declaredTotal: table.declaredTotal,
    sections: table.sections.map(({ row, title, official, declared, found, level, parent, path, kind }) => ({ row, title, official, declared, found, level, parent, path, kind })),
    records: table.records.map(recordDocument),
    findings: findings.map((finding) => findingDocument(finding, lang, locate)),
    summary: summaryDocument(summary, table.records.length, findings),
  };
}

/** The document of one file with one table sheet (what a single analysis gives). */
export function checkDocument(file: string, sheet: string, analysis: Analysis, lang: Lang, locate?: Locate): CheckDocument {
  return bookDocument(file, [sheetDocument(sheet, analysis, lang, locate)], analysis.summary, []);
}

/** The document of a workbook: every table sheet, and the summary over all of them. */
export function bookDocument(file: string, sheets: SheetDocument[], summary: Summary, skippedSheets: CheckDocument['skippedSheets']): CheckDocument {
  const [first] = sheets;
  if (sheets.length === 1) return { file, ...first, sheets, skippedSheets };
  const records = sheets.flatMap((s) => s.records);
  const findings = sheets.flatMap((s) => s.findings);
  return {
    file,
    ...first,
    records,
    findings,
    summary: {
      ...summary,
      records: records.length,
      errors: sheets.reduce((n, s) => n + s.summary.errors, 0),
      warnings: sheets.reduce((n, s) => n + s.summary.warnings, 0),
      infos: sheets.reduce((n, s) => n + s.summary.infos, 0),
    },
    sheets,
    skippedSheets,
  };
}

function summaryDocument(summary: Summary, records: number, findings: readonly Finding[]): SummaryDocument {
  return {
    ...summary,
    records,
    errors: countSeverity(findings, 'error'),
    warnings: countSeverity(findings, 'warning'),
    infos: countSeverity(findings, 'info'),
  };
}

function recordDocument(record: TaskRecord): RecordDocument {
  const { row, rows, section, sectionPath, official, officialSource, number, task, units, coUnits, persons } = record;
  const { status, statusSource, progressStatus, columnStatus, deadlineText, deadline, progress } = record;
  const doc: RecordDocument = {
    row,
    rows,
    section,
    sectionPath,
    official,
    officialSource,
    number,
    task,
    units,
    coUnits,
    persons,
    status,
    statusSource,
    progressStatus,
    columnStatus,
    deadlineText,
    deadline,
    progress,
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
