/**
 * The 合并报送 preview, shared by the add-in's pane (MergePanel) and the web page's step (MergeStep): how many returns
 * and cells, the units that sent nothing (named), those that answered, per task what will change (from which units,
 * status and progress before → after, the returns that disagree), and the round's findings grouped under what each
 * rule checks — never its id (that is in the tooltip) — a few per rule, as the 校验 step shows them.
 */
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang, Severity } from '../../src/core/types';
import type { FindingGroup, MergeOverview, TaskChange } from '../../src/web/returnsOverview';
import { mergeTranslator } from '../components/mergeText';
import { returnsTranslator, type ReturnsTranslate } from './returnsText';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  task: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  conflict: { color: tokens.colorPaletteRedForeground1 },
  group: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  pre: { whiteSpace: 'pre-wrap' },
});

function TaskLine({ change, tr, lang }: { change: TaskChange; tr: ReturnsTranslate; lang: Lang }) {
  const styles = useStyles();
  const list = lang === 'zh-CN' ? '、' : ', ';
  const text = (value: string) => (value.trim() === '' ? tr('returns.empty') : value);
  return (
    <li className={styles.task} data-testid="merge-task">
      <Text size={200} weight="semibold">
        {tr('returns.task', { ref: change.ref, task: change.task })}
      </Text>
      <Text size={200}>{tr('returns.from', { units: change.units.join(list) })}</Text>
      {change.status && <Text size={200}>{tr('returns.status', { before: text(change.status.before), after: text(change.status.after) })}</Text>}
      {change.progress && (
        <>
          <Text size={200} className={mergeClasses(styles.muted, styles.pre)}>
            {tr('returns.progressBefore', { text: text(change.progress.before) })}
          </Text>
          <Text size={200} className={styles.pre}>
            {tr('returns.progressAfter', { text: text(change.progress.after) })}
          </Text>
        </>
      )}
      {change.conflict && (
        <Text size={200} weight="semibold" className={styles.conflict} data-testid="merge-conflict">
          {tr('returns.conflict', { list: change.conflict.map((c) => (lang === 'zh-CN' ? `${c.unit}“${c.status}”` : `${c.unit} "${c.status}"`)).join(list) })}
        </Text>
      )}
    </li>
  );
}

function Findings({ groups, tr, lang }: { groups: FindingGroup[]; tr: ReturnsTranslate; lang: Lang }) {
  const styles = useStyles();
  return (
    <>
      {groups.map((group) => (
        <div key={group.rule} className={styles.section} data-testid="merge-finding-group">
          <span className={styles.group} title={group.rule}>
            <Badge appearance="tint" color={SEVERITY_COLOR[group.severity]}>
              {group.count}
            </Badge>
            <Text size={300} weight="semibold">
              {group.description[lang]}
            </Text>
          </span>
          <ul className={styles.list}>
            {group.shown.map((f, i) => (
              <li key={i}>
                <Text size={200}>
                  <span className={styles.muted}>{[f.file ?? tr('returns.master'), f.cell, f.number ? tr('returns.number', { number: f.number }) : null].filter((part) => part).join(' ')} </span>
                  {f.messages[lang]}
                </Text>
              </li>
            ))}
          </ul>
          {group.count > group.shown.length && (
            <Text size={200} className={styles.muted}>
              {tr('returns.moreFindings', { count: group.count - group.shown.length })}
            </Text>
          )}
        </div>
      ))}
    </>
  );
}

export function MergeOverviewView({ overview, lang }: { overview: MergeOverview; lang: Lang }) {
  const styles = useStyles();
  const t = mergeTranslator(lang);
  const tr = returnsTranslator(lang);
  const list = lang === 'zh-CN' ? '、' : ', ';
  const answered = overview.units.filter((u) => u.files.length > 0);
  const silent = overview.units.filter((u) => u.files.length === 0);
  return (
    <div className={styles.root} data-testid="merge-preview">
      <Text>{t('merge.summary', { returns: overview.returns.length, cells: overview.cellCount, units: overview.units.length, answered: answered.length })}</Text>
      <div className={styles.section} data-testid="merge-silent">
        <Text weight="semibold">{t('merge.silent', { count: silent.length })}</Text>
        <Text size={200}>{silent.map((u) => u.unit).join(list)}</Text>
      </div>
      <div className={styles.section} data-testid="merge-answered">
        <Text weight="semibold">{t('merge.answered', { count: answered.length })}</Text>
        <ul className={styles.list}>
          {answered.map((u) => (
            <li key={u.unit}>
              <Text size={200}>{t('merge.unitLine', { unit: u.unit, files: u.files.join(', '), returned: u.returned, missing: u.missingLeads })}</Text>
            </li>
          ))}
        </ul>
        {overview.returns
          .filter((r) => r.unit === null || r.matched < r.tasks)
          .map((r) => (
            <Text key={r.file} size={200} className={styles.muted}>
              {tr('returns.returnLine', { file: r.file, unit: r.unit ?? tr('returns.unknownUnit'), matched: r.matched, tasks: r.tasks })}
            </Text>
          ))}
      </div>
      <div className={styles.section} data-testid="merge-changes">
        <Text weight="semibold">{tr('returns.tasks', { count: overview.taskCount })}</Text>
        {overview.title && <Text size={200}>{tr('returns.title', { before: overview.title.before, after: overview.title.after })}</Text>}
        <ul className={styles.list}>
          {overview.changes.map((change) => (
            <TaskLine key={change.row} change={change} tr={tr} lang={lang} />
          ))}
        </ul>
        {overview.taskCount > overview.changes.length && (
          <Text size={200} className={styles.muted}>
            {tr('returns.moreTasks', { count: overview.taskCount - overview.changes.length })}
          </Text>
        )}
      </div>
      <div className={styles.section} data-testid="merge-findings">
        <Text weight="semibold">{tr('returns.findings', { count: overview.findingCount })}</Text>
        {overview.findingCount === 0 ? <Text>{t('merge.noFindings')}</Text> : <Findings groups={overview.findings} tr={tr} lang={lang} />}
      </div>
    </div>
  );
}
