/** The WorkbookHost over WPS 表格's JS add-in object model (`window.Application`); failures come out as HostErrors. */
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
} from '../host';
import type { WpsApplication } from './api';
import { applyPlanToWorkbook } from './applyPlan';
import { findSheet, readStored, writeStored } from './documentStore';
import { toWpsHostError, wpsHostError } from './errors';
import { assertRowUnchanged, clearRecordedHighlights, highlightFindings } from './highlight';
import { WpsReadOptions, defaultWpsReadOptions, readSelectionSnapshot } from './readTable';
import { writeReportSheets, writeSummarySheets } from './summarySheets';

export const CONFIG_KEY = 'config';

async function translated<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWpsHostError(error);
  }
}

export interface WpsHostOptions {
  read?: Partial<WpsReadOptions>;
}

export class WpsHost implements WorkbookHost {
  readonly kind: HostKind = 'wps';
  /** No native chart: not written through this object model yet; the pane draws the chart itself. */
  readonly capabilities: HostCapabilities = { inPlace: true, highlight: true, navigate: true, download: false, chart: false, notes: true };
  readonly limitations: readonly HostLimitation[] = [
    {
      feature: 'chart',
      messages: {
        'zh-CN': 'WPS 表格中生成的汇总表和对比表不带图表；图表显示在本窗格中。',
        'en-US': 'Summary and comparison sheets written in WPS Spreadsheets carry no chart; the chart is shown in this pane.',
      },
    },
  ];
  private readonly readOptions: WpsReadOptions;

  constructor(
    private readonly app: WpsApplication,
    options: WpsHostOptions = {},
  ) {
    this.readOptions = { ...defaultWpsReadOptions, ...options.read };
  }

  readSelection(onProgress?: (p: Progress) => void, options: HostCallOptions = {}): Promise<SourceSnapshot> {
    return translated(() => readSelectionSnapshot(this.app, onProgress, this.readOptions, options));
  }

  applyPlan(source: SourceSnapshot, plan: RepairPlan, options: { mode: ApplyMode; lang: Lang } & HostCallOptions, onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    return translated(() => applyPlanToWorkbook(this.app, source, plan, options, onProgress));
  }

  highlight(source: SourceSnapshot, findings: Finding[], lang: Lang, options: HostCallOptions = {}): Promise<HighlightResult> {
    return translated(() => highlightFindings(this.app, source, findings, lang, options.signal));
  }

  clearHighlights(): Promise<void> {
    return translated(() => clearRecordedHighlights(this.app));
  }

  selectCell(sheet: string, address: string, source?: SourceSnapshot): Promise<void> {
    return translated(async () => {
      const target = findSheet(this.app, sheet);
      if (!target) throw wpsHostError('source-missing');
      if (source && source.sheet === sheet) await assertRowUnchanged(target, source, address);
      // Range.Select works on the active sheet only.
      target.Activate();
      target.Range(address).Select();
    });
  }

  writeSummary(summary: Summary, lang: Lang, options: SummaryWriteOptions = {}): Promise<SummaryWriteResult> {
    return translated(() => writeSummarySheets(this.app, summary, lang, options));
  }

  writeReportSheets(sheets: readonly SheetSpec[], options: ReportSheetsWriteOptions): Promise<SummaryWriteResult> {
    return translated(() => writeReportSheets(this.app, sheets, options));
  }

  loadSettings(): Promise<unknown | null> {
    return translated(() => readStored(this.app, CONFIG_KEY));
  }

  saveSettings(settings: unknown): Promise<void> {
    return translated(() => writeStored(this.app, CONFIG_KEY, settings));
  }
}

export function createWpsHost(app: WpsApplication, options: WpsHostOptions = {}): WorkbookHost {
  return new WpsHost(app, options);
}
