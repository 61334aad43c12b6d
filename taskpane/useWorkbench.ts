/**
 * The pane's state and the jobs it runs against the workbook: read + analyze the selection, apply the repair,
 * highlight findings, write summaries, load and save settings. Components get the results and the actions; only this
 * hook talks to the WorkbookHost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { analyze, defaultConfig, parseConfig, type Config } from '../src/core';
import type { Analysis, Finding } from '../src/core/types';
import type { ApplyMode, Progress, SourceSnapshot } from '../src/excel/host';
import { useHost, useLanguage } from './context';
import type { MessageKey } from './i18n';
import { findingAddress } from './findings';

export interface BusyState {
  stage: MessageKey;
  done: number;
  total: number;
}

export interface Notice {
  intent: 'success' | 'info' | 'warning';
  text: string;
}

export interface Workbench {
  /** A workbook is there to work on (false outside Excel). */
  connected: boolean;
  source: SourceSnapshot | null;
  analysis: Analysis | null;
  busy: BusyState | null;
  error: unknown;
  notice: Notice | null;
  config: Config;
  /** The settings as stored in the workbook (what the user wrote), null when none are stored. */
  storedSettings: unknown;
  readAndAnalyze: () => Promise<void>;
  applyRepair: (mode: ApplyMode) => Promise<void>;
  highlightFindings: () => Promise<void>;
  clearHighlights: () => Promise<void>;
  goToFinding: (finding: Finding) => Promise<void>;
  writeSummary: () => Promise<void>;
  saveSettings: (settings: unknown) => Promise<boolean>;
  dismissError: () => void;
  dismissNotice: () => void;
}

const STAGE_KEYS: Record<string, MessageKey> = {
  read: 'stage.read',
  analyze: 'stage.analyze',
  write: 'stage.write',
  highlight: 'stage.highlight',
  summary: 'stage.summary',
  settings: 'stage.settings',
};

function stageKey(stage: string, fallback: MessageKey): MessageKey {
  return STAGE_KEYS[stage] ?? fallback;
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
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [config, setConfig] = useState<Config>(() => defaultConfig());
  const [storedSettings, setStoredSettings] = useState<unknown>(null);
  const running = useRef(false);

  /** Runs one job at a time, with its progress shown and its failure turned into an error bar. */
  const run = useCallback(
    async (stage: MessageKey, job: (report: (p: Progress) => void) => Promise<void>) => {
      if (running.current) return;
      if (!host) {
        setError(new Error(t('error.noHost')));
        return;
      }
      running.current = true;
      setError(null);
      setNotice(null);
      setBusy({ stage, done: 0, total: 0 });
      const report = (p: Progress) => setBusy({ stage: stageKey(p.stage, stage), done: p.done, total: p.total });
      try {
        await job(report);
      } catch (failure) {
        setError(failure);
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [host, t],
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
          setNotice({ intent: 'warning', text: t('settings.loadFailed') });
        }
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure);
      });
    return () => {
      cancelled = true;
    };
    // Settings are read once per host; a language switch (a new `t`) must not reload them.
  }, [host]);

  const readAndAnalyze = useCallback(
    () =>
      run('stage.read', async (report) => {
        if (!host) return;
        const snapshot = await host.readSelection(report);
        setBusy({ stage: 'stage.analyze', done: 0, total: 0 });
        await nextFrame();
        const result = analyze(snapshot.grid, { config });
        setSource(snapshot);
        setAnalysis(result);
      }),
    [run, host, config],
  );

  const applyRepair = useCallback(
    (mode: ApplyMode) =>
      run('stage.write', async (report) => {
        if (!host || !source || !analysis) return;
        const { sheet } = await host.applyPlan(source, analysis.plan, { mode, lang }, report);
        setNotice({ intent: 'success', text: t('repair.applied', { sheet }) });
      }),
    [run, host, source, analysis, lang, t],
  );

  const highlightFindings = useCallback(
    () =>
      run('stage.highlight', async () => {
        if (!host || !source || !analysis) return;
        await host.highlight(source, analysis.findings, lang);
        setNotice({ intent: 'success', text: t('check.highlighted', { count: analysis.findings.length }) });
      }),
    [run, host, source, analysis, lang, t],
  );

  const clearHighlights = useCallback(
    () =>
      run('stage.highlight', async () => {
        if (!host) return;
        await host.clearHighlights();
        setNotice({ intent: 'info', text: t('check.cleared') });
      }),
    [run, host, t],
  );

  const goToFinding = useCallback(
    async (finding: Finding) => {
      if (!host || !source) return;
      try {
        await host.selectCell(source.sheet, findingAddress(finding, source.grid.origin.column));
      } catch (failure) {
        setError(failure);
      }
    },
    [host, source],
  );

  const writeSummary = useCallback(
    () =>
      run('stage.summary', async () => {
        if (!host || !analysis) return;
        const { sheets } = await host.writeSummary(analysis.summary, lang);
        setNotice({ intent: 'success', text: t('summary.written', { sheets: sheets.join(lang === 'zh-CN' ? '、' : ', ') }) });
      }),
    [run, host, analysis, lang, t],
  );

  const saveSettings = useCallback(
    async (settings: unknown): Promise<boolean> => {
      let parsed: Config;
      try {
        parsed = parseConfig(settings);
      } catch (failure) {
        setError(failure);
        return false;
      }
      let saved = false;
      await run('stage.settings', async () => {
        if (!host) return;
        await host.saveSettings(settings);
        setStoredSettings(settings);
        setConfig(parsed);
        // The analysis was made with the old settings: read again to see the new ones at work.
        setAnalysis(null);
        setNotice({ intent: 'success', text: t('settings.saved') });
        saved = true;
      });
      return saved;
    },
    [run, host, t],
  );

  return {
    connected: host !== null,
    source,
    analysis,
    busy,
    error,
    notice,
    config,
    storedSettings,
    readAndAnalyze,
    applyRepair,
    highlightFindings,
    clearHighlights,
    goToFinding,
    writeSummary,
    saveSettings,
    dismissError: useCallback(() => setError(null), []),
    dismissNotice: useCallback(() => setNotice(null), []),
  };
}
