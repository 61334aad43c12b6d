/**
 * How a long job runs, the same in the add-in pane (useWorkbench) and on the web page (useWebWorkbench): one job at a
 * time (a second press while one runs does nothing), a new job clears the last one's error and notice, its progress
 * shows while it runs, and it ends either done, stopped by 取消 (a short notice, not an error) or failed (an error bar).
 * What a busy state and an error hold differs between the two front ends, so both are the caller's types.
 */
import { useCallback, useRef, useState } from 'react';
import type { Notice } from './useWorkbench';

/** How a job that did not finish ends: a notice when the user stopped it, an error otherwise. */
export type JobEnding<Failure> = { notice: Notice } | { error: Failure };

export interface JobRunner<Busy, Failure> {
  busy: Busy | null;
  error: Failure | null;
  notice: Notice | null;
  /** Shows progress of the running job (or a stage it moves on to). */
  setBusy: (busy: Busy | null) => void;
  setError: (error: Failure | null) => void;
  setNotice: (notice: Notice | null) => void;
  /**
   * Runs `work` unless a job is running (then returns false at once). `start` is shown until the work reports
   * progress through `show`; `ending` says how a thrown failure is shown. True when the work finished.
   */
  run: (start: Busy, work: (show: (busy: Busy) => void) => Promise<void>, ending: (failure: unknown) => JobEnding<Failure>) => Promise<boolean>;
}

/** Where a job's state goes: the hook's state setters, or a test's record. */
export interface JobSink<Busy, Failure> {
  setBusy: (busy: Busy | null) => void;
  setError: (error: Failure | null) => void;
  setNotice: (notice: Notice | null) => void;
}

/** The rules of one job, outside React (see the file comment); `running` is shared by all jobs of one workbench. */
export async function runOneJob<Busy, Failure>(
  running: { current: boolean },
  sink: JobSink<Busy, Failure>,
  start: Busy,
  work: (show: (busy: Busy) => void) => Promise<void>,
  ending: (failure: unknown) => JobEnding<Failure>,
): Promise<boolean> {
  if (running.current) return false;
  running.current = true;
  sink.setError(null);
  sink.setNotice(null);
  sink.setBusy(start);
  try {
    await work(sink.setBusy);
    return true;
  } catch (failure) {
    const ended = ending(failure);
    if ('notice' in ended) sink.setNotice(ended.notice);
    else sink.setError(ended.error);
    return false;
  } finally {
    running.current = false;
    sink.setBusy(null);
  }
}

export function useJobRunner<Busy, Failure>(): JobRunner<Busy, Failure> {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A ref, not state: two presses in one frame must not both start.
  const running = useRef(false);
  const run = useCallback(
    (start: Busy, work: (show: (busy: Busy) => void) => Promise<void>, ending: (failure: unknown) => JobEnding<Failure>) =>
      runOneJob(running, { setBusy, setError, setNotice }, start, work, ending),
    [],
  );
  return { busy, error, notice, setBusy, setError, setNotice, run };
}
