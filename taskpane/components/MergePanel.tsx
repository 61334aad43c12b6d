/**
 * 合并报送: choose the units' returns with a file picker, see who answered and what will change, then apply through
 * the host's preview → apply → change log → backup path (host.applyPlan, as 整理 does); the comparison with last
 * period lives in the 汇总 step (ComparePanel). The files are read in the pane with the file layer (bytes in, no network).
 */
import { Button, Divider, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MergeRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import type { Analysis, Config } from '../../src/core';
import { matchReturns, mergedRepairPlan, type MergePlan, type ReturnInput } from '../../src/core/returns';
import { mergeOverview } from '../../src/web/returnsOverview';
import { readReturn } from '../../src/web/returnsRead';
import { MergeOverviewView } from '../web/MergeOverview';
import type { Lang } from '../../src/core/types';
import type { ApplyMode } from '../../src/host';
import { useHost, useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';
import { compareTranslator } from './CompareText';
import { mergeTranslator } from './mergeText';
import { SourceBar } from './SourceBar';
import { SplitPanel } from './SplitPanel';

const ACCEPT = '.xlsx,.xlsm,.xls,.xml,.htm,.html,.docx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
});

export type ReadResult = { ok: true; input: ReturnInput } | { ok: false; file: string; reason: string };

/** One return file read into the engine (src/web/returnsRead.ts, as the web page reads it); a bad file says why in one line. */
export function readReturnFile(name: string, bytes: Uint8Array, config: Config, lang: Lang): ReadResult {
  const read = readReturn(name, bytes, config);
  return read.ok ? { ok: true, input: read.input } : { ok: false, file: name, reason: read.messages[lang] };
}

/** Read picked files one at a time, yielding to the browser between them so the pane shows progress and can cancel. */
async function readPicked(files: File[], config: Config, lang: Lang, onProgress: (done: number, file: string) => void, cancelled: () => boolean): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (const [i, file] of files.entries()) {
    if (cancelled()) break;
    onProgress(i, file.name);
    await new Promise((resolve) => setTimeout(resolve, 0));
    out.push(readReturnFile(file.name, new Uint8Array(await file.arrayBuffer()), config, lang));
  }
  return out;
}

/** The preview both front ends show (taskpane/web/MergeOverview.tsx), made from the plan here in the pane. */
export function MergePreview({ plan, master, lang }: { plan: MergePlan; master?: Analysis; lang: Lang }) {
  const overview = useMemo(() => mergeOverview(plan, master), [plan, master]);
  return <MergeOverviewView overview={overview} lang={lang} />;
}

export function MergePanel({ workbench }: { workbench: Workbench }) {
  const { lang } = useLanguage();
  const t = useMemo(() => mergeTranslator(lang), [lang]);
  const host = useHost();
  const styles = useStyles();
  const { analysis, source, config } = workbench;
  const [returns, setReturns] = useState<ReturnInput[]>([]);
  const [unreadable, setUnreadable] = useState<Array<{ file: string; reason: string }>>([]);
  const [reading, setReading] = useState<{ done: number; total: number; file: string } | null>(null);
  const [mode, setMode] = useState<ApplyMode>('new-sheet');
  const [message, setMessage] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const cancel = useRef(false);
  const picker = useRef<HTMLInputElement>(null);
  const plan = useMemo(() => (analysis && returns.length > 0 ? matchReturns(analysis, returns, { config }) : null), [analysis, returns, config]);

  const pickReturns = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = Array.from(list);
    cancel.current = false;
    setMessage(null);
    const results = await readPicked(files, config, lang, (done, file) => setReading({ done: done + 1, total: files.length, file }), () => cancel.current);
    setReading(null);
    if (cancel.current) setMessage({ intent: 'warning', text: t('merge.cancelled') });
    setReturns(results.flatMap((r) => (r.ok ? [r.input] : [])));
    setUnreadable(results.flatMap((r) => (r.ok ? [] : [{ file: r.file, reason: r.reason }])));
  };

  const apply = async () => {
    if (!host || !source || !analysis || !plan) return;
    try {
      const { sheet } = await host.applyPlan(source, mergedRepairPlan(analysis, plan), { mode, lang });
      setMessage({ intent: 'success', text: t('merge.applied', { sheet }) });
    } catch (error) {
      // Host errors carry both languages; anything else is a bug and is shown without internals.
      const text = error instanceof Error && 'messages' in error ? (error as Error & { messages: Record<Lang, string> }).messages[lang] : String(error instanceof Error ? error.name : error);
      setMessage({ intent: 'error', text });
    }
  };

  return (
    <div className={styles.root}>
      <SourceBar source={source} analysis={analysis} disabled={workbench.busy !== null || !workbench.connected} onRead={() => void workbench.readAndAnalyze()} />
      <SplitPanel workbench={workbench} />
      <Divider />
      {/* A heading like 发出报送表's above it, so the step reads as its two parts: send the forms out, merge what comes back. */}
      <Text weight="semibold" size={400} as="h2" data-testid="returns-heading">
        {t('merge.heading')}
      </Text>
      <Text>{t('merge.intro')}</Text>
      <input ref={picker} className={styles.hidden} type="file" multiple accept={ACCEPT} data-testid="merge-picker" onChange={(e) => void pickReturns(e.target.files)} />
      <Button icon={<DocumentArrowUpRegular />} disabled={!analysis || reading !== null} onClick={() => picker.current?.click()}>
        {t('merge.choose')}
      </Button>
      {!analysis && <Text className={styles.muted}>{t('merge.noMaster')}</Text>}
      {reading && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('merge.reading', reading)}{' '}
            <Button size="small" onClick={() => (cancel.current = true)}>
              {t('merge.cancel')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {unreadable.map((u) => (
        <MessageBar key={u.file} intent="warning">
          <MessageBarBody>{t('merge.unreadable', u)}</MessageBarBody>
        </MessageBar>
      ))}
      {plan && (
        <>
          <MergePreview plan={plan} master={analysis ?? undefined} lang={lang} />
          <Field label={t('merge.mode')}>
            <RadioGroup value={mode} onChange={(_, data) => setMode(data.value === 'in-place' ? 'in-place' : 'new-sheet')}>
              <Radio value="new-sheet" label={t('merge.mode.new-sheet')} />
              <Radio value="in-place" label={t('merge.mode.in-place')} />
            </RadioGroup>
          </Field>
          <Button appearance="primary" icon={<MergeRegular />} disabled={!host || !source || plan.cells.length === 0} onClick={() => void apply()}>
            {t('merge.apply')}
          </Button>
        </>
      )}
      <Text size={200} className={styles.muted}>
        {compareTranslator(lang)('compare.inSummary')}
      </Text>
    </div>
  );
}
