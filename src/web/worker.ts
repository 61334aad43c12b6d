/**
 * The page's worker: the file layer and the engine run here so the page never freezes. Bundled on its own and inlined
 * into the page (taskpane/web/workerClient.ts starts it from a blob URL, which Chromium allows under file:// where a
 * worker script file is refused). Cancelling a job is the page terminating this worker.
 */
import type { Progress } from '../host';
import type { FromWorker, ToWorker } from './protocol';
import { errorInfo, Session } from './session';

/** The part of a dedicated worker's global scope used here (the project's type library is the DOM one). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const session = new Session({
  showMarks: (sheet, marks) => scope.postMessage({ type: 'marks', sheet, marks }),
  scrollTo: (sheet, row, column) => scope.postMessage({ type: 'scroll', sheet, row, column }),
});

/** Big results move to the page instead of being copied. */
function transferables(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null) return [];
  const found: Transferable[] = [];
  const bytes = (result as { bytes?: unknown }).bytes;
  if (bytes instanceof Uint8Array) found.push(bytes.buffer);
  const grid = (result as { grid?: { ends?: unknown } }).grid;
  if (grid && grid.ends instanceof Uint32Array) found.push(grid.ends.buffer);
  return found;
}

// Requests run one after another: a second message waits for the first job to finish.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    const onProgress = (p: Progress) => scope.postMessage({ type: 'progress', id, stage: p.stage, done: p.done, total: p.total });
    try {
      const result = await session.handle(request, onProgress);
      // Exported bytes may be the host's own workbook: send a copy, so the host keeps its bytes.
      const sendable = request.type === 'export' && result !== null && typeof result === 'object' && 'bytes' in result ? { ...result, bytes: result.bytes.slice() } : result;
      scope.postMessage({ id, type: 'reply', ok: true, result: sendable }, transferables(sendable));
    } catch (error) {
      scope.postMessage({ id, type: 'reply', ok: false, error: errorInfo(error) });
    }
  });
};
