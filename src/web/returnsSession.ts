/**
 * The worker's side of the 合并报送 step: the returns read so far, matched against the master table the session read
 * (matchReturns, the same as the CLI's merge and the add-in), the preview the page shows, and the merged workbook —
 * the page's workbook with the CLI's merge sheets added (合并后 / 合并记录 / 报送情况 / 合并问题), the original sheets kept.
 */
import type { Config } from '../core';
import { matchReturns, mergedRepairPlan, mergeSheets, type MergePlan, type ReturnInput } from '../core/returns';
import type { Analysis, Lang } from '../core/types';
import type { OutputSheet } from '../files';
import { splitRoundFiles, splitZipName, zipFiles, type SplitFormat } from '../files/round/splitRound';
import type { ApplyMode, Progress, SourceSnapshot } from '../host';
import { HostError } from '../host';
import type { MemoryHost } from './memoryHost';
import { mergedFileName } from './returnsFiles';
import { mergeOverview } from './returnsOverview';
import type { ReturnFileRead, ReturnsApplied, ReturnsDownload, ReturnsPreview, ReturnsReplyMap, ReturnsRequest, ReturnsSplit } from './returnsProtocol';
import { readReturn } from './returnsRead';

export interface ReturnsContext {
  /** The master: the table the session read last (throws the session's own "no table" error when there is none). */
  master(): { source: SourceSnapshot; analysis: Analysis };
  host(): MemoryHost;
  config(): Config;
}

export class ReturnsSession {
  private returns: ReturnInput[] = [];
  /** The plan of the last preview and the master and returns it was made from: made again when either changed. */
  private made: { master: Analysis; returns: ReturnInput[]; config: Config; plan: MergePlan } | null = null;
  /** The sheets the last apply wrote (not its backup, not a sheet it replaced in place): the next apply takes their places. */
  private written = new Set<string>();
  /** The workbook (the page's host) the last apply wrote into: another file opened since has no merge of ours. */
  private appliedTo: MemoryHost | null = null;

  constructor(private readonly context: ReturnsContext) {}

  async handle<T extends ReturnsRequest>(request: T, onProgress: (p: Progress) => void): Promise<ReturnsReplyMap[T['type']]> {
    return (await this.dispatch(request, onProgress)) as ReturnsReplyMap[T['type']];
  }

  private async dispatch(request: ReturnsRequest, onProgress: (p: Progress) => void): Promise<ReturnsReplyMap[ReturnsRequest['type']]> {
    switch (request.type) {
      case 'returns-split':
        return this.split(request.period, request.format, onProgress);
      case 'returns-read':
        return this.read(request.file, request.bytes);
      case 'returns-preview':
        return this.preview(onProgress);
      case 'returns-remove':
        this.returns = request.file === null ? [] : this.returns.filter((r) => r.file !== request.file);
        return this.preview(onProgress);
      case 'returns-apply':
        return this.apply(request.lang, request.mode, onProgress);
      case 'returns-download':
        return this.download(request.lang);
    }
  }

  /**
   * 发出报送表 on the page: SplitPanel's sendRoundOut made here, where the master's records are (the page has counts
   * only). The forms are zipped as the add-in zips them; the page offers the zip.
   */
  private async split(period: string | null, format: SplitFormat, onProgress: (p: Progress) => void): Promise<ReturnsSplit> {
    const { analysis } = this.context.master();
    const made = await splitRoundFiles(analysis, { config: this.context.config(), period, format, onProgress: (done, total) => onProgress({ stage: 'split', done, total }) });
    const units = made.plan.units.length;
    return { fileName: splitZipName(made.plan.period), bytes: units > 0 ? zipFiles(made.files) : new Uint8Array(0), units, files: made.files.length, unassigned: made.plan.unassigned.length };
  }

  /** Reads one return and keeps it; a file of the same name picked again replaces the earlier one. */
  private read(file: string, bytes: Uint8Array): ReturnFileRead {
    const result = readReturn(file, bytes, this.context.config());
    if (!result.ok) return { file, ok: false, messages: result.messages };
    this.returns = [...this.returns.filter((r) => r.file !== file), result.input];
    return { file, ok: true, sheet: result.sheet, tasks: result.input.analysis.table.records.length };
  }

  private plan(onProgress: (p: Progress) => void): { master: Analysis; plan: MergePlan } | null {
    if (this.returns.length === 0) return null;
    const { analysis } = this.context.master();
    const config = this.context.config();
    const made = this.made;
    if (made && made.master === analysis && made.returns === this.returns && made.config === config) return made;
    onProgress({ stage: 'merge', done: 0, total: 1 });
    const plan = matchReturns(analysis, this.returns, { config });
    onProgress({ stage: 'merge', done: 1, total: 1 });
    this.made = { master: analysis, returns: this.returns, config, plan };
    return this.made;
  }

  private preview(onProgress: (p: Progress) => void): ReturnsPreview {
    const made = this.plan(onProgress);
    return { files: this.returns.map((r) => r.file), overview: made ? mergeOverview(made.plan, made.master) : null, applied: this.appliedHere() };
  }

  /**
   * 应用 as 整理 applies (the add-in's MergePanel path): the merged master goes through the host's applyPlan as a repair
   * plan (mergedRepairPlan) — into a new sheet, or in place with the original kept in a backup sheet — with its change
   * log, and the CLI's merge sheets (合并后 / 合并记录 / 报送情况 / 合并问题) after it. The page's workbook holds the result,
   * so the page reads the merged table next (校验, 汇总) and its workbook download carries it. The sheets an earlier
   * merge wrote (and same-named merge sheets the file had, never the master's own sheet) are replaced, not stacked;
   * backups are kept.
   */
  private async apply(lang: Lang, mode: ApplyMode, onProgress: (p: Progress) => void): Promise<ReturnsApplied> {
    const made = this.plan(onProgress);
    if (!made) throw new HostError('no-returns', { 'zh-CN': '请先选择报送文件。', 'en-US': 'Choose the return files first.' });
    const { source } = this.context.master();
    const host = this.context.host();
    const extraSheets: OutputSheet[] = mergeSheets(made.plan, lang);
    const roundNames = new Set(extraSheets.map((sheet) => sheet.name.toLowerCase()));
    // Names written into another file (opened before this one) are that file's business.
    const earlier = this.appliedTo === host ? this.written : new Set<string>();
    const applied = await host.applyPlan(
      source,
      mergedRepairPlan(made.master, made.plan),
      { mode, lang, extraSheets, takeOver: (name) => earlier.has(name) || roundNames.has(name.toLowerCase()) },
      onProgress,
    );
    // The backup holds the table as it was before this merge: the next merge keeps it and makes its own.
    this.written = new Set(applied.written.filter((name) => name !== applied.backup && name !== applied.sheet));
    if (mode === 'new-sheet') this.written.add(applied.sheet);
    this.appliedTo = host;
    return { sheet: applied.sheet, backup: applied.backup ?? null, sheets: applied.written, allSheets: host.sheets };
  }

  /** Whether the page's workbook now is the one the last apply wrote into (no file open: no). */
  private appliedHere(): boolean {
    if (this.appliedTo === null) return false;
    try {
      return this.context.host() === this.appliedTo;
    } catch {
      return false;
    }
  }

  /** The page's workbook as it stands (every sheet written so far), named after the master: a copy, the host keeps its own. */
  private download(lang: Lang): ReturnsDownload {
    const host = this.context.host();
    return { fileName: mergedFileName(host.fileName, host.format === 'xlsm', lang), bytes: host.workbook.slice() };
  }
}
