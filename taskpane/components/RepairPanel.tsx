import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, WrenchRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useHost } from '../context';
import type { Change, RemovedRow } from '../../src/core/types';
import type { ApplyMode } from '../../src/excel/host';
import { useLanguage } from '../context';
import { formatRows, previewPlan } from '../planView';
import type { Workbench } from '../useWorkbench';
import { SourceBar } from './SourceBar';
import { JobStatus } from './StatusBars';

/** Long lists are cut: the full log goes to the change-log sheet. */
const LIST_LIMIT = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  value: { fontFamily: tokens.fontFamilyBase, backgroundColor: tokens.colorNeutralBackground3, padding: '0 2px' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A section heading with its count in words ("合并的行 12 处"), so the number means something when read aloud. */
function CountHeader({ label, count }: { label: string; count: number }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <span className={styles.header}>
      {label}
      <Badge appearance="tint" color={count > 0 ? 'brand' : 'informative'} size="small">
        {t('repair.count', { count })}
      </Badge>
    </span>
  );
}

function MoreNote({ total }: { total: number }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return total > LIST_LIMIT ? <Text className={styles.muted}>{t('repair.more', { count: total - LIST_LIMIT })}</Text> : null;
}

function ChangeItem({ change }: { change: Change }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  return (
    <li>
      <Text weight="semibold">{t('repair.rows', { rows: formatRows(change.sourceRows) })}</Text>
      {change.outputRow !== null && <Text className={styles.muted}> {t('repair.toOutput', { row: change.outputRow })}</Text>}
      {change.column && <Text> · {change.column}</Text>}
      <br />
      {change.op !== 'collapse-rows' && (
        <>
          <span className={styles.value}>{change.before || '∅'}</span> → <span className={styles.value}>{change.after || '∅'}</span>
          <br />
        </>
      )}
      <Text size={200} className={styles.muted}>
        {change.messages[lang]}
      </Text>
    </li>
  );
}

function RemovedItem({ row }: { row: RemovedRow }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const text = row.values.filter((v) => v.trim() !== '').join(' | ');
  return (
    <li>
      <Text weight="semibold">{t('repair.rows', { rows: row.row })}</Text> <Text>({t(`repair.reason.${row.reason}`)})</Text>
      {text && (
        <Text size={200} className={styles.muted}>
          {' '}
          {text}
        </Text>
      )}
    </li>
  );
}

export function RepairPanel({ workbench }: { workbench: Workbench }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [mode, setMode] = useState<ApplyMode>('new-sheet');
  const { analysis, source, busy } = workbench;
  const host = useHost();
  const inPlace = host?.capabilities.inPlace ?? true;
  const undoNote = host?.limitations?.find((limitation) => limitation.feature === 'undo');
  const { lang } = useLanguage();
  const preview = useMemo(() => (analysis ? previewPlan(analysis.plan) : null), [analysis]);
  // This reading's repair is already in the workbook: a second press would write it again (another repaired sheet, or
  // the in-place sheet repaired from what it no longer holds). Reading the table again offers the button anew.
  const repaired = analysis !== null && workbench.repairedAnalysis === analysis;

  return (
    <div className={styles.root}>
      <SourceBar source={source} analysis={analysis} disabled={busy !== null || !workbench.connected} onRead={() => void workbench.readAndAnalyze()} workbench={workbench} />
      {preview && analysis && (
        <>
          <Text weight="semibold" size={400} as="h2">
            {t('repair.preview')}
          </Text>
          <Text>{t('repair.outputSize', { rows: preview.outputRows, changes: analysis.plan.changes.length })}</Text>
          {preview.unchanged ? (
            <MessageBar intent="success">
              <MessageBarBody>{t('repair.nothing')}</MessageBarBody>
            </MessageBar>
          ) : (
            <Accordion multiple collapsible data-testid="repair-preview">
              <AccordionItem value="collapsed">
                <AccordionHeader>
                  <CountHeader label={t('repair.collapsed')} count={preview.collapsed.length} />
                </AccordionHeader>
                <AccordionPanel>
                  <Text className={styles.muted}>
                    {t('repair.collapsed.count', { records: preview.collapsed.length, rows: preview.collapsedSourceRows })}
                  </Text>
                  <ul className={styles.list}>
                    {preview.collapsed.slice(0, LIST_LIMIT).map((change, i) => (
                      <ChangeItem key={i} change={change} />
                    ))}
                  </ul>
                  <MoreNote total={preview.collapsed.length} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="removed">
                <AccordionHeader>
                  <CountHeader label={t('repair.removed')} count={preview.removed.length} />
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {preview.removed.slice(0, LIST_LIMIT).map((row) => (
                      <RemovedItem key={row.row} row={row} />
                    ))}
                  </ul>
                  <MoreNote total={preview.removed.length} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="changed">
                <AccordionHeader>
                  <CountHeader label={t('repair.changed')} count={preview.cellChanges.length} />
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {preview.cellChanges.slice(0, LIST_LIMIT).map((change, i) => (
                      <ChangeItem key={i} change={change} />
                    ))}
                  </ul>
                  <MoreNote total={preview.cellChanges.length} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          )}
          {inPlace ? (
            <Field label={t('repair.mode')}>
              <RadioGroup value={mode} onChange={(_, data) => setMode(data.value === 'in-place' ? 'in-place' : 'new-sheet')}>
                <Radio value="new-sheet" label={t('repair.mode.new-sheet')} />
                <Radio value="in-place" label={t('repair.mode.in-place')} />
              </RadioGroup>
            </Field>
          ) : (
            <Text className={styles.muted}>{t('repair.noInPlace')}</Text>
          )}
          {undoNote && (
            <Text size={200} className={styles.muted} data-testid="limitation-undo">
              {undoNote.messages[lang]}
            </Text>
          )}
          <Button
            appearance="primary"
            icon={repaired ? <CheckmarkRegular /> : <WrenchRegular />}
            disabled={busy !== null || repaired}
            onClick={() => void workbench.applyRepair(inPlace ? mode : 'new-sheet')}
            data-testid="repair-apply"
          >
            {repaired ? t('repair.done') : t('repair.apply')}
          </Button>
          <JobStatus workbench={workbench} jobs={['apply']} />
          {repaired && (
            <Text size={200} className={styles.muted} data-testid="repair-done-hint">
              {t('repair.done.hint', { reread: t('source.reread'), apply: t('repair.apply') })}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
