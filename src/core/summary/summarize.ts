import type { Config } from '../config/schema';
import type { LaggingTask, OfficialSummaryRow, ParsedTable, Summary, TaskRecord, UnitSummaryRow } from '../types';

export const MISSING_STATUS = '未填写';
export const UNKNOWN_STATUS = '未识别';
/** The bucket of records whose table names no official anywhere: said as such, never guessed. */
export const NO_OFFICIAL = '未标明分管领导';

export interface SummarizeOptions {
  /** YYYY-MM-DD from the caller (the engine never reads the clock): a deadline before it without 已完成 is overdue. */
  today?: string | null;
  /** The sheet a record is on, when one summary spans several sheets (analyzeWorkbook). */
  sheetOf?: (record: TaskRecord) => string | null;
}

/** The status a record counts under: its own, or for a task with sub-items the least advanced one (done in readTable). */
function bucket(record: TaskRecord): string {
  if (record.status !== null) return record.status;
  return record.statusRaw.trim() === '' ? MISSING_STATUS : UNKNOWN_STATUS;
}

/** Summaries for managers: official × status, per status, per unit, and the lagging tasks. */
export function summarize(table: ParsedTable, config: Config, options: SummarizeOptions = {}): Summary {
  const today = options.today ?? null;
  const vocabulary = config.vocabulary;
  const doneWords = new Set(config.doneStatuses);
  const onScheduleWords = new Set(vocabulary.filter((v) => v.onSchedule).map((v) => v.status));
  const laggingWords = new Set(vocabulary.filter((v) => v.lagging).map((v) => v.status));
  const buckets = table.records.map(bucket);
  const extra = [UNKNOWN_STATUS, MISSING_STATUS].filter((s) => buckets.includes(s));
  const statuses = [...vocabulary.map((v) => v.status), ...extra];
  const zero = () => Object.fromEntries(statuses.map((s) => [s, 0])) as Record<string, number>;

  const officials = new Map<string, OfficialSummaryRow>();
  const units = new Map<string, UnitSummaryRow>();
  const byStatusCount = zero();
  const lagging: LaggingTask[] = [];
  let onSchedule = 0;

  table.records.forEach((record, i) => {
    const status = buckets[i];
    const name = record.official ?? NO_OFFICIAL;
    const row = officials.get(name) ?? { official: name, counts: zero(), total: 0, onSchedule: 0, share: 0 };
    row.counts[status]++;
    row.total++;
    if (onScheduleWords.has(status)) {
      row.onSchedule++;
      onSchedule++;
    }
    officials.set(name, row);
    byStatusCount[status]++;
    // Each unit once per record: a list is a few names long, so looking back along it costs less than a Set (and its
    // iterator) for every record of the table.
    for (let k = 0; k < record.units.length; k++) {
      const unit = record.units[k];
      if (record.units.indexOf(unit) < k) continue;
      const u = units.get(unit) ?? { unit, counts: zero(), total: 0 };
      u.counts[status]++;
      u.total++;
      units.set(unit, u);
    }
    const marked = /^[\s\u3000]*[▲△]/.test(record.statusRaw);
    const overdue = today !== null && record.deadline !== null && record.deadline.date < today && !doneWords.has(status);
    if (laggingWords.has(status) || marked || overdue) {
      lagging.push({
        row: record.row,
        section: record.section,
        sectionPath: record.sectionPath,
        official: record.official,
        reason: laggingWords.has(status) || marked ? 'status' : 'overdue',
        ...(options.sheetOf ? { sheet: options.sheetOf(record) ?? undefined } : {}),
        deadline: record.deadline?.date ?? null,
        number: record.number,
        task: record.task,
        status,
        units: record.units,
        persons: record.persons,
        progress: record.progress,
      });
    }
  });
  const total = table.records.length;
  for (const row of officials.values()) row.share = row.total === 0 ? 0 : row.onSchedule / row.total;
  return {
    statuses,
    byOfficial: [...officials.values()],
    byStatus: statuses.map((status) => ({ status, count: byStatusCount[status], share: total === 0 ? 0 : byStatusCount[status] / total })),
    byUnit: [...units.values()].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, 'zh-CN')),
    lagging,
    total,
    onSchedule,
    officialSource: officialSourceOf(table.records),
    withoutOfficial: table.records.filter((r) => r.official === null).length,
  };
}

function officialSourceOf(records: TaskRecord[]): NonNullable<Summary['officialSource']> {
  const sources = new Set(records.map((r) => r.officialSource).filter((s) => s !== null));
  if (sources.size === 0) return 'none';
  if (sources.size > 1) return 'mixed';
  return [...sources][0] as 'column' | 'section' | 'sheet';
}
