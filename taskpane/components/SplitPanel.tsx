/**
 * 发出报送表 at the top of the 合并报送 step: the master read, one click makes every 责任单位 its return form — the
 * workbook (status drop-down, the rest locked), the Word form, or both — and offers them as one zip through the
 * host's download, as 导出 Word does (WordExport.tsx): where the host cannot download, one sentence says where else
 * to get them. The files are made in the pane by the file layer (no network), one unit at a time, with progress
 * and a cancel between units. The web page shows the same panel, handing its own download in `offerDownload`.
 */
import { Button, Divider, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FolderZipRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Analysis, Config } from '../../src/core';
import { periodOf } from '../../src/core/returns';
import { installDocxReader } from '../../src/files/docx/openTableFile';
import { FileError } from '../../src/files/errors';
import { DEFAULT_SPLIT_FORMAT, splitRoundFiles, splitZipName, zipFiles, ZIP_MIME, type SplitFormat } from '../../src/files/round/splitRound';
import { useHost, useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';

// The Word forms this panel sends out come back as .docx: put the Word reader behind openWorkbook for the pane, so that
// the returns picked below in the same tab are read like the web page's worker reads them (src/web/session.ts does the
// same there). The reader is in the pane's bundle already (导出 Word); this only plugs it in.
installDocxReader();

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Saves bytes as a file the user keeps (the host's offerDownload, or the web page's own download). */
export type OfferDownload = (name: string, bytes: Uint8Array, mime: string) => Promise<void>;

export interface RoundSent {
  /** The zip's name. */
  name: string;
  units: number;
  files: number;
  /** Tasks that name no unit able to answer: sent to nobody. */
  unassigned: number;
}

/**
 * Makes every unit's files, zips them and offers the zip. Null when cancelled (nothing is offered then). Throws the
 * file layer's FileError as is.
 */
export async function sendRoundOut(
  offer: OfferDownload,
  analysis: Analysis,
  choice: { period: string | null; format: SplitFormat },
  config: Config,
  onProgress?: (done: number, total: number, unit: string) => void,
  signal?: { readonly aborted: boolean },
): Promise<RoundSent | null> {
  const made = await splitRoundFiles(analysis, { config, period: choice.period, format: choice.format, onProgress, signal });
  if (made.cancelled) return null;
  const name = splitZipName(made.plan.period);
  if (made.plan.units.length > 0) await offer(name, zipFiles(made.files), ZIP_MIME);
  return { name, units: made.plan.units.length, files: made.files.length, unassigned: made.plan.unassigned.length };
}

type Outcome = { kind: 'done'; sent: RoundSent } | { kind: 'cancelled' } | { kind: 'error'; text: string } | null;

/**
 * Makes the forms and offers them, as sendRoundOut does. The web page passes its own: there the forms are made in the
 * page's worker, which holds the master's records (the page holds only their counts).
 */
export type MakeRound = (
  offer: OfferDownload,
  choice: { period: string | null; format: SplitFormat },
  onProgress: (done: number, total: number, unit: string) => void,
  signal: { readonly aborted: boolean },
) => Promise<RoundSent | null>;

export function SplitPanel({ workbench, offerDownload, make }: { workbench: Pick<Workbench, 'analysis' | 'config' | 'busy'>; offerDownload?: OfferDownload; make?: MakeRound }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const host = useHost();
  const [period, setPeriod] = useState<string | null>(null);
  const [format, setFormat] = useState<SplitFormat>(DEFAULT_SPLIT_FORMAT);
  const [progress, setProgress] = useState<{ done: number; total: number; unit: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const cancel = useRef({ aborted: false });
  const { analysis, config } = workbench;

  const offer: OfferDownload | null =
    offerDownload ?? (host?.capabilities.download && host.offerDownload ? (name, bytes, mime) => (host.offerDownload as OfferDownload)(name, bytes, mime) : null);
  const masterPeriod = analysis ? periodOf(analysis.table.title) : null;
  const shownPeriod = period ?? masterPeriod ?? '';

  const run = async () => {
    if (!offer || !analysis) return;
    cancel.current = { aborted: false };
    setOutcome(null);
    setProgress({ done: 0, total: 0, unit: '' });
    try {
      const choice = { period: shownPeriod.trim() || null, format };
      const onProgress = (done: number, total: number, unit: string) => setProgress({ done, total, unit });
      const sent = make ? await make(offer, choice, onProgress, cancel.current) : await sendRoundOut(offer, analysis, choice, config, onProgress, cancel.current);
      setOutcome(sent ? { kind: 'done', sent } : { kind: 'cancelled' });
    } catch (error) {
      // The file layer says what went wrong in the user's language; anything else gets one plain sentence.
      setOutcome({ kind: 'error', text: error instanceof FileError ? error.messages[lang] : t('split.failed') });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className={styles.root} data-testid="split-panel">
      <Text weight="semibold" size={400} as="h2">
        {t('split.title')}
      </Text>
      <Text>{t('split.intro')}</Text>
      {!offer ? (
        <Text className={styles.muted} data-testid="split-unavailable">
          {t('split.unavailable')}
        </Text>
      ) : (
        <>
          <Field label={t('split.period')} hint={t('split.periodHint')}>
            <Input value={shownPeriod} placeholder="2018年1-10月" disabled={progress !== null} onChange={(_, data) => setPeriod(data.value)} />
          </Field>
          <Field label={t('split.format')}>
            <RadioGroup value={format} disabled={progress !== null} onChange={(_, data) => setFormat(data.value === 'docx' || data.value === 'both' ? data.value : 'xlsx')}>
              <Radio value="xlsx" label={t('split.format.xlsx')} />
              <Radio value="docx" label={t('split.format.docx')} />
              <Radio value="both" label={t('split.format.both')} />
            </RadioGroup>
          </Field>
          <Button icon={<FolderZipRegular />} disabled={!analysis || progress !== null || workbench.busy !== null} onClick={() => void run()} data-testid="split-run">
            {t('split.run')}
          </Button>
          {!analysis && <Text className={styles.muted}>{t('split.noMaster')}</Text>}
        </>
      )}
      {progress && (
        <div className={styles.progress} data-testid="split-progress">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
          <Text size={200}>{progress.total > 0 ? t('split.making', { done: progress.done + 1, total: progress.total, unit: progress.unit }) : t('split.starting')}</Text>
          <Button size="small" onClick={() => (cancel.current.aborted = true)}>
            {t('split.cancel')}
          </Button>
        </div>
      )}
      {outcome?.kind === 'done' && (
        <MessageBar intent={outcome.sent.units === 0 ? 'warning' : 'success'} data-testid="split-done">
          <MessageBarBody>
            {outcome.sent.units === 0
              ? t('split.noUnits')
              : t('split.done', { name: outcome.sent.name, units: outcome.sent.units, files: outcome.sent.files }) +
                (outcome.sent.unassigned > 0 ? ` ${t('split.unassigned', { count: outcome.sent.unassigned })}` : '')}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'cancelled' && (
        <MessageBar intent="warning" data-testid="split-cancelled">
          <MessageBarBody>{t('split.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error" layout="multiline" data-testid="split-error">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {/* Sending out ends here; taking the returns back in follows below. */}
      <Divider />
    </div>
  );
}
