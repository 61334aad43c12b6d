import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EraserRegular, HighlightRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ruleCatalog } from '../../src/core';
import type { Finding, Lang, Severity } from '../../src/core/types';
import { useHost, useLanguage } from '../context';
import { countBySeverity, findingAddress, groupFindings } from '../findings';
import type { Workbench } from '../useWorkbench';
import { SourceBar } from './SourceBar';
import { JobStatus } from './StatusBars';

/** Findings listed per group before "显示全部": a long list of one kind helps nobody scan the pane. */
export const GROUP_LIMIT = 10;

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
  more: { alignSelf: 'flex-start' },
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

function FindingButton({ finding, firstColumn, onGo }: { finding: Finding; firstColumn: number; onGo: ((f: Finding) => void) | null }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const address = findingAddress(finding, firstColumn);
  return (
    <li>
      <Button
        appearance="subtle"
        className={styles.finding}
        disabled={onGo === null}
        onClick={() => onGo?.(finding)}
        title={`${t('check.goto', { cell: address })} · ${t('check.ruleId', { rule: finding.rule })}`}
      >
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

/** A group's heading in words; a rule the catalog does not describe gets its severity word, never its id. */
function ruleTitle(rule: string, severity: Severity, lang: Lang, t: (key: `check.severity.${Severity}`) => string): string {
  return RULE_DESCRIPTIONS.get(rule)?.[lang] ?? t(`check.severity.${severity}`);
}

export function FindingList({ findings, firstColumn, onGo }: { findings: Finding[]; firstColumn: number; onGo: ((f: Finding) => void) | null }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, GROUP_LIMIT);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((finding, i) => (
          <FindingButton key={`${finding.row}-${finding.cell ?? ''}-${i}`} finding={finding} firstColumn={firstColumn} onGo={onGo} />
        ))}
      </ul>
      {!all && findings.length > GROUP_LIMIT && (
        <Button className={styles.more} size="small" appearance="transparent" onClick={() => setAll(true)}>
          {t('check.showAll', { count: findings.length })}
        </Button>
      )}
    </>
  );
}

export function CheckPanel({ workbench }: { workbench: Workbench }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { analysis, source, busy } = workbench;
  const findings = useMemo(() => analysis?.findings ?? [], [analysis]);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const firstColumn = source?.grid.origin.column ?? 1;
  const host = useHost();
  const canHighlight = host?.capabilities.highlight ?? true;
  const goTo = host && !host.capabilities.navigate ? null : (finding: Finding) => void workbench.goToFinding(finding);
  const notesNote = host?.limitations?.find((limitation) => limitation.feature === 'notes');

  return (
    <div className={styles.root}>
      <SourceBar
        source={source}
        analysis={analysis}
        disabled={busy !== null || !workbench.connected}
        label={analysis ? t('check.recheck') : t('check.run')}
        onRead={() => void workbench.readAndAnalyze()}
        workbench={workbench}
      />
      {analysis && (
        <>
          <div className={styles.counts} data-testid="check-counts" role="group" aria-label={t('check.counts')}>
            <Text weight="semibold">{t('check.total', { count: findings.length })}</Text>
            {(['error', 'warning', 'info'] as const).map((severity) => (
              <Badge key={severity} appearance="tint" color={SEVERITY_COLOR[severity]}>
                {t(`check.severity.${severity}`)} {counts[severity]}
              </Badge>
            ))}
          </div>
          {canHighlight && (
            <>
              <div className={styles.toolbar}>
                <Button icon={<HighlightRegular />} disabled={busy !== null || findings.length === 0} onClick={() => void workbench.highlightFindings()}>
                  {t('check.highlight')}
                </Button>
                <Button icon={<EraserRegular />} disabled={busy !== null} onClick={() => void workbench.clearHighlights()}>
                  {t('check.clear')}
                </Button>
              </div>
              {notesNote && (
                <Text size={200} className={styles.muted} data-testid="limitation-notes">
                  {notesNote.messages[lang]}
                </Text>
              )}
            </>
          )}
          <JobStatus workbench={workbench} jobs={['highlight', 'clear', 'goto']} main />
          {findings.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t('check.none')}</MessageBarBody>
            </MessageBar>
          ) : (
            <Accordion multiple collapsible data-testid="finding-groups">
              {groups.map((group) => (
                <AccordionItem key={group.rule} value={group.rule}>
                  <AccordionHeader>
                    <span className={styles.header} title={t('check.ruleId', { rule: group.rule })}>
                      <Badge appearance="filled" color={SEVERITY_COLOR[group.severity]} size="small">
                        {t(`check.severity.${group.severity}`)}
                      </Badge>
                      <span>{ruleTitle(group.rule, group.severity, lang, t)}</span>
                      <Badge appearance="tint" color="informative" size="small">
                        {t('check.count', { count: group.findings.length })}
                      </Badge>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <FindingList findings={group.findings} firstColumn={firstColumn} onGo={goTo} />
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
