/**
 * The worker's side of 与上期对比: last period's file is read here, off the page's thread, with the same file layer and
 * engine as the add-in (src/host/lastPeriod.ts), compared with the table read last, and the comparison sheets are
 * written into the in-memory workbook through the host seam (MemoryHost.writeReportSheets) — the file the page offers
 * for download, with every sheet it had.
 */
import type { Analysis, Config } from '../core';
import { compareSheets, compareTables, type Comparison } from '../core/returns';
import type { Lang } from '../core/types';
import { HostError, throwIfCancelled, type Progress } from '../host';
import { readLastPeriod } from '../host/lastPeriod';
import type { CompareReplyMap, CompareRequest } from './compareProtocol';
import { baseName } from './fileNames';
import type { MemoryHost } from './memoryHost';

export const COMPARE_GROUP = 'compare';

const DOWNLOAD_TAG: Record<Lang, string> = { 'zh-CN': '（与上期对比）', 'en-US': ' (vs last period)' };

export interface CompareSessionContext {
  /** The table read last; throws when none was. */
  current: () => { analysis: Analysis };
  host: () => MemoryHost;
  config: () => Config;
}

export class CompareSession {
  private comparison: { result: Comparison; against: Analysis } | null = null;

  constructor(private readonly context: CompareSessionContext) {}

  async handle<T extends CompareRequest>(request: T, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<CompareReplyMap[T['type']]> {
    const result = request.type === 'compare' ? this.compare(request.bytes, request.fileName, onProgress) : await this.write(request.lang, request.replace === true, signal);
    return result as CompareReplyMap[T['type']];
  }

  private compare(bytes: Uint8Array, fileName: string, onProgress: (p: Progress) => void): Comparison {
    const { analysis } = this.context.current();
    onProgress({ stage: 'read', done: 0, total: 2 });
    const last = readLastPeriod(fileName, bytes, this.context.config());
    onProgress({ stage: 'analyze', done: 1, total: 2 });
    const result = compareTables(last, analysis, { config: this.context.config() });
    this.comparison = { result, against: analysis };
    onProgress({ stage: 'analyze', done: 2, total: 2 });
    return result;
  }

  private async write(lang: Lang, replace: boolean, signal?: AbortSignal): Promise<CompareReplyMap['compareWrite']> {
    throwIfCancelled(signal);
    const { analysis } = this.context.current();
    if (!this.comparison || this.comparison.against !== analysis) {
      throw new HostError('compare-stale', {
        'zh-CN': '本期的表格已重新读取，请重新选择上期的表格再对比。',
        'en-US': "This period's table was read again; choose last period's table again to compare.",
      });
    }
    const host = this.context.host();
    const written = await host.writeReportSheets(compareSheets(this.comparison.result, lang), { group: COMPARE_GROUP, replace, signal });
    const bytes = host.reportWorkbook(COMPARE_GROUP);
    const extension = /\.xlsm$/i.test(host.fileName) ? 'xlsm' : 'xlsx';
    return {
      sheets: written.sheets,
      ...(written.needsConfirmation ? { needsConfirmation: written.needsConfirmation } : {}),
      allSheets: host.sheets,
      ...(written.needsConfirmation === undefined && bytes ? { download: { fileName: `${baseName(host.fileName)}${DOWNLOAD_TAG[lang]}.${extension}`, bytes } } : {}),
    };
  }
}
