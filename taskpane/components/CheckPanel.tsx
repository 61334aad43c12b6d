import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EraserRegular, HighlightRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { ruleCatalog } from '../../src/core';
import type { Finding, Lang, Severity } from '../../src/core/types';
import { useLanguage } from '../context';
import { countBySeverity, findingAddress, groupFindings } from '../findings';
import type { Workbench } from '../useWorkbench';
import { SourceBar } from './SourceBar';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  header: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', columnGap: tokens.spacingHorizontalS, alignItems: 'center', width: '100%', textAlign: 'start' },
  rule: { fontFamily: tokens.fontFamilyMonospace },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  finding: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  address: { fontFamily: tokens.fontFamilyMonospace, minWidth: '4em', flexShrink: 0, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

function FindingButton({ finding, firstColumn, onGo }: { finding: Finding; firstColumn: number; onGo: (f: Finding) => void }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const address = findingAddress(finding, firstColumn);
  return (
    <li>
      <Button appearance="subtle" className={styles.finding} onClick={() => onGo(finding)} title={t('check.goto', { cell: address })}>
        <span className={styles.address}>{finding.cell ?? t('check.row', { row: finding.row })}</span>
        <span>
          {finding.messages[lang]}
          {finding.suggestion && (
            <Text size={200} className={styles.muted}>
              {' '}
              {t('check.suggestion', { suggestion: finding.suggestion })}
            </Text>
          )}
        </span>
      </Button>
    </li>
  );
}

/** What each rule checks, in both languages, for the group headings. */
const RULE_DESCRIPTIONS: ReadonlyMap<string, Record<Lang, string>> = new Map(ruleCatalog().map((rule) => [rule.id, rule.description]));

export function CheckPanel({ workbench }: { workbench: Workbench }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { analysis, source, busy } = workbench;
  const findings = useMemo(() => analysis?.findings ?? [], [analysis]);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const firstColumn = source?.grid.origin.column ?? 1;
  const goTo = (finding: Finding) => void workbench.goToFinding(finding);

  return (
    <div className={styles.root}>
      <SourceBar
        source={source}
        analysis={analysis}
        disabled={busy !== null || !workbench.connected}
        label={analysis ? t('check.recheck') : t('check.run')}
        onRead={() => void workbench.readAndAnalyze()}
      />
      {analysis && (
        <>
          <div className={styles.counts} data-testid="check-counts">
            <Text weight="semibold">{t('check.total', { count: findings.length })}</Text>
            {(['error', 'warning', 'info'] as const).map((severity) => (
              <Badge key={severity} appearance="tint" color={SEVERITY_COLOR[severity]}>
                {t(`check.severity.${severity}`)} {counts[severity]}
              </Badge>
            ))}
          </div>
          <div className={styles.toolbar}>
            <Button icon={<HighlightRegular />} disabled={busy !== null || findings.length === 0} onClick={() => void workbench.highlightFindings()}>
              {t('check.highlight')}
            </Button>
            <Button icon={<EraserRegular />} disabled={busy !== null} onClick={() => void workbench.clearHighlights()}>
              {t('check.clear')}
            </Button>
          </div>
          {findings.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t('check.none')}</MessageBarBody>
            </MessageBar>
          ) : (
            <Accordion multiple collapsible data-testid="finding-groups">
              {groups.map((group) => (
                <AccordionItem key={group.rule} value={group.rule}>
                  <AccordionHeader>
                    <span className={styles.header}>
                      <Badge appearance="filled" color={SEVERITY_COLOR[group.severity]} size="small">
                        {t(`check.severity.${group.severity}`)}
                      </Badge>
                      <span>{RULE_DESCRIPTIONS.get(group.rule)?.[lang] ?? group.rule}</span>
                      <CounterBadge count={group.findings.length} overflowCount={99999} color="informative" size="small" />
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <Text size={200} className={`${styles.muted} ${styles.rule}`}>
                      {group.rule}
                    </Text>
                    <ul className={styles.list}>
                      {group.findings.map((finding, i) => (
                        <FindingButton key={`${finding.row}-${finding.cell ?? ''}-${i}`} finding={finding} firstColumn={firstColumn} onGo={goTo} />
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </>
      )}
    </div>
  );
}
