/** 导出 Word（附件） in the summary step: the whole table, one official's sections, or only the lagging tasks. */
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Analysis } from '../../src/core/types';
import { FileError } from '../../src/files/errors';
import { useHost, useLanguage } from '../context';
import { exportWordAttachment, tableOfficials, wordFileName } from '../wordExport';
import type { Workbench } from '../useWorkbench';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Outcome = { kind: 'done'; name: string } | { kind: 'error'; text: string } | null;

export function WordExport({ workbench, analysis }: { workbench: Pick<Workbench, 'source' | 'config' | 'busy'>; analysis: Analysis }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const host = useHost();
  const [official, setOfficial] = useState('');
  const [laggingOnly, setLaggingOnly] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // No host: the web page, which offers the Word document among its own downloads, or a pane outside Excel.
  if (host === null) return null;
  if (!host.capabilities.download || !host.offerDownload) {
    return (
      <Text className={styles.muted} data-testid="word-export-unavailable">
        {t('word.unavailable')}
      </Text>
    );
  }
  const officials = tableOfficials(analysis);
  const chosen = officials.includes(official) ? official : '';

  const run = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      const choice = { official: chosen || null, laggingOnly };
      const name = wordFileName(workbench.source?.sheet ?? analysis.table.sheet, choice, t('word.laggingSuffix'));
      await exportWordAttachment(host, analysis, choice, workbench.config, name);
      setOutcome({ kind: 'done', name });
    } catch (error) {
      // The file layer says what went wrong in the user's language; anything else gets one plain sentence.
      setOutcome({ kind: 'error', text: error instanceof FileError ? error.messages[lang] : t('word.failed') });
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className={styles.root} data-testid="word-export">
      {officials.length > 0 && (
        <Field label={t('word.official')}>
          <Select value={chosen} onChange={(_, data) => setOfficial(data.value)}>
            <option value="">{t('word.allOfficials')}</option>
            {officials.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Checkbox checked={laggingOnly} onChange={(_, data) => setLaggingOnly(data.checked === true)} label={t('word.laggingOnly')} />
      <Button icon={<DocumentArrowDownRegular />} disabled={running || workbench.busy !== null} onClick={() => void run()}>
        {t('word.export')}
      </Button>
      {outcome?.kind === 'done' && (
        <MessageBar intent="success" data-testid="word-export-done">
          <MessageBarBody>{t('word.done', { name: outcome.name })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error" layout="multiline" data-testid="word-export-error">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
