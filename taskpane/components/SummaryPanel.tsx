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
import { DataBarVerticalRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { officialLabel } from '../../src/core/summary/officialLabel';
import { statusLabel } from '../../src/core/summary/statusLabel';
import type { Lang, Summary } from '../../src/core/types';
import { useHost, useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';
import { ComparePanel, hostCompareBackend, type CompareBackend, type ComparedFile } from './ComparePanel';
import { OfficialChart, statusColors } from './OfficialChart';
import { SourceBar } from './SourceBar';
import { JobStatus } from './StatusBars';
import { WordExport } from './WordExport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The table scrolls sideways inside the pane (about 350 px wide in Excel) instead of being cut off; headings wrap
  // onto several lines (see `heading`) so most tables fit without scrolling at all.
  // A shadow on the right edge says there is more to scroll to; it goes once the last column is in view (the cover
  // scrolls with the content, the shadow stays with the box). The box takes keyboard focus so arrow keys reach it too.
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    WebkitOverflowScrolling: 'touch',
    backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralBackground1}, ${tokens.colorNeutralBackground1}), linear-gradient(to left, rgba(0, 0, 0, 0.24), rgba(0, 0, 0, 0))`,
    backgroundPosition: 'right center, right center',
    backgroundRepeat: 'no-repeat',
    backgroundSize: '20px 100%, 16px 100%',
    backgroundAttachment: 'local, scroll',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // The last column keeps some room on its right, so its numbers do not touch the box's edge (or the shadow).
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%', '& th:last-child, & td:last-child': { paddingRight: tokens.spacingHorizontalM } },
  statusHeader: { minWidth: '2.6em', verticalAlign: 'bottom', paddingLeft: '4px', paddingRight: '4px' },
  // A heading wraps at about 4.5em, and only between words ("On / schedule", never "On sche / dule"; Chinese still
  // breaks between any two characters, as Chinese does). A single word longer than that ("recognized") widens its
  // column instead of running into the next one: min-width wins over max-width.
  heading: {
    display: 'inline-block',
    maxWidth: '4.5em',
    minWidth: 'min-content',
    whiteSpace: 'normal',
    wordBreak: 'normal',
    overflowWrap: 'normal',
    hyphens: 'manual',
    lineHeight: tokens.lineHeightBase200,
  },
  // The official's name stays in view while the status columns scroll under it.
  name: { whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px', position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  officialHeader: { minWidth: '4em', whiteSpace: 'nowrap', verticalAlign: 'bottom', paddingLeft: '4px', paddingRight: '4px', position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px' },
  totalRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

function ByOfficialTable({ summary }: { summary: Summary }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const statusTotals = summary.statuses.map((status) => summary.byStatus.find((s) => s.status === status)?.count ?? 0);
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('summary.byOfficial')} data-testid="summary-scroll">
      <Table size="extra-small" className={styles.table} aria-label={t('summary.byOfficial')} data-testid="summary-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.officialHeader}>{t('summary.official')}</TableHeaderCell>
            <TableHeaderCell className={styles.statusHeader}>
              <span className={styles.heading}>{t('summary.total')}</span>
            </TableHeaderCell>
            <TableHeaderCell className={styles.statusHeader}>
              <span className={styles.heading}>{t('summary.onSchedule')}</span>
            </TableHeaderCell>
            {summary.statuses.map((status) => (
              <TableHeaderCell key={status} className={styles.statusHeader}>
                <span className={styles.heading}>{statusLabel(status, lang)}</span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.byOfficial.map((row) => (
            <TableRow key={row.official}>
              <TableCell className={styles.name}>{officialLabel(row.official, lang)}</TableCell>
              <TableCell className={styles.number}>{row.total}</TableCell>
              <TableCell className={styles.number}>{formatShare(row.share, lang)}</TableCell>
              {summary.statuses.map((status) => (
                <TableCell key={status} className={styles.number}>
                  {row.counts[status] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow className={styles.totalRow}>
            <TableCell className={styles.name}>{t('summary.total')}</TableCell>
            <TableCell className={styles.number}>{summary.total}</TableCell>
            <TableCell className={styles.number}>{formatShare(summary.total > 0 ? summary.onSchedule / summary.total : 0, lang)}</TableCell>
            {statusTotals.map((count, i) => (
              <TableCell key={summary.statuses[i]} className={styles.number}>
                {count}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

export interface SummaryPanelProps {
  workbench: Workbench;
  /**
   * 与上期对比 where the page does the work itself (the web page's worker), with its state lifted so the page can
   * draw the chart beside the pane. Without it the add-in's host does the writing and the pane reads the file.
   */
  compare?: { backend: CompareBackend | null; result: ComparedFile | null; onResult: (result: ComparedFile | null) => void };
}

export function SummaryPanel({ workbench, compare }: SummaryPanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const host = useHost();
  const { analysis, source, busy, config, summaryQuestion } = workbench;
  const backend = useMemo(() => (compare ? compare.backend : host && analysis ? hostCompareBackend(host, analysis, config, lang) : null), [compare, host, analysis, config, lang]);
  const summary = analysis?.summary ?? null;
  const colors = useMemo(() => {
    const entries = new Map(config.vocabulary.map((entry) => [entry.status, entry]));
    return statusColors(summary?.statuses ?? [], (status) => {
      const entry = entries.get(status);
      return entry?.lagging ? 'lagging' : entry?.onSchedule ? 'on-schedule' : 'other';
    });
  }, [summary, config]);
  return (
    <div className={styles.root}>
      <SourceBar source={source} analysis={analysis} disabled={busy !== null || !workbench.connected} onRead={() => void workbench.readAndAnalyze()} workbench={workbench} />
      {summary ? (
        <>
          <Button appearance="primary" icon={<DataBarVerticalRegular />} disabled={busy !== null} onClick={() => void workbench.writeSummary()}>
            {t('summary.write')}
          </Button>
          {summaryQuestion && (
            <MessageBar intent="warning" layout="multiline" data-testid="summary-question">
              <MessageBarBody>
                <MessageBarTitle>{t('summary.replace.title')}</MessageBarTitle>
                {t('summary.replace.body', { sheets: summaryQuestion.sheets.join(lang === 'zh-CN' ? '”“' : '", "') })}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" onClick={() => void workbench.writeSummary(true)}>
                  {t('summary.replace.yes')}
                </Button>
                <Button size="small" onClick={() => workbench.declineSummaryReplace?.()}>
                  {t('summary.replace.no')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <JobStatus workbench={workbench} jobs={['summary']} />
          <Text data-testid="summary-overall">
            {t('summary.overall', {
              total: summary.total,
              onSchedule: summary.onSchedule,
              share: formatShare(summary.total > 0 ? summary.onSchedule / summary.total : 0, lang),
              lagging: summary.lagging.length,
            })}
          </Text>
          <Text weight="semibold" size={400} as="h2">
            {t('summary.byOfficial')}
          </Text>
          <OfficialChart summary={summary} colors={colors} />
          <ByOfficialTable summary={summary} />
          {analysis && <WordExport workbench={workbench} analysis={analysis} />}
          {(compare || host) && <ComparePanel backend={backend} analysis={analysis} disabled={busy !== null} {...(compare ? { result: compare.result, onResult: compare.onResult } : {})} />}
        </>
      ) : (
        <Text>{t('summary.empty')}</Text>
      )}
    </div>
  );
}
