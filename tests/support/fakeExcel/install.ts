/**
 * `Excel` and `Office` globals backed by a FakeWorkbook, for jest tests and for the taskpane's browser test.
 */
import { FakeContextCore, FakeRunOptions } from './context';
import { FakeWorkbook } from './model';
import { ApplicationProxy, WorkbookProxy } from './proxies';

export class FakeRequestContext extends FakeContextCore {
  readonly application: ApplicationProxy;
  readonly workbook: WorkbookProxy;
  constructor(book: FakeWorkbook, runOptions: FakeRunOptions = {}) {
    super(book, runOptions);
    this.application = new ApplicationProxy(this);
    this.workbook = new WorkbookProxy(this, this.application);
  }
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

export interface FakeExcelNamespace {
  run<T>(batchOrOptions: Batch<T> | Record<string, unknown>, batch?: Batch<T>): Promise<T>;
  readonly RequestContext: typeof FakeRequestContext;
}

export interface FakeOfficeNamespace {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
    displayLanguage: string;
  };
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline' };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

/** The `Excel` namespace over one workbook. */
export function createFakeExcel(book: FakeWorkbook): FakeExcelNamespace {
  return {
    async run<T>(batchOrOptions: Batch<T> | Record<string, unknown>, maybeBatch?: Batch<T>): Promise<T> {
      const batch = typeof batchOrOptions === 'function' ? batchOrOptions : maybeBatch;
      if (!batch) throw new Error('fake Excel.run: no batch function');
      book.stats.runs += 1;
      book.stats.runOptions.push(typeof batchOrOptions === 'function' ? undefined : { ...batchOrOptions });
      const context = new FakeRequestContext(book, typeof batchOrOptions === 'function' ? {} : (batchOrOptions as FakeRunOptions));
      const result = await batch(context);
      // office-js does not send commands left in the queue when the batch ends: that is always an adapter bug.
      if (context.pendingCommands > 0) {
        throw new Error(`fake Excel.run: the batch ended with ${context.pendingCommands} queued commands that were never synced`);
      }
      return result;
    },
    RequestContext: FakeRequestContext,
  };
}

export function createFakeOffice(book: FakeWorkbook, displayLanguage = 'zh-CN'): FakeOfficeNamespace {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  return {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          return book.supports(minVersion === undefined ? '1.1' : String(minVersion));
        },
      },
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
      displayLanguage,
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
}

/**
 * Installs `Excel` and `Office` on a global object (globalThis in jest, window in the browser) and returns a
 * function that puts back what was there before.
 */
export function installFakeOffice(globalObject: object, book: FakeWorkbook, options: { displayLanguage?: string } = {}): () => void {
  const target = globalObject as Record<string, unknown>;
  const previous = { Excel: target.Excel, Office: target.Office };
  target.Excel = createFakeExcel(book);
  target.Office = createFakeOffice(book, options.displayLanguage);
  return () => {
    target.Excel = previous.Excel;
    target.Office = previous.Office;
  };
}
