import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useLanguage } from '../context';
import { describeError } from '../errors';
import type { BusyState, JobId, Notice, Workbench } from '../useWorkbench';

const useStyles = makeStyles({
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function BusyBar({ busy }: { busy: BusyState }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const determinate = busy.total > 0;
  const label = determinate ? `${t(busy.stage)} ${t('stage.progress', { done: busy.done, total: busy.total })}` : t(busy.stage);
  return (
    <div className={styles.busy}>
      <Field className={styles.bar} validationMessage={label} validationState="none">
        <ProgressBar value={determinate ? Math.min(1, busy.done / busy.total) : undefined} aria-label={t(busy.stage)} />
      </Field>
      {busy.cancel && (
        <Button size="small" onClick={busy.cancel} data-testid="cancel">
          {t('job.cancel')}
        </Button>
      )}
    </div>
  );
}

/**
 * Progress, notice and error of the work one button started, shown right under that button (so 应用整理 at the
 * bottom of a long preview has its progress in view). The region is always in the page and `aria-live`, so screen
 * readers announce what appears in it.
 */
export function JobStatus({ workbench, jobs, main = false }: { workbench: Workbench; jobs: readonly JobId[]; main?: boolean }) {
  const { t } = useLanguage();
  const styles = useStyles();
  // Work a workbench did not tie to a button (the web page's) shows at the panel's main status line.
  const mine = (job: JobId | null | undefined) => (job ? jobs.includes(job) : main);
  const busy = workbench.busy && mine(workbench.busy.job) ? workbench.busy : null;
  const error = workbench.error !== null && workbench.error !== undefined && mine(workbench.errorJob) ? workbench.error : null;
  const notice = workbench.notice && mine(workbench.notice.job) ? workbench.notice : null;
  return (
    <section className={styles.status} aria-live="polite" aria-label={t('job.status')} data-testid={`status-${jobs[0]}`}>
      {busy && <BusyBar busy={busy} />}
      {error !== null && <ErrorBar error={error} onDismiss={workbench.dismissError} />}
      {notice && <NoticeBar notice={notice} onDismiss={workbench.dismissNotice} />}
    </section>
  );
}

export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const text = describeError(error, lang, t);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.lines.length > 0 && (
          <ul className={styles.lines}>
            {text.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('app.dismiss')} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}

export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useLanguage();
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('app.dismiss')} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
