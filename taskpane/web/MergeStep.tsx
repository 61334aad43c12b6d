/**
 * The web page's 合并报送 step: with the master table read, choose (or drop) the units' returns; each is read in the
 * worker, one file per request, so the step can say which file it is on and stop between files without losing the
 * master; then the preview (MergeOverviewView, the add-in's own) and 应用合并, as 整理 applies (the add-in's MergePanel
 * path): the merged table written into the page's workbook — a new sheet, or in place with the original in a backup —
 * with its change log and the CLI's merge sheets, then read, so that 校验 and 汇总 work on it next. The whole workbook
 * stays one click away as a download named after the master.
 */
import { Button, Divider, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkRegular, DismissRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../src/core/types';
import type { ApplyMode } from '../../src/host';
import type { ErrorInfo } from '../../src/web/protocol';
import type { MergeOverview } from '../../src/web/returnsOverview';
import type { ReturnsApplied, ReturnsPreview } from '../../src/web/returnsProtocol';
import { useLanguage } from '../context';
import { SplitPanel, type MakeRound, type OfferDownload } from '../components/SplitPanel';
import type { Workbench } from '../useWorkbench';
import { FilePicker } from './FilePicker';
import { MergeOverviewView } from './MergeOverview';
import { returnsTranslator } from './returnsText';
import { useFileDrop } from './useFileDrop';
import { saveFile, type WebState } from './useWebWorkbench';
import { webTranslator } from './webText';
import { CANCELLED } from './workerClient';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  files: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  busy: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Reading = { kind: 'read'; done: number; total: number; file: string } | { kind: 'merge' } | { kind: 'write' } | { kind: 'download' };

/** What an apply wrote, in the words of the success line: the table, its backup and change log, the round's sheets. */
function appliedText(applied: ReturnsApplied, lang: Lang): string {
  const tr = returnsTranslator(lang);
  const [log, ...round] = applied.sheets.slice(applied.backup ? 2 : 1);
  const params = { sheet: applied.sheet, backup: applied.backup ?? '', log: log ?? '', sheets: round.join(lang === 'zh-CN' ? '、' : ', ') };
  return tr(applied.backup ? 'returns.appliedInPlace' : 'returns.applied', params);
}

function isErrorInfo(error: unknown): error is ErrorInfo {
  return typeof error === 'object' && error !== null && 'code' in error && 'messages' in error;
}

/** The worker's errors carry both languages; anything else says only that it failed (no internals). */
function errorText(error: unknown, lang: Lang): string {
  if (isErrorInfo(error)) return error.messages[lang];
  return lang === 'zh-CN' ? '处理时出现意外错误，文件未作任何改动。' : 'Something unexpected went wrong; nothing was changed.';
}

/** A file layer message already names its file ("回复.xlsx：这个文件不是 Excel 工作簿"): not named twice. */
function unreadableLine(file: string, reason: string, lang: Lang): string {
  if (reason.startsWith(file)) return reason;
  return returnsTranslator(lang)('returns.unreadable', { file, reason });
}

export function MergeStep({ workbench, web }: { workbench: Workbench; web: WebState }) {
  const { lang } = useLanguage();
  const tr = returnsTranslator(lang);
  const styles = useStyles();
  const [files, setFiles] = useState<string[]>([]);
  const [overview, setOverview] = useState<MergeOverview | null>(null);
  const [unreadable, setUnreadable] = useState<Array<{ file: string; messages: Record<Lang, string> }>>([]);
  const [reading, setReading] = useState<Reading | null>(null);
  // Words made when shown, so that a message follows the language switch.
  const [message, setMessage] = useState<{ intent: 'success' | 'warning' | 'error'; text: (lang: Lang) => string } | null>(null);
  const [mode, setMode] = useState<ApplyMode>('new-sheet');
  /** Set once a merge was applied: the workbook (with it) can be downloaded. */
  const [applied, setApplied] = useState(false);
  const cancelled = useRef(false);
  const { request, showSheets, chooseSheet } = web;
  const master = workbench.analysis;
  const idle = reading === null && workbench.busy === null;

  const offerDownload = useCallback<OfferDownload>((name, bytes, mime) => Promise.resolve(saveFile(bytes, name, mime)), []);
  const makeInWorker = useCallback<MakeRound>(
    async (offer, choice, onProgress, signal) => {
      // The worker says how many units are done, not which: the panel shows the count.
      const sent = await request({ type: 'returns-split', ...choice }, (p) => onProgress(p.done, p.total, ''));
      // 取消 cannot stop the worker half way without losing the master: the forms made are then not offered.
      if (signal.aborted) return null;
      if (sent.units > 0) await offer(sent.fileName, sent.bytes, 'application/zip');
      return { name: sent.fileName, units: sent.units, files: sent.files, unassigned: sent.unassigned };
    },
    [request],
  );

  const show = useCallback((preview: ReturnsPreview) => {
    setFiles(preview.files);
    setOverview(preview.overview);
    setApplied(preview.applied);
  }, []);

  const failed = useCallback((failure: unknown) => {
    // The page's 取消 (or a crash) starts a fresh worker: the returns read there are gone.
    if (failure === CANCELLED || (isErrorInfo(failure) && failure.code === 'worker-failed')) {
      setFiles([]);
      setOverview(null);
    }
    setMessage({ intent: failure === CANCELLED ? 'warning' : 'error', text: (l) => errorText(failure, l) });
  }, []);

  // Another master (a new file, another sheet, new settings): the same returns placed on it again.
  useEffect(() => {
    if (!master) return;
    let live = true;
    request({ type: 'returns-preview' })
      .then((preview) => live && show(preview))
      .catch((failure: unknown) => live && failed(failure));
    return () => {
      live = false;
    };
  }, [master, request, show, failed]);

  const addReturns = async (list: readonly File[]) => {
    if (list.length === 0 || !master) return;
    cancelled.current = false;
    setMessage(null);
    const bad: Array<{ file: string; messages: Record<Lang, string> }> = [];
    const good = new Set<string>();
    let read = 0;
    try {
      for (const [i, file] of list.entries()) {
        if (cancelled.current) break;
        setReading({ kind: 'read', done: i + 1, total: list.length, file: file.name });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await request({ type: 'returns-read', file: file.name, bytes }, undefined, [bytes.buffer]);
        if (result.ok) {
          read += 1;
          good.add(result.file);
        } else bad.push({ file: result.file, messages: result.messages });
      }
      setReading({ kind: 'merge' });
      show(await request({ type: 'returns-preview' }));
      if (cancelled.current) setMessage({ intent: 'warning', text: (l) => returnsTranslator(l)('returns.cancelled', { count: read }) });
    } catch (failure) {
      failed(failure);
    } finally {
      // The lines of earlier picks stay until their file is read again (and read well) or the list is cleared.
      const again = new Set(bad.map((b) => b.file));
      setUnreadable((before) => [...before.filter((b) => !good.has(b.file) && !again.has(b.file)), ...bad]);
      setReading(null);
    }
  };

  const remove = async (file: string | null) => {
    setMessage(null);
    try {
      show(await request({ type: 'returns-remove', file }));
      if (file === null) setUnreadable([]);
    } catch (failure) {
      failed(failure);
    }
  };

  const apply = async () => {
    setMessage(null);
    setReading({ kind: 'write' });
    try {
      const result = await request({ type: 'returns-apply', lang, mode }, (p) => setReading(p.stage === 'merge' ? { kind: 'merge' } : { kind: 'write' }));
      setApplied(true);
      setMessage({ intent: 'success', text: (l) => appliedText(result, l) });
      showSheets(result.allSheets);
      setReading(null);
      // The merged table read as 整理's result is: the grid shows it, 校验 and 汇总 work on it.
      await chooseSheet(result.sheet);
    } catch (failure) {
      failed(failure);
    } finally {
      setReading(null);
    }
  };

  const download = async () => {
    setReading({ kind: 'download' });
    try {
      const workbook = await request({ type: 'returns-download', lang });
      saveFile(workbook.bytes, workbook.fileName);
    } catch (failure) {
      failed(failure);
    } finally {
      setReading(null);
    }
  };

  // The page opens a file dropped anywhere else as the master: a drop here adds returns instead.
  const drop = useFileDrop({ onFiles: (list) => void addReturns(list), multiple: true, contained: true, disabled: !idle });

  return (
    <div className={styles.root} data-testid="merge-step">
      {/* 发出报送表 first (the add-in's panel); the forms are made in the worker, which holds the master's records. */}
      <SplitPanel workbench={workbench} offerDownload={offerDownload} make={makeInWorker} />
      <Divider />
      <Text weight="semibold" size={400} as="h2" data-testid="returns-heading">
        {tr('returns.heading')}
      </Text>
      <Text>{tr('returns.intro')}</Text>
      {!master && (
        <MessageBar intent="info" data-testid="merge-no-master">
          <MessageBarBody>{tr('returns.noMaster')}</MessageBarBody>
        </MessageBar>
      )}
      <FilePicker
        drop={drop}
        label={tr('returns.choose')}
        icon={<DocumentArrowUpRegular />}
        disabled={!master || !idle}
        hint={
          <Text size={200} className={styles.muted}>
            {drop.dropping ? tr('returns.dropActive') : tr('returns.drop')}
          </Text>
        }
        zoneTestId="merge-drop"
        inputTestId="merge-picker"
      />
      {reading && (
        <div className={styles.busy} data-testid="merge-busy">
          <Text size={200}>{reading.kind === 'read' ? tr('returns.reading', reading) : reading.kind === 'merge' ? tr('returns.merging') : reading.kind === 'write' ? tr('returns.writing') : tr('returns.downloading')}</Text>
          <ProgressBar value={reading.kind === 'read' ? reading.done / reading.total : undefined} />
          {reading.kind === 'read' && (
            <Button size="small" icon={<DismissRegular />} onClick={() => (cancelled.current = true)}>
              {webTranslator(lang)('web.cancel')}
            </Button>
          )}
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="merge-message">
          <MessageBarBody>{message.text(lang)}</MessageBarBody>
        </MessageBar>
      )}
      {unreadable.map((u) => (
        <MessageBar key={u.file} intent="warning" data-testid="merge-unreadable">
          <MessageBarBody>{unreadableLine(u.file, u.messages[lang], lang)}</MessageBarBody>
        </MessageBar>
      ))}
      {files.length > 0 && (
        <div>
          <Text weight="semibold">{tr('returns.files', { count: files.length })}</Text>
          <ul className={styles.files} data-testid="merge-files">
            {files.map((file) => (
              <li key={file} className={styles.file}>
                <Button size="small" appearance="subtle" icon={<DismissRegular />} disabled={!idle} aria-label={tr('returns.remove', { file })} title={tr('returns.remove', { file })} onClick={() => void remove(file)} />
                <Text size={200}>{file}</Text>
              </li>
            ))}
          </ul>
          <Button size="small" disabled={!idle} onClick={() => void remove(null)}>
            {tr('returns.clear')}
          </Button>
        </div>
      )}
      {overview && master && (
        <>
          <Field label={tr('returns.mode')}>
            <RadioGroup value={mode} layout="horizontal" data-testid="merge-mode" onChange={(_, data) => setMode(data.value === 'in-place' ? 'in-place' : 'new-sheet')}>
              <Radio value="new-sheet" label={tr('returns.mode.newSheet')} />
              <Radio value="in-place" label={tr('returns.mode.inPlace')} />
            </RadioGroup>
          </Field>
          <Button appearance="primary" icon={<CheckmarkRegular />} disabled={!idle || overview.cellCount === 0} onClick={() => void apply()} data-testid="merge-apply">
            {tr('returns.apply')}
          </Button>
        </>
      )}
      {applied && (
        <Button icon={<ArrowDownloadRegular />} disabled={!idle} onClick={() => void download()} data-testid="merge-download">
          {tr('returns.download')}
        </Button>
      )}
      {overview && master && <MergeOverviewView overview={overview} lang={lang} />}
    </div>
  );
}
