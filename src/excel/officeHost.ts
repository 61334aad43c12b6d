/** The WorkbookHost on office-js: every call is one Excel.run; Excel errors come out as HostErrors. */
import type { Finding, Lang, RepairPlan, Summary } from '../core/types';
import type { SheetSpec } from '../core/sheets';
import type {
  ApplyMode,
  ApplyResult,
  HighlightResult,
  HostCallOptions,
  HostCapabilities,
  HostKind,
  HostLimitation,
  Progress,
  ReportSheetsWriteOptions,
  SourceSnapshot,
  SummaryWriteOptions,
  SummaryWriteResult,
  WorkbookHost,
} from './host';
import { canDownload, currentDownloadEnvironment, downloadThroughLink } from '../host/download';
import { applyPlanToWorkbook } from './applyPlan';
import { explainAccessDenied, isAccessDenied, toHostError } from './errors';
import { assertRowUnchanged, clearRecordedHighlights, highlightFindings } from './highlight';
import { ReadOptions, defaultReadOptions, readSelectionSnapshot } from './readGrid';
import { excelLimitations } from './requirements';
import { runExcel, supports } from './runtime';
import { loadWorkbookSettings, saveWorkbookSettings } from './settings';
import { writeReportSheets, writeSummarySheets } from './summarySheets';

/** Runs `work`; an AccessDenied is told apart (sheet protection, workbook protection, or neither) on `sheets`. */
async function translated<T>(work: () => Promise<T>, sheets: string[] = []): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAccessDenied(error)) throw await explainAccessDenied(sheets);
    throw toHostError(error);
  }
}

/** Office.context.platform ('PC', 'OfficeOnline', 'Mac', …) when office.js says; null outside Office. */
function officePlatform(): string | null {
  if (typeof Office === 'undefined') return null;
  const platform: unknown = Office.context?.platform;
  return typeof platform === 'string' ? platform : null;
}

export interface OfficeHostOptions {
  read?: Partial<ReadOptions>;
}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind: HostKind = 'excel';
  readonly capabilities: HostCapabilities;
  readonly limitations: readonly HostLimitation[];
  private readonly readOptions: ReadOptions;

  constructor(options: OfficeHostOptions = {}) {
    this.readOptions = { ...defaultReadOptions, ...options.read };
    this.limitations = excelLimitations((version) => supports(version));
    const lacks = (feature: HostLimitation['feature']) => this.limitations.some((limitation) => limitation.feature === feature);
    this.capabilities = { inPlace: !lacks('inPlace'), highlight: true, navigate: true, download: canDownload(currentDownloadEnvironment(officePlatform())), chart: !lacks('chart'), notes: !lacks('notes') };
  }

  readSelection(onProgress?: (p: Progress) => void, options: HostCallOptions = {}): Promise<SourceSnapshot> {
    return translated(() => runExcel((context) => readSelectionSnapshot(context, onProgress, this.readOptions, options)));
  }

  applyPlan(source: SourceSnapshot, plan: RepairPlan, options: { mode: ApplyMode; lang: Lang } & HostCallOptions, onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    return translated(() => applyPlanToWorkbook(source, plan, options, onProgress), [source.sheet]);
  }

  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang, options: HostCallOptions = {}): Promise<HighlightResult> {
    return translated(() => runExcel((context) => highlightFindings(context, source, findings, lang, options.signal), { undoGroup: true }), [source.sheet]);
  }

  clearHighlights(): Promise<void> {
    return translated(() => runExcel((context) => clearRecordedHighlights(context), { undoGroup: true }));
  }

  selectCell(sheet: string, address: string, source?: SourceSnapshot): Promise<void> {
    return translated(() =>
      runExcel(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        if (source && source.sheet === sheet) await assertRowUnchanged(context, worksheet, source, address);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),
    );
  }

  writeSummary(summary: Summary, lang: Lang, options: SummaryWriteOptions = {}): Promise<SummaryWriteResult> {
    return translated(() => writeSummarySheets(summary, lang, options));
  }

  writeReportSheets(sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult> {
    return translated(() => writeReportSheets(sheets, options));
  }

  loadSettings(): Promise<unknown | null> {
    return translated(() => loadWorkbookSettings());
  }

  saveSettings(settings: unknown): Promise<void> {
    return translated(() => saveWorkbookSettings(settings));
  }

  /** Only called when `capabilities.download` is true (Excel on the web, Windows with WebView2). */
  offerDownload(name: string, bytes: Uint8Array, mime: string): Promise<void> {
    return downloadThroughLink(name, bytes, mime);
  }
}

export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  return new OfficeWorkbookHost(options);
}
