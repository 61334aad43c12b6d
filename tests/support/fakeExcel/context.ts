/**
 * The request context of the fake: commands are queued by proxies and applied, in order, at `sync()`, like
 * office-js batches. Each sync records how many bytes it sent and received.
 */
import { FakeOfficeError, propertyNotLoaded } from './errors';
import { FakeWorkbook, PAYLOAD_LIMIT } from './model';

interface Command {
  name: string;
  args: unknown[];
  bytes: number;
  apply: () => void;
}

/** Commands that change the workbook (and so leave an undo record), as opposed to loads and lookups. */
function changes(name: string): boolean {
  if (/\.(load|select|activate|suspendApiCalculationUntilNextSync)$/.test(name)) return false;
  if (/\.(getItem|getItemOrNullObject|getItemAt|getRange|getRangeByIndexes|getUsedRange|getUsedRangeOrNullObject|getCell|getSelectedRange|getActiveWorksheet|getMergedAreasOrNullObject|getSurroundingRegion|getItemByCell|getLocation|worksheet)$/.test(name)) return false;
  return true;
}

/** Options of the Excel.run that made the context. */
export interface FakeRunOptions {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

/** UTF-8 size of a string, without TextEncoder or Buffer so the fake runs anywhere. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

export class FakeContextCore {
  readonly book: FakeWorkbook;
  private queue: Command[] = [];
  private response = 0;
  private nextRef = 1;
  readonly runOptions: FakeRunOptions;
  /** This run already left its one undo record (mergeUndoGroup). */
  private undoRecorded = false;

  constructor(book: FakeWorkbook, runOptions: FakeRunOptions = {}) {
    this.book = book;
    this.runOptions = runOptions;
  }

  newRef(): number {
    return this.nextRef++;
  }

  get pendingCommands(): number {
    return this.queue.length;
  }

  enqueue(name: string, args: unknown[], apply: () => void): void {
    this.queue.push({ name, args, bytes: jsonBytes([name, args]), apply });
  }

  respond(value: unknown): void {
    this.response += jsonBytes(value);
  }

  requireApi(version: string, what: string): void {
    if (!this.book.supports(version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host has ${this.book.apiVersion}.`);
  }

  async sync(): Promise<void> {
    // Like the real thing, a sync is a round trip: give other promises a turn.
    await Promise.resolve();
    const editing = this.book.cellEditDone;
    if (editing) {
      // delayForCellEdit needs ExcelApi 1.11; older hosts ignore the option and fail the batch.
      if (!this.runOptions.delayForCellEdit || !this.book.supports('1.11')) {
        this.queue = [];
        throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await editing;
    }
    const commands = this.queue;
    this.queue = [];
    this.response = 0;
    const stats = this.book.stats;
    stats.syncs += 1;
    const sent = commands.reduce((sum, command) => sum + command.bytes, 0);
    stats.requestBytes.push(sent);
    stats.commands.push(commands.map((command) => command.name));
    if (sent > PAYLOAD_LIMIT) {
      stats.responseBytes.push(0);
      stats.failedSyncs += 1;
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${sent} bytes) has exceeded the limit.`);
    }
    let changed = false;
    try {
      for (const command of commands) {
        const injected = this.book.failWhen?.(command.name, command.args);
        if (injected) throw injected;
        command.apply();
        if (changes(command.name)) changed = true;
      }
    } catch (error) {
      stats.failedSyncs += 1;
      throw error;
    } finally {
      stats.responseBytes.push(this.response);
      if (changed) {
        const merged = this.runOptions.mergeUndoGroup === true && this.book.supports('1.20');
        if (!merged || !this.undoRecorded) this.book.undoSteps += 1;
        this.undoRecorded = true;
      }
    }
    if (this.response > PAYLOAD_LIMIT) {
      stats.failedSyncs += 1;
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${this.response} bytes) has exceeded the limit.`);
    }
  }
}

export type LoadSpec = string | string[] | { select?: string | string[] };

export function loadNames(spec: LoadSpec | undefined, defaults: readonly string[]): string[] {
  if (spec === undefined) return [...defaults];
  const raw = typeof spec === 'string' || Array.isArray(spec) ? spec : spec.select ?? [...defaults];
  const list = (Array.isArray(raw) ? raw : raw.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  return list;
}

/**
 * Base of every proxy. `target` is bound by the command that creates the proxy (undefined until that command
 * ran, null for a null object); properties can be read only after `load` and `sync`.
 */
export abstract class FakeClientObject<T> {
  readonly context: FakeContextCore;
  readonly ref: number;
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(context: FakeContextCore) {
    this.context = context;
    this.ref = context.newRef();
  }

  protected abstract readonly kind: string;
  protected abstract readonly scalarProperties: readonly string[];
  protected abstract readProperty(target: T, name: string): unknown;

  bind(target: T | null): void {
    this.target = target;
  }

  /** The object this proxy stands for, at sync time. */
  resolve(): T {
    if (this.target === undefined) throw new Error(`fake Excel: ${this.kind} used before the command creating it ran`);
    if (this.target === null) throw new FakeOfficeError('InvalidObjectPath', `The ${this.kind} does not exist (null object).`);
    this.checkAlive(this.target);
    return this.target;
  }

  protected checkAlive(target: T): void {
    void target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject');
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const names = loadNames(spec, this.scalarProperties);
    this.context.enqueue(`${this.kind}.load`, [this.ref, names], () => this.applyLoad(names));
    return this;
  }

  /** Also used by collections to fill the proxies of their items. */
  applyLoad(names: string[]): void {
    if (this.target === undefined) throw new Error(`fake Excel: ${this.kind} loaded before the command creating it ran`);
    this.nullState = this.target === null;
    const snapshot: Record<string, unknown> = {};
    for (const name of names) {
      const value = this.target === null ? null : this.readProperty(this.resolve(), name);
      this.loaded.set(name, value);
      snapshot[name] = value;
    }
    this.context.respond(snapshot);
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Setting a property queues a command; reading it back needs a load, as in office-js. */
  protected set(name: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue(`${this.kind}.${name}`, [this.ref, ...args], () => apply(this.resolve()));
  }

  protected command(name: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue(`${this.kind}.${name}`, [this.ref, ...args], () => apply(this.resolve()));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
