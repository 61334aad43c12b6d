import {
  Button,
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
import type { Lang, Summary } from '../../src/core/types';
import { useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';
import { SourceBar } from './SourceBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto', width: 'auto', minWidth: '100%' },
  statusHeader: { minWidth: '3.5em', verticalAlign: 'bottom' },
  name: { whiteSpace: 'nowrap' },
  officialHeader: { minWidth: '5em', whiteSpace: 'nowrap', verticalAlign: 'bottom' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
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
    <div className={styles.scroll}>
      <Table size="extra-small" className={styles.table} aria-label={t('summary.byOfficial')} data-testid="summary-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.officialHeader}>{t('summary.official')}</TableHeaderCell>
            <TableHeaderCell className={styles.statusHeader}>{t('summary.total')}</TableHeaderCell>
            <TableHeaderCell className={styles.statusHeader}>{t('summary.onSchedule')}</TableHeaderCell>
            {summary.statuses.map((status) => (
              <TableHeaderCell key={status} className={styles.statusHeader}>
                {status}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.byOfficial.map((row) => (
            <TableRow key={row.official}>
              <TableCell className={styles.name}>{row.official || t('summary.noOfficial')}</TableCell>
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

export function SummaryPanel({ workbench }: { workbench: Workbench }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { analysis, source, busy } = workbench;
  const summary = analysis?.summary ?? null;
  return (
    <div className={styles.root}>
      <SourceBar source={source} analysis={analysis} disabled={busy !== null || !workbench.connected} onRead={() => void workbench.readAndAnalyze()} />
      {summary ? (
        <>
          <Button appearance="primary" icon={<DataBarVerticalRegular />} disabled={busy !== null} onClick={() => void workbench.writeSummary()}>
            {t('summary.write')}
          </Button>
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
          <ByOfficialTable summary={summary} />
        </>
      ) : (
        <Text>{t('summary.empty')}</Text>
      )}
    </div>
  );
}
