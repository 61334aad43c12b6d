/**
 * The page's state and jobs: the same Workbench the pane's step components take (so 整理 / 校验 / 汇总 / 设置 are the
 * add-in's own panels), backed by the worker, plus what only the page has — the open file, its sheets, the grid, the
 * marks, downloads and cancel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultConfig, parseConfig, type Config } from '../../src/core';
import type { Analysis, Finding } from '../../src/core/types';
import type { SheetInfo, WorkbookFormat } from '../../src/files';
import type { ApplyMode, SourceSnapshot } from '../../src/host';
import type { ErrorInfo, ExportKind, ReplyMap, Request, WorkerEvent } from '../../src/web/protocol';
import { emptyMarks, type PackedGrid, type PackedMarks } from '../../src/web/transfer';
import { clickDownloadLink } from '../../src/host/download';
import { mimeType } from '../../src/web/fileNames';
import { useLanguage } from '../context';
import { findingAddress } from '../findings';
import type { MessageKey } from '../i18n';
import type { Notice, SummaryQuestion, Workbench } from '../useWorkbench';
import { useJobRunner } from '../useJobRunner';
import { loadStoredSettings, storeSettings } from './settingsStore';
import { CANCELLED, WorkerClient, type JobProgress } from './workerClient';
import { webTranslator, type WebKey } from './webText';

export interface WebBusy {
  label: string;
  done: number;
  total: number;
}

export interface ScrollTarget {
  row: number;
  column: number;
  /** Changes on every request, so asking for the same cell twice scrolls again. */
  seq: number;
}

export interface WebState {
  fileName: string | null;
  format: WorkbookFormat | null;
  sheets: SheetInfo[];
  sheet: string | null;
  grid: PackedGrid | null;
  /** The findings marked on the grid (`length`: how many). */
  marks: PackedMarks;
  scrollTarget: ScrollTarget | null;
  /** Why no table was read on the shown sheet. */
  problem: ErrorInfo | null;
  busy: WebBusy | null;
  /** What the page's own bars show (the panels get none: see the workbench below). */
  error: unknown;
  notice: Notice | null;
  /** 整理 has written the repaired table into this file (since it was opened): there is a repaired workbook to download. */
  repaired: boolean;
  openFile: (file: File) => Promise<void>;
  chooseSheet: (sheet: string) => Promise<void>;
  download: (kind: ExportKind) => Promise<void>;
  cancel: () => void;
  /** A request to the worker, for a step with a panel of its own (与上期对比), and the sheets to show after it wrote some. */
  request: <T extends Request>(request: T, report?: (p: JobProgress) => void, transfer?: Transferable[]) => Promise<ReplyMap[T['type']]>;
  showSheets: (sheets: SheetInfo[]) => void;
}

const PANE_STAGES: Record<string, MessageKey> = { read: 'stage.read', analyze: 'stage.analyze', write: 'stage.write' };
const WEB_STAGES: Record<string, WebKey> = { open: 'web.stage.open', export: 'web.stage.export', verify: 'web.stage.verify', load: 'web.stage.load' };

function isErrorInfo(error: unknown): error is ErrorInfo {
  return typeof error === 'object' && error !== null && 'code' in error && 'messages' in error;
}

/** What the pane's error bar shows: a settings error lists its problems, any other shows its message. */
function asPaneError(error: unknown): unknown {
  if (isErrorInfo(error) && error.issues) return { issues: error.issues };
  return error;
}

/** Saves bytes under a name through the browser's download (a blob URL on a link: works from file:// and any host). */
export function saveFile(bytes: Uint8Array | string, fileName: string, type = mimeType(fileName)): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  clickDownloadLink(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Resolves in a later task of the page's event loop, after React has drawn what was set before. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useWebWorkbench(): { workbench: Workbench; web: WebState } {
  const { lang, t } = useLanguage();
  const tw = useMemo(() => webTranslator(lang), [lang]);
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<WorkbookFormat | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [grid, setGrid] = useState<PackedGrid | null>(null);
  const [marks, setMarks] = useState<PackedMarks>(() => emptyMarks());
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null);
  const [problem, setProblem] = useState<ErrorInfo | null>(null);
  const [source, setSource] = useState<SourceSnapshot | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [repairedAnalysis, setRepairedAnalysis] = useState<Analysis | null>(null);
  const [repaired, setRepaired] = useState(false);
  const { busy, error, notice, setError, setNotice, run: runJob } = useJobRunner<WebBusy, unknown>();
  const [storedSettings, setStoredSettings] = useState<unknown>(() => loadStoredSettings());
  const [config, setConfig] = useState<Config>(() => defaultConfig());
  const opened = useRef<{ bytes: Uint8Array; name: string } | null>(null);
  const scrollSeq = useRef(0);
  const translate = useRef({ t, tw });
  translate.current = { t, tw };

  const onEvent = useCallback((event: WorkerEvent) => {
    if (event.type === 'marks') setMarks(event.marks);
    else if (event.type === 'scroll') {
      scrollSeq.current += 1;
      setScrollTarget({ row: event.row, column: event.column, seq: scrollSeq.current });
    }
  }, []);
  const client = useMemo(() => new WorkerClient(onEvent), [onEvent]);
  useEffect(() => () => client.dispose(), [client]);

  useEffect(() => {
    if (storedSettings === null) return;
    try {
      setConfig(parseConfig(storedSettings));
    } catch {
      setNotice({ intent: 'warning', text: translate.current.t('settings.loadFailed') });
    }
    // Stored settings are read once, when the page opens.
  }, []);

  const label = useCallback((stage: string): string => {
    const { t: paneT, tw: webT } = translate.current;
    if (PANE_STAGES[stage]) return paneT(PANE_STAGES[stage]);
    if (WEB_STAGES[stage]) return webT(WEB_STAGES[stage]);
    return webT('web.stage.export');
  }, []);

  /** Runs one job at a time (useJobRunner) with its progress shown in the page's bar; a cancel turns into a notice. */
  const run = useCallback(
    (stage: string, job: (report: (p: JobProgress) => void) => Promise<void>): Promise<boolean> =>
      runJob(
        { label: label(stage), done: 0, total: 0 },
        (show) => job((p) => show({ label: label(p.stage), done: p.done, total: p.total })),
        (failure) => (failure === CANCELLED ? { notice: { intent: 'info', text: translate.current.tw('web.cancelled') } } : { error: asPaneError(failure) }),
      ),
    [label, runJob],
  );

  const send = useCallback(
    <T extends Request>(request: T, report?: (p: JobProgress) => void, transfer?: Transferable[]) => client.request(request, report, transfer),
    [client],
  );

  const loadSheet = useCallback(
    async (name: string, report: (p: JobProgress) => void) => {
      setSource(null);
      setAnalysis(null);
      setMarks(emptyMarks());
      setProblem(null);
      setSheet(name);
      const loaded = await send({ type: 'load', sheet: name }, report);
      setGrid(loaded.grid);
      // The grid is drawn in one task, the panes (which go through every change and finding) in the next: two short
      // freezes instead of one long one on a 100k-row sheet.
      await nextTask();
      setProblem(loaded.problem);
      setAnalysis(loaded.analysis);
      setSource({
        // The values stay in the worker; the panes need only where the table sits and what it is called.
        grid: { values: [], merges: [], origin: loaded.grid.origin, sheet: name },
        sheet: name,
        address: loaded.address,
        fingerprint: loaded.fingerprint,
      });
    },
    [send],
  );

  /** Hands the file to the worker (a copy: the page keeps the bytes to reopen after a cancel). */
  const openInWorker = useCallback(
    async (bytes: Uint8Array, name: string) => {
      // A file (re)opened in a worker has no repair in it yet: a new file, or the same one after 取消.
      setRepaired(false);
      const copy = bytes.slice();
      const result = await send({ type: 'open', bytes: copy, fileName: name, settings: storedSettings }, undefined, [copy.buffer]);
      setFormat(result.format);
      setSheets(result.sheets);
      return result;
    },
    [send, storedSettings],
  );

  const openFile = useCallback(
    (file: File) =>
      run('open', async (report) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        setFileName(file.name);
        setGrid(null);
        setSource(null);
        setAnalysis(null);
        setMarks(emptyMarks());
        setProblem(null);
        opened.current = null;
        const result = await openInWorker(bytes, file.name);
        opened.current = { bytes, name: file.name };
        await loadSheet(result.sheet, report);
      }).then(() => undefined),
    [run, openInWorker, loadSheet],
  );

  const chooseSheet = useCallback((name: string) => run('load', (report) => loadSheet(name, report)).then(() => undefined), [run, loadSheet]);

  const readAndAnalyze = useCallback(async () => {
    if (!sheet) {
      setError({ code: 'no-file', messages: { 'zh-CN': t('error.noHost'), 'en-US': t('error.noHost') } });
      return;
    }
    await run('load', (report) => loadSheet(sheet, report));
  }, [run, loadSheet, sheet, t]);

  const cancel = useCallback(() => {
    client.cancel();
    // The fresh worker has no file: open it again; what was read before the cancel has to be read again.
    setSource(null);
    setAnalysis(null);
    setMarks(emptyMarks());
    const file = opened.current;
    if (file) void openInWorker(file.bytes, file.name).catch((failure: unknown) => setError(asPaneError(failure)));
  }, [client, openInWorker]);

  const applyRepair = useCallback(
    (mode: ApplyMode) =>
      run('write', async (report) => {
        const written = await send({ type: 'apply', mode, lang }, report);
        setRepairedAnalysis(analysis);
        setSheets(written.allSheets);
        setRepaired(true);
        setNotice({ intent: 'success', text: t('repair.applied', { sheet: written.sheets[0] ?? '' }) });
      }).then(() => undefined),
    [run, send, lang, t, analysis],
  );

  const highlightFindings = useCallback(
    () =>
      run('read', async () => {
        const { count } = await send({ type: 'highlight', lang });
        setNotice({ intent: 'success', text: t('check.highlighted', { count }) });
      }).then(() => undefined),
    [run, send, lang, t],
  );

  const clearHighlights = useCallback(
    () =>
      run('read', async () => {
        await send({ type: 'clear' });
        setNotice({ intent: 'info', text: t('check.cleared') });
      }).then(() => undefined),
    [run, send, t],
  );

  const goToFinding = useCallback(
    async (finding: Finding) => {
      if (!source) return;
      try {
        await send({ type: 'select', address: findingAddress(finding, source.grid.origin.column) });
      } catch (failure) {
        setError(asPaneError(failure));
      }
    },
    [send, source],
  );

  const [summaryQuestion, setSummaryQuestion] = useState<SummaryQuestion | null>(null);
  const writeSummary = useCallback(
    (replace?: boolean) =>
      run('write', async (report) => {
        setSummaryQuestion(null);
        const written = await send({ type: 'summary', lang, replace }, report);
        if (written.needsConfirmation) {
          setSummaryQuestion({ sheets: written.needsConfirmation });
          return;
        }
        setSheets(written.allSheets);
        setNotice({ intent: 'success', text: t('summary.written', { sheets: written.sheets.join(lang === 'zh-CN' ? '、' : ', ') }) });
      }).then(() => undefined),
    [run, send, lang, t],
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
      return run('write', async () => {
        await send({ type: 'settings', settings });
        storeSettings(settings);
        setStoredSettings(settings);
        setConfig(parsed);
        // The analysis was made with the old settings: analyze again to see the new ones at work.
        setAnalysis(null);
        setNotice({ intent: 'success', text: t('settings.saved') });
      });
    },
    [run, send, t],
  );

  const download = useCallback(
    (kind: ExportKind) =>
      run('export', async (report) => {
        const exported = await send({ type: 'export', kind, lang }, report);
        saveFile(exported.bytes, exported.fileName);
        setNotice({ intent: 'success', text: tw('web.downloaded', { name: exported.fileName }) });
      }).then(() => undefined),
    [run, send, lang, tw],
  );

  const workbench: Workbench = {
    connected: true,
    source,
    analysis,
    repairedAnalysis,
    // The page shows progress (with 取消), errors and notices in its own bars above the steps; the panels get busy only
    // to disable their buttons (tied to 'goto', a job with no progress of its own) and no second copy of the messages.
    busy: busy ? { job: 'goto', stage: 'stage.read', done: busy.done, total: busy.total } : null,
    error: null,
    notice: null,
    config,
    storedSettings,
    readAndAnalyze,
    applyRepair,
    highlightFindings,
    clearHighlights,
    goToFinding,
    writeSummary,
    summaryQuestion,
    declineSummaryReplace: useCallback(() => setSummaryQuestion(null), []),
    saveSettings,
    dismissError: useCallback(() => setError(null), [setError]),
    dismissNotice: useCallback(() => setNotice(null), [setNotice]),
  };
  const web: WebState = { fileName, format, sheets, sheet, grid, marks, scrollTarget, problem, busy, error, notice, repaired, openFile, chooseSheet, download, cancel, request: send, showSheets: setSheets };
  return { workbench, web };
}
