/**
 * The stacked bar per official that the summary sheet carries as an Excel chart, drawn in the pane with plain CSS: one
 * bar per official, one segment per status, widths by count — the same data as the table beneath it. No chart library:
 * it stays light, prints, scales to the pane's width and needs no canvas. Shared by the add-in and the web page
 * (props only, no host or workbench).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { officialLabel } from '../../src/core/summary/officialLabel';
import { statusLabel } from '../../src/core/summary/statusLabel';
import type { Summary } from '../../src/core/types';
import { useLanguage } from '../context';

/** Calm to alarming: on-schedule statuses green-blue, lagging ones orange-red (from `kinds`), the rest grey-violet. */
const ON_SCHEDULE = ['#2E7D32', '#43A047', '#1E88E5', '#00897B'];
const LAGGING = ['#E53935', '#FB8C00', '#C2185B'];
const OTHER = ['#8E24AA', '#757575', '#A1887F', '#5C6BC0'];

export type StatusKind = 'on-schedule' | 'lagging' | 'other';

/** A colour for each status, by its kind in the configuration (so 滞后 is never green). */
export function statusColors(statuses: readonly string[], kindOf: (status: string) => StatusKind): Record<string, string> {
  const used = { 'on-schedule': 0, lagging: 0, other: 0 };
  const palette = { 'on-schedule': ON_SCHEDULE, lagging: LAGGING, other: OTHER };
  const colors: Record<string, string> = {};
  for (const status of statuses) {
    const kind = kindOf(status);
    const list = palette[kind];
    colors[status] = list[used[kind] % list.length]!;
    used[kind] += 1;
  }
  return colors;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, width: '100%' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(3.5em, max-content) 1fr 2.5em', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  bar: { display: 'flex', height: '14px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  total: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalXS },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px' },
});

export interface OfficialChartProps {
  summary: Summary;
  colors: Record<string, string>;
}

export function OfficialChart({ summary, colors }: OfficialChartProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const widest = summary.byOfficial.reduce((max, row) => Math.max(max, row.total), 0) || 1;
  const separator = lang === 'zh-CN' ? '，' : ', ';
  return (
    <figure className={styles.root} aria-label={t('summary.chart')} data-testid="official-chart" style={{ margin: 0 }}>
      {summary.byOfficial.map((row) => {
        const name = officialLabel(row.official, lang);
        const parts = summary.statuses.filter((status) => (row.counts[status] ?? 0) > 0).map((status) => `${statusLabel(status, lang)} ${row.counts[status]}`);
        const label = t('summary.chart.label', { official: name, total: row.total, parts: parts.join(separator) });
        return (
          <div key={row.official} className={styles.row} role="img" aria-label={label} title={label}>
            <Text size={200} className={styles.name}>
              {name}
            </Text>
            <div className={styles.bar} style={{ width: `${(row.total / widest) * 100}%` }}>
              {summary.statuses.map((status) => {
                const count = row.counts[status] ?? 0;
                if (count === 0) return null;
                return <span key={status} style={{ width: `${(count / Math.max(1, row.total)) * 100}%`, backgroundColor: colors[status] }} />;
              })}
            </div>
            <Text size={200} className={styles.total}>
              {row.total}
            </Text>
          </div>
        );
      })}
      <figcaption className={styles.legend}>
        {summary.statuses.map((status) => (
          <Text key={status} size={200} className={styles.key}>
            <span className={styles.swatch} style={{ backgroundColor: colors[status] }} aria-hidden="true" />
            {statusLabel(status, lang)}
          </Text>
        ))}
      </figcaption>
    </figure>
  );
}
