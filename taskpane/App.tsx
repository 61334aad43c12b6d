import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../src/core/types';
import type { WorkbookHost } from '../src/excel/host';
import { CheckPanel } from './components/CheckPanel';
import { MergePanel } from './components/MergePanel';
import { LanguageRoot, LanguageSwitch, StepTabs, useStep } from './components/PaneShell';
import { RepairPanel } from './components/RepairPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { HostContext, useLanguage } from './context';
import { translator } from './i18n';
import { useWorkbench } from './useWorkbench';

/** Where the pane stands with Excel (see main.tsx): the pane renders at once and follows along. */
export type Connection =
  | { kind: 'ready' }
  | { kind: 'connecting' }
  | { kind: 'slow' }
  | { kind: 'outside' }
  | { kind: 'office-missing' }
  | { kind: 'too-old'; messages: Record<Lang, string>; /** The no-install web page, served beside the pane. */ webPage?: string };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** The one line that says why the pane cannot work on a workbook (yet). */
function ConnectionBar({ connection }: { connection: Connection }) {
  const { lang, t } = useLanguage();
  switch (connection.kind) {
    case 'ready':
      return null;
    case 'connecting':
      return (
        <MessageBar intent="info" layout="multiline" data-testid="connecting">
          <MessageBarBody>{t('app.connecting')}</MessageBarBody>
        </MessageBar>
      );
    case 'slow':
      return (
        <MessageBar intent="info" layout="multiline" data-testid="connecting">
          <MessageBarBody>{t('app.slow')}</MessageBarBody>
        </MessageBar>
      );
    case 'office-missing':
      return (
        <MessageBar intent="error" layout="multiline" data-testid="office-missing">
          <MessageBarBody>
            <MessageBarTitle>{t('app.officeMissing.title')}</MessageBarTitle>
            {t('app.officeMissing.body')}
          </MessageBarBody>
        </MessageBar>
      );
    case 'too-old':
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="too-old">
          <MessageBarBody>
            <MessageBarTitle>{t('app.tooOld.title')}</MessageBarTitle>
            {connection.messages[lang]}
            {connection.webPage && (
              <>
                {' '}
                <Link href={connection.webPage} target="_blank" rel="noopener">
                  {t('app.tooOld.webPage')}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      );
    case 'outside':
    default:
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="not-in-excel">
          <MessageBarBody>
            <MessageBarTitle>{t('app.notInExcel.title')}</MessageBarTitle>
            {t('app.notInExcel.body')}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function Workspace({ connection }: { connection: Connection }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const workbench = useWorkbench();
  const [tab, setTab] = useStep(workbench.dismissNotice);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t('app.title')}
        </Text>
        <LanguageSwitch narrow />
      </header>
      <ConnectionBar connection={connection} />
      <StepTabs step={tab} onStep={setTab} narrow />
      <section role="tabpanel" aria-label={t(`tab.${tab}`)}>
        {tab === 'repair' && <RepairPanel workbench={workbench} />}
        {tab === 'check' && <CheckPanel workbench={workbench} />}
        {tab === 'summary' && <SummaryPanel workbench={workbench} />}
        {tab === 'merge' && <MergePanel workbench={workbench} />}
        {tab === 'settings' && <SettingsPanel key={workbench.storedSettings === null ? 'defaults' : 'stored'} workbench={workbench} />}
      </section>
    </main>
  );
}

export interface AppProps {
  /** The workbook; null outside Excel (the pane still renders, with a notice). */
  host: WorkbookHost | null;
  initialLang: Lang;
  /** Called when the user picks a language, so the choice can be remembered. */
  onLanguageChosen?: (lang: Lang) => void;
  /** Defaults to ready with a host, outside Excel without one. */
  connection?: Connection;
}

export function App({ host, initialLang, onLanguageChosen, connection }: AppProps) {
  return (
    <LanguageRoot initialLang={initialLang} onLanguageChosen={onLanguageChosen} translatorFor={translator}>
      <HostContext.Provider value={host}>
        <Workspace connection={connection ?? (host ? { kind: 'ready' } : { kind: 'outside' })} />
      </HostContext.Provider>
    </LanguageRoot>
  );
}
