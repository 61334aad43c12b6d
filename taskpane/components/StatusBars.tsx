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
import type { BusyState, Notice } from '../useWorkbench';

const useStyles = makeStyles({
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function BusyBar({ busy }: { busy: BusyState }) {
  const { t } = useLanguage();
  const determinate = busy.total > 0;
  const label = determinate ? `${t(busy.stage)} ${t('stage.progress', { done: busy.done, total: busy.total })}` : t(busy.stage);
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={determinate ? Math.min(1, busy.done / busy.total) : undefined} aria-label={t(busy.stage)} />
    </Field>
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
