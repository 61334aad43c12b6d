/**
 * The page's worker: the file layer and the engine run here so the page never freezes. Bundled on its own and inlined
 * into the page (taskpane/web/workerClient.ts starts it from a blob URL, which Chromium allows under file:// where a
 * worker script file is refused). Cancelling a job is the page terminating this worker.
 */
import type { Progress } from '../host';
import type { Exported, FromWorker, Loaded, ToWorker } from './protocol';
import { errorInfo, Session } from './session';
import { splitAnalysis } from './transfer';

/** The part of a dedicated worker's global scope used here (the project's type library is the DOM one). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const session = new Session({
  showMarks: (marks) => scope.postMessage({ type: 'marks', marks }, [marks.cells.buffer, marks.shows.buffer, marks.severity.buffer, marks.ends.buffer]),
  scrollTo: (sheet, row, column) => scope.postMessage({ type: 'scroll', sheet, row, column }),
});

/** Big results move to the page instead of being copied. */
function transferables(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null) return [];
  const found: Transferable[] = [];
  const bytes = (result as { bytes?: unknown }).bytes;
  if (bytes instanceof Uint8Array) found.push(bytes.buffer);
  const grid = (result as { grid?: { ends?: unknown; merged?: unknown } }).grid;
  if (grid && grid.ends instanceof Uint32Array) found.push(grid.ends.buffer);
  if (grid && grid.merged instanceof Int32Array) found.push(grid.merged.buffer);
  return found;
}

/**
 * A reply as it is sent. A load's analysis sends its long lists ahead in parts, each a short task for the page
 * (transfer.ts); exported bytes may be the host's own workbook: a copy goes, so the host keeps its bytes.
 */
function forPage(id: number, type: ToWorker['request']['type'], result: unknown): unknown {
  if (type === 'load') {
    const loaded = result as Loaded;
    if (!loaded.analysis) return loaded;
    const { head, parts } = splitAnalysis(loaded.analysis);
    for (const part of parts) scope.postMessage({ type: 'part', id, part });
    return { ...loaded, analysis: head };
  }
  if (type === 'export') {
    const exported = result as Exported;
    return { ...exported, bytes: exported.bytes.slice() };
  }
  return result;
}

// Requests run one after another: a second message waits for the first job to finish.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    const onProgress = (p: Progress) => scope.postMessage({ type: 'progress', id, stage: p.stage, done: p.done, total: p.total });
    try {
      const result = await session.handle(request, onProgress);
      const sendable = forPage(id, request.type, result);
      scope.postMessage({ id, type: 'reply', ok: true, result: sendable }, transferables(sendable));
    } catch (error) {
      scope.postMessage({ id, type: 'reply', ok: false, error: errorInfo(error) });
    }
  });
};
