/**
 * 与上期对比, in the summary step of the add-in, WPS and the web page: pick last period's file, see per official how
 * many tasks are newly lagging, still lagging (for how many periods), recovered and completed this period, the lagging
 * tasks themselves, a chart, and write the comparison sheets (the CLI's `compare` sheets) into the workbook — or, on
 * the web page, into the downloadable copy. Where the work runs is the backend's business: the add-in reads the file
 * in the pane (file layer + engine, bytes in), the web page in its worker; the panel only shows and asks.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular, TableArrowUpRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, Config } from '../../src/core';
import { changeLabels, compareSheets, compareTables, taskPlaceLabel, taskPlaces, type Comparison, type StatusChange } from '../../src/core/returns';
import { officialLabel } from '../../src/core/summary/officialLabel';
import { NO_OFFICIAL } from '../../src/core/summary/summarize';
import type { Lang } from '../../src/core/types';
import { HostError, throwIfCancelled, type WorkbookHost } from '../../src/host';
import { readLastPeriod } from '../../src/host/lastPeriod';
import { useLanguage } from '../context';
import { compareTranslator, type CompareTranslate } from './CompareText';

/** The changes a manager asks about, in the order the counts and the chart show them. */
export const SHOWN_CHANGES = ['newly-lagging', 'still-lagging', 'recovered', 'completed'] as const satisfies readonly StatusChange[];
/** Lagging tasks listed in the pane; the comparison sheet has them all. */
export const LAGGING_LIMIT = 30;
const ACCEPT = '.xlsx,.xlsm,.xls,.xml,.htm,.html,.docx';

/** Red for what fell behind, orange for what stays behind, green for recovered, blue for done. */
export const CHANGE_COLORS: Record<(typeof SHOWN_CHANGES)[number], string> = {
  'newly-lagging': '#C50F1F',
  'still-lagging': '#F7630C',
  recovered: '#107C10',
  completed: '#0F6CBD',
};

export interface CompareWriteResult {
  sheets: string[];
  /** Nothing written: sheets of these names are the office's own; ask, then write again with replace. */
  needsConfirmation?: string[];
  /** The web page: the file offered for download. */
  downloaded?: string;
}

/** What the panel asks of the place it runs in. */
export interface CompareBackend {
  /** Compares this period's table with last period's file. Throws a HostError (or its plain-data form) with words for the user. */
  compare(file: File, signal: AbortSignal): Promise<Comparison>;
  write(comparison: Comparison, options: { replace: boolean; signal: AbortSignal }): Promise<CompareWriteResult>;
  /** 'write': into the open workbook (add-in, WPS); 'download': a copy of the file with the sheets added (web page). */
  action: 'write' | 'download';
  /** Where the chart is: written natively beside the sheet (Excel), drawn in this pane (WPS), or beside it on the page. */
  chart: 'native' | 'pane' | 'page';
}

/** The add-in and WPS: the file is read in the pane (bytes in, no network), the sheets go through the host seam. */
export function hostCompareBackend(host: WorkbookHost, current: Analysis, config: Config, lang: Lang): CompareBackend {
  return {
    action: 'write',
    chart: host.capabilities.chart ? 'native' : 'pane',
    async compare(file, signal) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Let the pane paint its progress line before the engine takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      throwIfCancelled(signal);
      const last = readLastPeriod(file.name, bytes, config);
      throwIfCancelled(signal);
      return compareTables(last, current, { config });
    },
    write(comparison, options) {
      return host.writeReportSheets(compareSheets(comparison, lang), { group: 'compare', replace: options.replace, signal: options.signal });
    },
  };
}

export interface ComparedFile {
  file: string;
  comparison: Comparison;
  /** The reading of this period's table it was made against. */
  against: Analysis;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  head: { minWidth: '2.6em', maxWidth: '4.5em', verticalAlign: 'bottom', whiteSpace: 'normal', wordBreak: 'break-all', paddingLeft: '4px', paddingRight: '4px' },
  name: { whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', paddingLeft: '4px', paddingRight: '4px' },
  totalRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  barRow: { display: 'grid', gridTemplateColumns: 'minmax(3.5em, max-content) 1fr 2em', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  bar: { display: 'flex', height: '14px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', marginRight: '4px' },
});

/** Counts per official (the officials with anything to report) and the total row. */
export function CompareCounts({ comparison, t, lang }: { comparison: Comparison; t: CompareTranslate; lang: Lang }) {
  const styles = useStyles();
  const rows = comparison.byOfficial.filter((o) => SHOWN_CHANGES.some((c) => o.counts[c] > 0));
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('compare.title')}>
      <Table size="extra-small" className={styles.table} aria-label={t('compare.title')} data-testid="compare-counts">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.head}>{t('compare.official')}</TableHeaderCell>
            {SHOWN_CHANGES.map((c) => (
              <TableHeaderCell key={c} className={styles.head}>
                {t(`compare.count.${c}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.official}>
              <TableCell className={styles.name}>{officialLabel(o.official, lang)}</TableCell>
              {SHOWN_CHANGES.map((c) => (
                <TableCell key={c} className={styles.number}>
                  {o.counts[c]}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow className={styles.totalRow} data-testid="compare-total">
            <TableCell className={styles.name}>{t('compare.total')}</TableCell>
            {SHOWN_CHANGES.map((c) => (
              <TableCell key={c} className={styles.number}>
                {comparison.counts[c]}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

/** The chart the comparison sheet carries, drawn in the pane for a host that writes none (WPS): one bar per official. */
export function CompareBars({ comparison, t, lang }: { comparison: Comparison; t: CompareTranslate; lang: Lang }) {
  const styles = useStyles();
  const rows = comparison.byOfficial.filter((o) => SHOWN_CHANGES.some((c) => o.counts[c] > 0));
  const widest = rows.reduce((max, o) => Math.max(max, SHOWN_CHANGES.reduce((n, c) => n + o.counts[c], 0)), 0) || 1;
  return (
    <figure className={styles.bars} aria-label={t('compare.chart')} data-testid="compare-bars">
      {rows.map((o) => {
        const sum = SHOWN_CHANGES.reduce((n, c) => n + o.counts[c], 0);
        const name = officialLabel(o.official, lang);
        const label = t('compare.chart.label', { official: name, parts: SHOWN_CHANGES.filter((c) => o.counts[c] > 0).map((c) => `${t(`compare.count.${c}`)} ${o.counts[c]}`).join(' · ') });
        return (
          <div key={o.official} className={styles.barRow} role="img" aria-label={label} title={label}>
            <Text size={200}>{name}</Text>
            <div className={styles.bar} style={{ width: `${(sum / widest) * 100}%` }}>
              {SHOWN_CHANGES.map((c) => (o.counts[c] > 0 ? <span key={c} style={{ width: `${(o.counts[c] / sum) * 100}%`, backgroundColor: CHANGE_COLORS[c] }} /> : null))}
            </div>
            <Text size={200}>{sum}</Text>
          </div>
        );
      })}
      <figcaption className={styles.legend}>
        {SHOWN_CHANGES.map((c) => (
          <Text key={c} size={200}>
            <span className={styles.swatch} style={{ backgroundColor: CHANGE_COLORS[c] }} aria-hidden="true" />
            {t(`compare.count.${c}`)}
          </Text>
        ))}
      </figcaption>
    </figure>
  );
}

/** The lagging tasks, newly lagging first, capped: the comparison sheet holds every task. */
export function LaggingList({ comparison, t, lang }: { comparison: Comparison; t: CompareTranslate; lang: Lang }) {
  const styles = useStyles();
  const lagging = [...comparison.tasks.filter((x) => x.change === 'newly-lagging'), ...comparison.tasks.filter((x) => x.change === 'still-lagging')];
  const places = useMemo(() => taskPlaces(comparison), [comparison]);
  return (
    <>
      <Text weight="semibold">{t('compare.lagging', { count: lagging.length })}</Text>
      {lagging.length === 0 ? (
        <Text>{t('compare.lagging.none')}</Text>
      ) : (
        <ul className={styles.list} data-testid="compare-lagging">
          {lagging.slice(0, LAGGING_LIMIT).map((x, i) => (
            <li key={`${x.row ?? x.lastRow}-${i}`}>
              <Text size={200}>
                {t('compare.lagging.line', { change: changeLabels[x.change][lang], official: officialLabel(x.official ?? NO_OFFICIAL, lang), place: taskPlaceLabel(x, places, lang), task: x.task.split('\n')[0]!.slice(0, 40) })}
                {x.periods ? t('compare.lagging.periods', { periods: x.periods }) : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {lagging.length > LAGGING_LIMIT && <Text className={styles.muted}>{t('compare.more', { count: lagging.length - LAGGING_LIMIT })}</Text>}
    </>
  );
}

function messageOf(error: unknown, lang: Lang, t: CompareTranslate): string {
  if (error instanceof HostError) return error.messages[lang];
  if (typeof error === 'object' && error !== null && 'messages' in error) {
    const messages = (error as { messages: Partial<Record<Lang, string>> }).messages;
    if (typeof messages[lang] === 'string') return messages[lang]!;
  }
  // Anything else is a bug: said without JavaScript internals.
  return t('compare.failed', { reason: lang === 'zh-CN' ? '意外错误' : 'unexpected error' });
}

export interface ComparePanelProps {
  backend: CompareBackend | null;
  /** This period's table as read now; null before any. */
  analysis: Analysis | null;
  /** Another job of the pane is running. */
  disabled?: boolean;
  /** Lifted state (the web page draws the chart beside the pane); by default the panel keeps its own. */
  result?: ComparedFile | null;
  onResult?: (result: ComparedFile | null) => void;
}

type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

export function ComparePanel({ backend, analysis, disabled = false, result: lifted, onResult }: ComparePanelProps) {
  const { lang } = useLanguage();
  const t = useMemo(() => compareTranslator(lang), [lang]);
  const styles = useStyles();
  const [own, setOwn] = useState<ComparedFile | null>(null);
  const result = lifted !== undefined ? lifted : own;
  const setResult = (next: ComparedFile | null) => (onResult ? onResult(next) : setOwn(next));
  const [working, setWorking] = useState<{ text: string; controller: AbortController } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [question, setQuestion] = useState<string[] | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  // A new reading of this period's table makes the comparison stale: it is dropped, and the pane says so.
  useEffect(() => {
    if (result && analysis && result.against !== analysis) {
      setResult(null);
      setQuestion(null);
      setMessage({ intent: 'info', text: t('compare.stale') });
    }
    // Only a new reading of the table matters here.
  }, [analysis]);

  const run = async (text: string, job: (signal: AbortSignal) => Promise<void>) => {
    const controller = new AbortController();
    setWorking({ text, controller });
    setMessage(null);
    try {
      await job(controller.signal);
    } catch (error) {
      if (controller.signal.aborted || (error instanceof HostError && error.code === 'cancelled')) setMessage({ intent: 'info', text: t('compare.cancelled') });
      else setMessage({ intent: 'error', text: messageOf(error, lang, t) });
    } finally {
      setWorking(null);
    }
  };

  const pick = (file: File | undefined) => {
    if (!file || !backend || !analysis) return;
    setQuestion(null);
    void run(t('compare.reading', { file: file.name }), async (signal) => {
      const comparison = await backend.compare(file, signal);
      throwIfCancelled(signal);
      setResult({ file: file.name, comparison, against: analysis });
    });
  };

  const write = (replace: boolean) => {
    if (!backend || !result) return;
    setQuestion(null);
    void run(t('compare.writing'), async (signal) => {
      const written = await backend.write(result.comparison, { replace, signal });
      if (written.needsConfirmation && written.needsConfirmation.length > 0) {
        setQuestion(written.needsConfirmation);
        return;
      }
      const native = backend.chart === 'native' && written.sheets.length > 1 ? ` ${t('compare.nativeChart', { sheet: written.sheets[written.sheets.length - 1]! })}` : '';
      setMessage({ intent: 'success', text: written.downloaded ? t('compare.downloaded', { name: written.downloaded }) : `${t('compare.written', { sheets: written.sheets.join(lang === 'zh-CN' ? '、' : ', ') })}${native}` });
    });
  };

  const busy = disabled || working !== null;
  return (
    <section className={styles.root} data-testid="compare-panel" aria-label={t('compare.title')}>
      <Text weight="semibold" size={400} as="h2">
        {t('compare.title')}
      </Text>
      <Text size={200}>{t('compare.intro')}</Text>
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        accept={ACCEPT}
        data-testid="compare-picker"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          pick(file);
        }}
      />
      <Button icon={<DocumentArrowUpRegular />} disabled={busy || !backend || !analysis} onClick={() => picker.current?.click()}>
        {t('compare.choose')}
      </Button>
      {!analysis && <Text className={styles.muted}>{t('compare.noTable')}</Text>}
      {working && (
        <MessageBar intent="info" data-testid="compare-working">
          <MessageBarBody>
            {working.text}{' '}
            <Button size="small" onClick={() => working.controller.abort()}>
              {t('compare.cancel')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="compare-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {question && (
        <MessageBar intent="warning" layout="multiline" data-testid="compare-question">
          <MessageBarBody>
            <MessageBarTitle>{t('compare.replace.title')}</MessageBarTitle>
            {t('compare.replace.body', { sheets: question.join(lang === 'zh-CN' ? '”“' : '", "') })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => write(true)}>
              {t('compare.replace.yes')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setQuestion(null);
                setMessage({ intent: 'info', text: t('compare.replace.declined') });
              }}
            >
              {t('compare.replace.no')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result && (
        <div className={styles.root} data-testid="compare-result">
          <Text>
            {t('compare.against', { file: result.file })}
            {result.comparison.lastPeriod && result.comparison.period ? ` ${t('compare.periods', { last: result.comparison.lastPeriod, now: result.comparison.period })}` : ''}
          </Text>
          <Text data-testid="compare-summary">
            {SHOWN_CHANGES.map((c) => `${t(`compare.count.${c}`)} ${result.comparison.counts[c]}`).join(lang === 'zh-CN' ? '，' : ', ')}
          </Text>
          <CompareCounts comparison={result.comparison} t={t} lang={lang} />
          {backend?.chart === 'pane' && (
            <>
              <CompareBars comparison={result.comparison} t={t} lang={lang} />
              <Text size={200} className={styles.muted}>
                {t('compare.noChart')}
              </Text>
            </>
          )}
          <Button appearance="primary" icon={backend?.action === 'download' ? <ArrowDownloadRegular /> : <TableArrowUpRegular />} disabled={busy} onClick={() => write(false)} data-testid="compare-write">
            {backend?.action === 'download' ? t('compare.download') : t('compare.write')}
          </Button>
          <LaggingList comparison={result.comparison} t={t} lang={lang} />
        </div>
      )}
    </section>
  );
}
