/**
 * The work the page's worker does, without the worker: one opened file (a MemoryHost), the sheet read last and the
 * engine's analysis of it. The worker entry only turns messages into calls of `handle`; jest calls it directly.
 */
import { analyze, ConfigError, defaultConfig, parseConfig, UnusableInputError, type Config } from '../core';
import type { Analysis, Lang } from '../core/types';
import { FileError, createWorkbook } from '../files';
import { installDocxReader } from '../files/docx';
import { HostError, type Progress, type SourceSnapshot } from '../host';
import { isCompareRequest } from './compareProtocol';
import { CompareSession } from './compareSession';
import { outputFileName } from './fileNames';
import { memorySettingsStore, openMemoryHost, type GridView, type MemoryHost } from './memoryHost';
import { findingsSheet } from './outputSheets';
import type { ErrorInfo, ExportKind, Exported, Loaded, Opened, ReplyMap, Request, Written } from './protocol';
import { analysisForPage, packGrid, packMarks, type PackedGrid, type PackedMarks } from './transfer';
import { wordExport } from './wordExport';
import { ReturnsSession } from './returnsSession';

const TEXT_ENCODER = new TextEncoder();

/** Any failure as words for the user: our own errors carry both languages; anything else says only that it failed. */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof ConfigError) {
    return {
      code: 'config',
      messages: { 'zh-CN': '设置有问题。', 'en-US': 'The settings have problems.' },
      issues: error.issues.map((issue) => ({ path: issue.path, message: issue.message, messages: issue.messages })),
    };
  }
  if (error instanceof FileError || error instanceof HostError || error instanceof UnusableInputError) {
    return { code: error.code, messages: { ...error.messages } };
  }
  return {
    code: 'unexpected',
    messages: {
      'zh-CN': '处理时出现意外错误，文件未作任何改动。请换一个文件试试，或把文件发给维护人员。',
      'en-US': 'Something unexpected went wrong; nothing was changed. Try another file, or send this one to the maintainers.',
    },
  };
}

// Word documents open like workbooks (their tables as one sheet); registering twice is harmless.
installDocxReader();

/** What the session asks of the page: marks already packed for the grid it shows, and scrolls. */
export interface PageView {
  showMarks(marks: PackedMarks): void;
  scrollTo(sheet: string, row: number, column: number): void;
}

export class Session {
  private host: MemoryHost | null = null;
  /** The grid the page shows (the sheet loaded last): marks are packed cell by cell for it. */
  private shown: Pick<PackedGrid, 'origin' | 'rowCount' | 'columnCount'> = { origin: { row: 1, column: 1 }, rowCount: 0, columnCount: 0 };
  private readonly view: GridView;
  private source: SourceSnapshot | null = null;
  private analysis: Analysis | null = null;
  private config: Config = defaultConfig();
  private settings = memorySettingsStore();
  /** 与上期对比: last period's file compared with the table read last, written into the workbook. */
  private readonly comparing = new CompareSession({ current: () => this.requireAnalysis(), host: () => this.requireHost(), config: () => this.config });

  constructor(page: PageView) {
    this.view = {
      showMarks: (sheet, marks) => page.showMarks(packMarks(sheet, marks, this.shown)),
      scrollTo: (sheet, row, column) => page.scrollTo(sheet, row, column),
    };
  }

  private requireHost(): MemoryHost {
    if (!this.host) throw new HostError('no-file', { 'zh-CN': '请先打开一个文件。', 'en-US': 'Open a file first.' });
    return this.host;
  }

  private requireAnalysis(): { source: SourceSnapshot; analysis: Analysis } {
    if (!this.source || !this.analysis) {
      throw new HostError('no-table', { 'zh-CN': '这张工作表上没有读出表格，请换一张工作表。', 'en-US': 'No table was read on this sheet; choose another sheet.' });
    }
    return { source: this.source, analysis: this.analysis };
  }

  private useSettings(settings: unknown): void {
    this.settings.current = settings ?? null;
    try {
      this.config = settings === null || settings === undefined ? defaultConfig() : parseConfig(settings);
    } catch {
      // Stored settings that no longer parse: the defaults, as the add-in does; the page warns when it loads them.
      this.config = defaultConfig();
    }
  }

  /** The 合并报送 step: the returns read so far, merged into the table read last (returnsSession.ts). */
  private readonly returns = new ReturnsSession({ master: () => this.requireAnalysis(), host: () => this.requireHost(), config: () => this.config });

  async handle<T extends Request>(request: T, onProgress: (p: Progress) => void): Promise<ReplyMap[T['type']]> {
    const result = await this.dispatch(request, onProgress);
    return result as ReplyMap[T['type']];
  }

  private async dispatch(request: Request, onProgress: (p: Progress) => void): Promise<ReplyMap[Request['type']]> {
    if (isCompareRequest(request)) return this.comparing.handle(request, onProgress);
    switch (request.type) {
      case 'open':
        return this.open(request.bytes, request.fileName, request.settings);
      case 'load':
        return this.load(request.sheet, onProgress);
      case 'apply': {
        const { source, analysis } = this.requireAnalysis();
        const host = this.requireHost();
        const { sheet } = await host.applyPlan(source, analysis.plan, { mode: request.mode, lang: request.lang }, onProgress);
        return this.written([sheet]);
      }
      case 'highlight': {
        const { source, analysis } = this.requireAnalysis();
        await this.requireHost().highlight(source, analysis.findings, request.lang);
        return { count: analysis.findings.length };
      }
      case 'clear':
        await this.requireHost().clearHighlights();
        return null;
      case 'select': {
        const { source } = this.requireAnalysis();
        await this.requireHost().selectCell(source.sheet, request.address);
        return null;
      }
      case 'summary': {
        const { analysis } = this.requireAnalysis();
        const result = await this.requireHost().writeSummary(analysis.summary, request.lang, { replace: request.replace });
        return { ...this.written(result.sheets), needsConfirmation: result.needsConfirmation };
      }
      case 'settings':
        // Checked with the same schema as the CLI's --config; the host keeps what passed.
        parseConfig(request.settings);
        if (this.host) await this.host.saveSettings(request.settings);
        this.useSettings(request.settings);
        return null;
      case 'export':
        return this.export(request.kind, request.lang);
    }
    // What is left are the 合并报送 step's requests.
    return this.returns.handle(request, onProgress);
  }

  private open(bytes: Uint8Array, fileName: string, settings: unknown): Opened {
    this.host = null;
    this.source = null;
    this.analysis = null;
    this.useSettings(settings);
    this.host = openMemoryHost(bytes, { fileName, view: this.view, settings: this.settings });
    return { format: this.host.format, sheets: this.host.sheets, sheet: this.host.sheet, warnings: [] };
  }

  private async load(sheet: string, onProgress: (p: Progress) => void): Promise<Loaded> {
    const host = this.requireHost();
    host.chooseSheet(sheet);
    this.source = null;
    this.analysis = null;
    const snapshot = await host.readSelection(onProgress);
    const grid = packGrid(snapshot.grid, snapshot.sheet);
    this.shown = grid;
    let problem: ErrorInfo | null = null;
    try {
      this.analysis = analyze(snapshot.grid, {
        config: this.config,
        onProgress: (p) => onProgress({ stage: 'analyze', done: p.done, total: p.total }),
      });
      this.source = snapshot;
    } catch (error) {
      // A sheet without a table (a change log, a chart sheet) is still shown; the panes say why nothing was read.
      problem = errorInfo(error);
    }
    return {
      grid,
      address: snapshot.address,
      fingerprint: snapshot.fingerprint,
      analysis: this.analysis ? analysisForPage(this.analysis) : null,
      problem,
      warnings: [],
    };
  }

  private written(sheets: string[]): Written {
    return { sheets, allSheets: this.requireHost().sheets };
  }

  private async export(kind: ExportKind, lang: Lang): Promise<Exported> {
    const host = this.requireHost();
    const fileName = outputFileName(host.fileName, kind, lang);
    switch (kind) {
      case 'fixed': {
        if (!host.repairedWorkbook) {
          const { source, analysis } = this.requireAnalysis();
          await host.applyPlan(source, analysis.plan, { mode: 'new-sheet', lang });
        }
        return { fileName, bytes: host.repairedWorkbook ?? host.workbook };
      }
      case 'summary': {
        if (!host.summaryWorkbook) {
          const result = await host.writeSummary(this.requireAnalysis().analysis.summary, lang);
          if (result.needsConfirmation) {
            throw new HostError('summary-confirm', {
              'zh-CN': `文件中已有同名的工作表（${result.needsConfirmation.join('、')}）：请先点击“生成汇总表”并确认是否替换。`,
              'en-US': `The file already has sheets of these names (${result.needsConfirmation.join(', ')}): press "Write summary sheets" first and say whether to replace them.`,
            });
          }
        }
        return { fileName, bytes: host.summaryWorkbook ?? host.workbook };
      }
      case 'findings':
        return { fileName, bytes: createWorkbook([findingsSheet(this.requireAnalysis().analysis.findings, lang)]) };
      case 'findingsJson': {
        const { source, analysis } = this.requireAnalysis();
        const document = { file: host.fileName, sheet: source.sheet, range: source.address, findings: analysis.findings, summary: analysis.summary };
        return { fileName, bytes: TEXT_ENCODER.encode(`${JSON.stringify(document, null, 2)}\n`) };
      }
      case 'word': {
        const { analysis } = this.requireAnalysis();
        return { fileName, bytes: await wordExport(analysis, this.config) };
      }
    }
  }
}
