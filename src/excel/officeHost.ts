/** The WorkbookHost on office-js: every call is one Excel.run; Excel errors come out as HostErrors. */
import type { Finding, Lang, RepairPlan, Summary } from '../core/types';
import type { ApplyMode, HostCapabilities, HostKind, Progress, SourceSnapshot, WorkbookHost } from './host';
import { applyPlanToWorkbook } from './applyPlan';
import { toHostError } from './errors';
import { clearRecordedHighlights, highlightFindings } from './highlight';
import { ReadOptions, defaultReadOptions, readSelectionSnapshot } from './readGrid';
import { runExcel } from './runtime';
import { loadWorkbookSettings, saveWorkbookSettings } from './settings';
import { writeSummarySheets } from './summarySheets';

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHostError(error);
  }
}

export interface OfficeHostOptions {
  read?: Partial<ReadOptions>;
}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind: HostKind = 'excel';
  readonly capabilities: HostCapabilities = { inPlace: true, highlight: true, navigate: true, download: false, chart: true };
  private readonly readOptions: ReadOptions;

  constructor(options: OfficeHostOptions = {}) {
    this.readOptions = { ...defaultReadOptions, ...options.read };
  }

  readSelection(onProgress?: (p: Progress) => void): Promise<SourceSnapshot> {
    return translated(() => runExcel((context) => readSelectionSnapshot(context, onProgress, this.readOptions)));
  }

  applyPlan(source: SourceSnapshot, plan: RepairPlan, options: { mode: ApplyMode; lang: Lang }, onProgress?: (p: Progress) => void): Promise<{ sheet: string }> {
    return translated(() => applyPlanToWorkbook(source, plan, options, onProgress));
  }

  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang): Promise<void> {
    return translated(() => runExcel((context) => highlightFindings(context, source, findings, lang), { undoGroup: true }));
  }

  clearHighlights(): Promise<void> {
    return translated(() => runExcel((context) => clearRecordedHighlights(context), { undoGroup: true }));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return translated(() =>
      runExcel(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),
    );
  }

  writeSummary(summary: Summary, lang: Lang): Promise<{ sheets: string[] }> {
    return translated(() => writeSummarySheets(summary, lang));
  }

  loadSettings(): Promise<unknown | null> {
    return translated(() => loadWorkbookSettings());
  }

  saveSettings(settings: unknown): Promise<void> {
    return translated(() => saveWorkbookSettings(settings));
  }
}

export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  return new OfficeWorkbookHost(options);
}
