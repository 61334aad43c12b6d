/**
 * How a job runs in the add-in pane and on the web page (taskpane/useJobRunner.ts): what the progress, notice and error
 * bars show while it runs and after it ends, and that a second press while a job runs starts nothing.
 */
import { runOneJob, type JobEnding } from '../../taskpane/useJobRunner';
import type { Notice } from '../../taskpane/useWorkbench';

interface Bars {
  busy: string | null;
  error: string | null;
  notice: Notice | null;
  /** Every progress the user saw, in order. */
  shown: string[];
}

function workbench() {
  const bars: Bars = { busy: null, error: null, notice: null, shown: [] };
  const running = { current: false };
  const sink = {
    setBusy: (busy: string | null) => {
      bars.busy = busy;
      if (busy !== null) bars.shown.push(busy);
    },
    setError: (error: string | null) => {
      bars.error = error;
    },
    setNotice: (notice: Notice | null) => {
      bars.notice = notice;
    },
  };
  const ending = (failure: unknown): JobEnding<string> =>
    failure === 'stopped' ? { notice: { intent: 'info', text: '已取消' } } : { error: `失败：${String(failure)}` };
  const run = (start: string, work: (show: (busy: string) => void) => Promise<void>) => runOneJob(running, sink, start, work, ending);
  return { bars, run };
}

test('a job shows its start and its progress while it runs, and nothing once it is done', async () => {
  const { bars, run } = workbench();
  let seenWhileRunning: string | null = null;
  const done = await run('读取', async (show) => {
    show('读取 1 / 2');
    show('分析');
    seenWhileRunning = bars.busy;
  });
  expect(done).toBe(true);
  expect(seenWhileRunning).toBe('分析');
  expect(bars.shown).toEqual(['读取', '读取 1 / 2', '分析']);
  expect(bars).toMatchObject({ busy: null, error: null, notice: null });
});

test('取消 ends with a short notice, not an error; a failure ends with an error bar', async () => {
  const { bars, run } = workbench();
  await expect(run('读取', () => Promise.reject('stopped'))).resolves.toBe(false);
  expect(bars).toMatchObject({ busy: null, error: null, notice: { intent: 'info', text: '已取消' } });
  await expect(run('写入', () => Promise.reject(new Error('磁盘已满')))).resolves.toBe(false);
  // The new job cleared the last one's notice.
  expect(bars).toMatchObject({ busy: null, error: '失败：Error: 磁盘已满', notice: null });
  await run('写入', async () => undefined);
  expect(bars.error).toBeNull();
});

test('a second press while a job runs starts nothing; once it ends, the next one runs', async () => {
  const { bars, run } = workbench();
  let finish: () => void = () => undefined;
  const first = run('读取', () => new Promise<void>((resolve) => (finish = resolve)));
  let secondRan = false;
  await expect(
    run('整理', async () => {
      secondRan = true;
    }),
  ).resolves.toBe(false);
  expect(secondRan).toBe(false);
  expect(bars.busy).toBe('读取');
  finish();
  await expect(first).resolves.toBe(true);
  await expect(
    run('整理', async () => {
      secondRan = true;
    }),
  ).resolves.toBe(true);
  expect(secondRan).toBe(true);
});
