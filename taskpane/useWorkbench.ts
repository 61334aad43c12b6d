/**
 * The pane's state and the jobs it runs against the workbook: read + analyze the selection, apply the repair,
 * highlight findings, write summaries, load and save settings. Components get the results and the actions; only this
 * hook talks to the WorkbookHost.
 */
import { useCallback, useEffect, useState } from 'react';
import { analyze, defaultConfig, parseConfig, type Config } from '../src/core';
import type { Analysis, Finding } from '../src/core/types';
import type { ApplyMode, Progress, SourceSnapshot } from '../src/excel/host';
import { useHost, useLanguage } from './context';
import type { MessageKey } from './i18n';
import { findingAddress } from './findings';
import { useJobRunner } from './useJobRunner';

/** The buttons that start work: progress, notices and errors show next to the one that was pressed. */
export type JobId = 'read' | 'apply' | 'highlight' | 'clear' | 'summary' | 'settings' | 'goto';

export interface BusyState {
  /** The button that started it (shown under it); a workbench without jobs (the web page's) shows its own status bars. */
  job?: JobId;
  stage: MessageKey;
  done: number;
  total: number;
  /** Present while the work can still be stopped. */
  cancel?: () => void;
}

export interface Notice {
  job?: JobId;
  intent: 'success' | 'info' | 'warning';
  text: string;
}

/** Sheets of the summary's names that the add-in did not make: replace only when the clerk says so. */
export interface SummaryQuestion {
  sheets: string[];
}

export interface Workbench {
  /** A workbook is there to work on (false outside Excel). */
  connected: boolean;
  source: SourceSnapshot | null;
  analysis: Analysis | null;
  /**
   * The analysis whose repair 应用整理 has written to the workbook. While it is the current analysis the repair is done
   * and not offered again (a second apply would write a second repaired sheet); reading the table again makes a new
   * analysis and offers it anew. Left out by a workbench that cannot apply.
   */
  repairedAnalysis?: Analysis | null;
  busy: BusyState | null;
  error: unknown;
  /** Which button's work failed (shown under it). */
  errorJob?: JobId | null;
  notice: Notice | null;
  /** Set when writing summaries needs the clerk's word first (the web page's workbench may leave it out). */
  summaryQuestion?: SummaryQuestion | null;
  config: Config;
  /** The settings as stored in the workbook (what the user wrote), null when none are stored. */
  storedSettings: unknown;
  readAndAnalyze: () => Promise<void>;
  applyRepair: (mode: ApplyMode) => Promise<void>;
  highlightFindings: () => Promise<void>;
  clearHighlights: () => Promise<void>;
  goToFinding: (finding: Finding) => Promise<void>;
  writeSummary: (replace?: boolean) => Promise<void>;
  declineSummaryReplace?: () => void;
  saveSettings: (settings: unknown) => Promise<boolean>;
  dismissError: () => void;
  dismissNotice: () => void;
}

const STAGE_KEYS: Record<string, MessageKey> = {
  read: 'stage.read',
  verify: 'stage.verify',
  analyze: 'stage.analyze',
  write: 'stage.write',
  highlight: 'stage.highlight',
  summary: 'stage.summary',
  settings: 'stage.settings',
};

function stageKey(stage: string, fallback: MessageKey): MessageKey {
  return STAGE_KEYS[stage] ?? fallback;
}

function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'cancelled';
}

/** Lets React paint the progress bar before synchronous engine work blocks the thread. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useWorkbench(): Workbench {
  const host = useHost();
  const { lang, t } = useLanguage();
  const [source, setSource] = useState<SourceSnapshot | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [repairedAnalysis, setRepairedAnalysis] = useState<Analysis | null>(null);
  const { busy, error, notice, setBusy, setNotice, setError: setErrorState, run: runJob } = useJobRunner<BusyState, { job: JobId; error: unknown }>();
  const [summaryQuestion, setSummaryQuestion] = useState<SummaryQuestion | null>(null);
  const setError = useCallback((job: JobId, failure: unknown) => setErrorState({ job, error: failure }), [setErrorState]);
  const [config, setConfig] = useState<Config>(() => defaultConfig());
  const [storedSettings, setStoredSettings] = useState<unknown>(null);

  /**
   * Runs one job at a time (useJobRunner), its progress shown beside its button with a 取消 button where the work can
   * stop, and its failure turned into an error bar in the same place.
   */
  const run = useCallback(
    async (job: JobId, stage: MessageKey, work: (report: (p: Progress) => void, signal: AbortSignal) => Promise<void>, cancellable = true) => {
      if (!host) {
        setError(job, new Error(t('error.noHost')));
        return;
      }
      const controller = new AbortController();
      const cancel = cancellable ? () => controller.abort() : undefined;
      await runJob(
        { job, stage, done: 0, total: 0, cancel },
        (show) => work((p) => show({ job, stage: stageKey(p.stage, stage), done: p.done, total: p.total, cancel }), controller.signal),
        (failure) =>
          isCancelled(failure)
            ? { notice: { job, intent: 'info', text: (failure as { messages?: Record<string, string> }).messages?.[lang] ?? t('job.cancelled') } }
            : { error: { job, error: failure } },
      );
    },
    [host, t, lang, setError, runJob],
  );

  useEffect(() => {
    if (!host) return;
    let cancelled = false;
    host
      .loadSettings()
      .then((stored) => {
        if (cancelled || stored === null || stored === undefined) return;
        setStoredSettings(stored);
        try {
          setConfig(parseConfig(stored));
        } catch {
          setNotice({ job: 'settings', intent: 'warning', text: t('settings.loadFailed') });
        }
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError('settings', failure);
      });
    return () => {
      cancelled = true;
    };
    // Settings are read once per host; a language switch (a new `t`) must not reload them.
  }, [host]);

  const readAndAnalyze = useCallback(
    () =>
      run('read', 'stage.read', async (report, signal) => {
        if (!host) return;
        const snapshot = await host.readSelection(report, { signal });
        setBusy({ job: 'read', stage: 'stage.analyze', done: 0, total: 0 });
        await nextFrame();
        const result = analyze(snapshot.grid, { config });
        setSource(snapshot);
        setAnalysis(result);
      }),
    [run, host, config],
  );

  const applyRepair = useCallback(
    (mode: ApplyMode) =>
      run('apply', 'stage.write', async (report, signal) => {
        if (!host || !source || !analysis) return;
        const result = await host.applyPlan(source, analysis.plan, { mode, lang, signal }, report);
        setRepairedAnalysis(analysis);
        const parts = [t('repair.applied', { sheet: result.sheet })];
        if (result.backup) parts.push(t('repair.backup', { sheet: result.backup }));
        if (result.truncated?.length) parts.push(t('repair.truncated', { count: result.truncated.length, cells: result.truncated.slice(0, 5).join('、') }));
        setNotice({ job: 'apply', intent: result.truncated?.length ? 'warning' : 'success', text: parts.join(' ') });
      }),
    [run, host, source, analysis, lang, t],
  );

  const highlightFindings = useCallback(
    () =>
      run('highlight', 'stage.highlight', async (_report, signal) => {
        if (!host || !source || !analysis) return;
        const result = await host.highlight(source, analysis.findings, lang, { signal });
        const parts = [t('check.highlighted', { count: analysis.findings.length })];
        if (result && result.notesSkipped.length) parts.push(t('check.notesSkipped', { count: result.notesSkipped.length }));
        setNotice({ job: 'highlight', intent: 'success', text: parts.join(' ') });
      }),
    [run, host, source, analysis, lang, t],
  );

  const clearHighlights = useCallback(
    () =>
      run(
        'clear',
        'stage.highlight',
        async () => {
          if (!host) return;
          await host.clearHighlights();
          setNotice({ job: 'clear', intent: 'info', text: t('check.cleared') });
        },
        false,
      ),
    [run, host, t],
  );

  const goToFinding = useCallback(
    async (finding: Finding) => {
      if (!host || !source) return;
      try {
        // With the snapshot: the host refuses when the row no longer holds what was read (rows inserted meanwhile).
        await host.selectCell(source.sheet, findingAddress(finding, source.grid.origin.column), source);
      } catch (failure) {
        setError('goto', failure);
      }
    },
    [host, source, setError],
  );

  const writeSummary = useCallback(
    (replace = false) =>
      run('summary', 'stage.summary', async (report, signal) => {
        if (!host || !analysis) return;
        setSummaryQuestion(null);
        const result = await host.writeSummary(analysis.summary, lang, { replace, signal, onProgress: report });
        if (result.needsConfirmation?.length) {
          setSummaryQuestion({ sheets: result.needsConfirmation });
          return;
        }
        setNotice({ job: 'summary', intent: 'success', text: t('summary.written', { sheets: result.sheets.join(lang === 'zh-CN' ? '、' : ', ') }) });
      }),
    [run, host, analysis, lang, t],
  );

  const saveSettings = useCallback(
    async (settings: unknown): Promise<boolean> => {
      let parsed: Config;
      try {
        parsed = parseConfig(settings);
      } catch (failure) {
        setError('settings', failure);
        return false;
      }
      let saved = false;
      await run('settings', 'stage.settings', async () => {
        if (!host) return;
        await host.saveSettings(settings);
        setStoredSettings(settings);
        setConfig(parsed);
        // The analysis was made with the old settings: read again to see the new ones at work.
        setAnalysis(null);
        setNotice({ job: 'settings', intent: 'success', text: t('settings.saved') });
        saved = true;
      }, false);
      return saved;
    },
    [run, host, t, setError],
  );

  return {
    connected: host !== null,
    source,
    analysis,
    repairedAnalysis,
    busy,
    error: error?.error ?? null,
    errorJob: error?.job ?? null,
    notice,
    summaryQuestion,
    config,
    storedSettings,
    readAndAnalyze,
    applyRepair,
    highlightFindings,
    clearHighlights,
    goToFinding,
    writeSummary,
    declineSummaryReplace: useCallback(() => setSummaryQuestion(null), []),
    saveSettings,
    dismissError: useCallback(() => setErrorState(null), [setErrorState]),
    dismissNotice: useCallback(() => setNotice(null), [setNotice]),
  };
}
