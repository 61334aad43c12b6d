/**
 * The page's side of the worker: requests with ids, replies as promises, events to a listener, and cancel by
 * terminating the worker and starting a fresh one. The worker's code is bundled into this page as text and started
 * from a blob URL: Chromium refuses `new Worker('worker.js')` on a page opened from file://, a blob URL it allows.
 */
import workerSource from '../../src/web/worker?worker-source';
import type { ErrorInfo, FromWorker, Loaded, ReplyMap, Request, WorkerEvent } from '../../src/web/protocol';
import { joinAnalysis, type AnalysisPart } from '../../src/web/transfer';

export interface JobProgress {
  stage: string;
  done: number;
  total: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: ErrorInfo) => void;
  onProgress?: (p: JobProgress) => void;
  /** Parts of a load's analysis, sent ahead of its reply. */
  parts: AnalysisPart[];
}

export const CANCELLED: ErrorInfo = { code: 'cancelled', messages: { 'zh-CN': '已取消。', 'en-US': 'Cancelled.' } };

const CRASHED: ErrorInfo = {
  code: 'worker-failed',
  messages: {
    'zh-CN': '处理程序意外停止（可能是文件太大、内存不足）。请刷新页面后重试。',
    'en-US': 'The worker stopped unexpectedly (the file may be too large for the memory available). Reload the page and try again.',
  },
};

let sourceUrl: string | null = null;

/** One blob URL for the page's lifetime: every worker (a fresh one after each cancel) starts from it. */
function workerUrl(): string {
  sourceUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  return sourceUrl;
}

export class WorkerClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onEvent: (event: WorkerEvent) => void) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(workerUrl());
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'reply') {
        const job = this.pending.get(message.id);
        if (!job) return;
        this.pending.delete(message.id);
        if (!message.ok) job.reject(message.error);
        else if (job.parts.length > 0) {
          const loaded = message.result as Loaded;
          job.resolve(loaded.analysis ? { ...loaded, analysis: joinAnalysis(loaded.analysis, job.parts) } : loaded);
        } else job.resolve(message.result);
        return;
      }
      if (message.type === 'part') {
        this.pending.get(message.id)?.parts.push(message.part);
        return;
      }
      if (message.type === 'progress') {
        this.pending.get(message.id)?.onProgress?.(message);
        return;
      }
      this.onEvent(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(CRASHED);
    };
    return worker;
  }

  private failAll(error: ErrorInfo): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  request<T extends Request>(request: T, onProgress?: (p: JobProgress) => void, transfer: Transferable[] = []): Promise<ReplyMap[T['type']]> {
    const id = this.nextId++;
    return new Promise<ReplyMap[T['type']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress, parts: [] });
      this.worker.postMessage({ id, request }, transfer);
    });
  }

  /** Stops whatever the worker is doing: every pending request fails with CANCELLED; the next request finds a fresh worker. */
  cancel(): void {
    this.worker.terminate();
    this.failAll(CANCELLED);
    this.worker = this.start();
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll(CANCELLED);
  }
}
