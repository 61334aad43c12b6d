/**
 * 合并报送: choose the units' returns with a file picker, see who answered and what will change, then apply through
 * the host's preview → apply → change log → backup path (host.applyPlan, as 整理 does); the comparison with last
 * period lives in the 汇总 step (ComparePanel). The files are read in the pane with the file layer (bytes in, no network).
 */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MergeRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { UnusableInputError, analyze, type Config } from '../../src/core';
import { matchReturns, mergedRepairPlan, type MergePlan, type ReturnInput } from '../../src/core/returns';
import type { Lang } from '../../src/core/types';
import type { ApplyMode } from '../../src/host';
import { FileError, openWorkbook } from '../../src/files';
import { useHost, useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';
import { compareTranslator } from './CompareText';
import { mergeTranslator, type MergeTranslate } from './mergeText';
import { SourceBar } from './SourceBar';
import { SplitPanel } from './SplitPanel';

const LIST_LIMIT = 50;
const ACCEPT = '.xlsx,.xlsm,.xls,.xml,.htm,.html,.docx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
});

export type ReadResult = { ok: true; input: ReturnInput } | { ok: false; file: string; reason: string };

/** One return file read into the engine: its first visible sheet; a file that cannot be used says why in one line. */
export function readReturnFile(name: string, bytes: Uint8Array, config: Config, lang: Lang): ReadResult {
  try {
    const workbook = openWorkbook(bytes, { fileName: name });
    const sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
    if (!sheet) return { ok: false, file: name, reason: lang === 'zh-CN' ? '没有工作表' : 'no sheet' };
    const { grid } = workbook.readSheet(sheet.name);
    return { ok: true, input: { file: name, analysis: analyze(grid, { config }) } };
  } catch (error) {
    if (error instanceof FileError || error instanceof UnusableInputError) return { ok: false, file: name, reason: error.messages[lang] };
    throw error;
  }
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

export function MergePreview({ plan, t, lang }: { plan: MergePlan; t: MergeTranslate; lang: Lang }) {
  const styles = useStyles();
  const answered = plan.units.filter((u) => u.files.length > 0);
  const silent = plan.units.filter((u) => u.files.length === 0);
  return (
    <div className={styles.root} data-testid="merge-preview">
      <Text>{t('merge.summary', { returns: plan.returns.length, cells: plan.cells.length, units: plan.units.length, answered: answered.length })}</Text>
      <Text weight="semibold">{t('merge.silent', { count: silent.length })}</Text>
      <Text size={200}>{silent.map((u) => u.unit).join(lang === 'zh-CN' ? '、' : ', ')}</Text>
      <Text weight="semibold">{t('merge.answered', { count: answered.length })}</Text>
      <ul className={styles.list}>
        {answered.slice(0, LIST_LIMIT).map((u) => (
          <li key={u.unit}>
            <Text size={200}>{t('merge.unitLine', { unit: u.unit, files: u.files.join(', '), returned: u.returned, missing: u.missingLeads })}</Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold">{t('merge.changes', { count: plan.cells.length })}</Text>
      <ul className={styles.list}>
        {plan.cells.slice(0, LIST_LIMIT).map((c) => (
          <li key={`${c.outputRow}:${c.column}`}>
            <Text size={200}>{t('merge.changeLine', { number: c.ref, column: c.columnLabel, sources: c.sources.map((s) => `${s.unit ?? s.file}`).join(', ') })}</Text>
            <br />
            <Text size={200} className={styles.muted}>
              {c.after.slice(0, 120)}
            </Text>
          </li>
        ))}
      </ul>
      {plan.cells.length > LIST_LIMIT && <Text className={styles.muted}>{t('merge.more', { count: plan.cells.length - LIST_LIMIT })}</Text>}
      <Text weight="semibold">{t('merge.findings', { count: plan.findings.length })}</Text>
      {plan.findings.length === 0 ? (
        <Text>{t('merge.noFindings')}</Text>
      ) : (
        <ul className={styles.list} data-testid="merge-findings">
          {plan.findings.slice(0, LIST_LIMIT).map((f, i) => (
            <li key={i}>
              <Text size={200}>
                [{f.rule}] {f.file ?? ''} {f.cell ?? ''} {f.messages[lang]}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
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
          <MergePreview plan={plan} t={t} lang={lang} />
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
