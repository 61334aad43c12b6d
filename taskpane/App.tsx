import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, DataBarVerticalRegular, MergeRegular, SettingsRegular, WrenchRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { Lang } from '../src/core/types';
import type { WorkbookHost } from '../src/excel/host';
import { CheckPanel } from './components/CheckPanel';
import { MergePanel } from './components/MergePanel';
import { RepairPanel } from './components/RepairPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { HostContext, LanguageContext, useLanguage, type LanguageState } from './context';
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

type TabId = 'repair' | 'check' | 'summary' | 'merge' | 'settings';
const TABS: readonly TabId[] = ['repair', 'check', 'summary', 'merge', 'settings'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  select: { minWidth: '7em' },
  tabs: { flexWrap: 'wrap' },
  // Five tabs with icons must sit on one line in a 350 px pane in Chinese (Fluent's small tabs pad 6 px a side and their
  // label 2 px more: one tab too many); the icons already set the tabs apart. Longer English labels wrap onto a second
  // line rather than run off the edge.
  tab: { paddingLeft: '2px', paddingRight: '2px', '& .fui-Tab__content': { paddingLeft: '1px', paddingRight: '1px' } },
});

function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.language}>
      <label htmlFor={id}>
        <Text size={200}>{t('app.language')}</Text>
      </label>
      <Select id={id} className={styles.select} size="small" value={lang} onChange={(_, data) => setLang(data.value === 'en-US' ? 'en-US' : 'zh-CN')}>
        <option value="zh-CN">{t('app.language.zh-CN')}</option>
        <option value="en-US">{t('app.language.en-US')}</option>
      </Select>
    </div>
  );
}

const TAB_ICONS: Record<TabId, JSX.Element> = {
  repair: <WrenchRegular />,
  check: <CheckmarkCircleRegular />,
  summary: <DataBarVerticalRegular />,
  merge: <MergeRegular />,
  settings: <SettingsRegular />,
};

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
  const [tab, setTab] = useState<TabId>('repair');

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t('app.title')}
        </Text>
        <LanguageSwitch />
      </header>
      <ConnectionBar connection={connection} />
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => {
          setTab(TABS.find((id) => id === data.value) ?? 'repair');
          // A notice belongs to the job that raised it; errors stay until dismissed.
          workbench.dismissNotice();
        }}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} data-step={id} icon={TAB_ICONS[id]} className={styles.tab}>
            {t(`tab.${id}`)}
          </Tab>
        ))}
      </TabList>
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
  const [lang, setLangState] = useState<Lang>(initialLang);
  const language = useMemo<LanguageState>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        setLangState(next);
        onLanguageChosen?.(next);
      },
    }),
    [lang, onLanguageChosen],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LanguageContext.Provider value={language}>
        <HostContext.Provider value={host}>
          <Workspace connection={connection ?? (host ? { kind: 'ready' } : { kind: 'outside' })} />
        </HostContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
