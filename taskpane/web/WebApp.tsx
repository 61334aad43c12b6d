/**
 * The web page: open or drop a file, pick a sheet, then the add-in's own steps (整理 / 校验 / 汇总 / 设置) beside the
 * sheet's grid, with downloads and, under 汇总, the charts. Everything runs in this browser.
 */
import {
  Button,
  Card,
  CardHeader,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { Lang } from '../../src/core/types';
import type { ExportKind } from '../../src/web/protocol';
import { outputFileName } from '../../src/web/fileNames';
import { wordExportAvailable } from '../../src/web/wordExport';
import { CheckPanel } from '../components/CheckPanel';
import { LanguageRoot, LanguageSwitch, StepTabs, useStep, type StepId } from '../components/PaneShell';
import { RepairPanel } from '../components/RepairPanel';
import { SettingsPanel } from '../components/SettingsPanel';
import { ErrorBar, NoticeBar } from '../components/StatusBars';
import { SummaryPanel } from '../components/SummaryPanel';
import { useLanguage } from '../context';
import { describeError } from '../errors';
import { CompareCharts, useWebCompare } from './CompareWeb';
import { SheetGrid } from './SheetGrid';
import { SummaryCharts } from './SummaryCharts';
import { useWebWorkbench, type WebBusy } from './useWebWorkbench';
import { MergeStep } from './MergeStep';
import { paneTranslator, webTranslator } from './webText';

/** What the open button and drop accept (the file layer tells the rest apart by content). */
const ACCEPT = '.xlsx,.xlsm,.xml,.xls,.htm,.html,.docx';

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  fileBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropping: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  sheetPicker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  busyBar: { flexGrow: 1 },
  work: { display: 'grid', gridTemplateColumns: 'minmax(360px, 480px) minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start', '@media (max-width: 900px)': { gridTemplateColumns: '1fr' } },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  gridBox: { height: 'calc(100vh - 260px)', minHeight: '360px' },
  downloads: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  downloadButton: { justifyContent: 'flex-start' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
});

function Busy({ busy, onCancel }: { busy: WebBusy; onCancel: () => void }) {
  const { lang } = useLanguage();
  const tw = webTranslator(lang);
  const styles = useStyles();
  const determinate = busy.total > 0;
  return (
    <div className={styles.busy} data-testid="busy">
      <Field className={styles.busyBar} validationMessage={determinate ? `${busy.label} ${busy.done} / ${busy.total}` : busy.label} validationState="none">
        <ProgressBar value={determinate ? Math.min(1, busy.done / busy.total) : undefined} aria-label={busy.label} />
      </Field>
      <Button icon={<DismissRegular />} onClick={onCancel}>
        {tw('web.cancel')}
      </Button>
    </div>
  );
}

const DOWNLOADS: Array<{ kind: ExportKind; tabs: readonly StepId[] }> = [
  { kind: 'fixed', tabs: ['repair'] },
  { kind: 'word', tabs: ['repair'] },
  { kind: 'findings', tabs: ['check'] },
  { kind: 'findingsJson', tabs: ['check'] },
  { kind: 'summary', tabs: ['summary'] },
];

function Workspace() {
  const { lang, t } = useLanguage();
  const tw = webTranslator(lang);
  const styles = useStyles();
  const { workbench, web } = useWebWorkbench();
  const compare = useWebCompare(web, workbench.analysis, lang);
  const [tab, setTab] = useStep(workbench.dismissNotice);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = web.busy !== null;

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDropping(false);
    const file = event.dataTransfer.files[0];
    if (file) void web.openFile(file);
  };
  const statusGroups = useMemo(
    () => ({
      lagging: workbench.config.vocabulary.filter((entry) => entry.lagging).map((entry) => entry.status),
      onSchedule: workbench.config.vocabulary.filter((entry) => entry.onSchedule).map((entry) => entry.status),
    }),
    [workbench.config],
  );
  const downloads = DOWNLOADS.filter((entry) => entry.tabs.includes(tab) && (entry.kind !== 'word' || wordExportAvailable));

  return (
    <main
      className={styles.page}
      onDragOver={(event) => {
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={600} weight="semibold">
            {tw('web.title')}
          </Text>
          <Text className={styles.muted}>{tw('web.tagline')}</Text>
        </div>
        <LanguageSwitch />
      </header>

      <section className={mergeClasses(styles.fileBar, dropping && styles.dropping)} data-testid="drop-zone">
        <Button appearance="primary" icon={<FolderOpenRegular />} disabled={busy} onClick={() => fileInput.current?.click()}>
          {tw('web.open')}
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept={ACCEPT}
          data-testid="file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void web.openFile(file);
          }}
        />
        {web.fileName ? <Text weight="semibold">{tw('web.file', { name: web.fileName })}</Text> : <Text>{dropping ? tw('web.dropActive') : tw('web.drop')}</Text>}
        {web.sheets.length > 0 && (
          <span className={styles.sheetPicker}>
            <Text>{tw('web.sheet')}</Text>
            <Select value={web.sheet ?? ''} disabled={busy} onChange={(_, data) => void web.chooseSheet(data.value)} data-testid="sheet-picker" aria-label={tw('web.sheet')}>
              {web.sheets.map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {sheet.hidden ? tw('web.sheet.hidden', { name: sheet.name }) : sheet.name}
                </option>
              ))}
            </Select>
          </span>
        )}
        <Text size={200} className={styles.muted}>
          {tw('web.privacy')}
        </Text>
      </section>

      <section className={styles.status} aria-live="polite">
        {web.busy && <Busy busy={web.busy} onCancel={web.cancel} />}
        {web.error !== null && <ErrorBar error={web.error} onDismiss={workbench.dismissError} />}
        {web.notice && <NoticeBar notice={web.notice} onDismiss={workbench.dismissNotice} />}
        {web.problem && (
          <MessageBar intent="warning" data-testid="no-table">
            <MessageBarBody>{tw('web.noTable', { reason: describeError(web.problem, lang, t).title })}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <div className={styles.work}>
        <div className={styles.side}>
          <StepTabs step={tab} onStep={setTab} />
          <section role="tabpanel" aria-label={t(`tab.${tab}`)}>
            {!web.fileName && tab !== 'settings' && (
              <MessageBar intent="info" layout="multiline" data-testid="start-hint">
                <MessageBarBody>{tw('web.start')}</MessageBarBody>
              </MessageBar>
            )}
            {web.fileName && tab === 'repair' && <RepairPanel workbench={workbench} />}
            {web.fileName && tab === 'merge' && <MergeStep workbench={workbench} web={web} />}
            {web.fileName && tab === 'check' && <CheckPanel workbench={workbench} />}
            {web.fileName && tab === 'summary' && <SummaryPanel workbench={workbench} compare={compare} />}
            {tab === 'settings' && <SettingsPanel key={workbench.storedSettings === null ? 'defaults' : 'stored'} workbench={workbench} />}
          </section>
          {workbench.analysis && web.fileName && downloads.length > 0 && (
            <Card data-testid="downloads">
              <CardHeader header={<Text weight="semibold">{tw('web.downloads')}</Text>} />
              <div className={styles.downloads}>
                {downloads.map(({ kind }) => (
                  <Button
                    key={kind}
                    className={styles.downloadButton}
                    icon={<ArrowDownloadRegular />}
                    disabled={busy}
                    onClick={() => void web.download(kind)}
                    title={outputFileName(web.fileName ?? '', kind, lang)}
                    data-testid={`download-${kind}`}
                  >
                    {tw(`web.download.${kind}`)}
                  </Button>
                ))}
              </div>
            </Card>
          )}
        </div>
        <div className={styles.main}>
          {tab === 'summary' && workbench.analysis && web.fileName && <SummaryCharts summary={workbench.analysis.summary} fileName={web.fileName} groups={statusGroups} />}
          {tab === 'summary' && compare.result && web.fileName && <CompareCharts comparison={compare.result.comparison} fileName={web.fileName} />}
          {web.grid && (
            <>
              <Text size={200} className={styles.muted} data-testid="grid-info">
                {web.grid.sheet} · {tw('web.grid.size', { rows: web.grid.rowCount, columns: web.grid.columnCount })}
                {web.marks.length > 0 && ` · ${tw('web.grid.marks', { count: web.marks.length })}`}
              </Text>
              <div className={styles.gridBox}>
                <SheetGrid grid={web.grid} marks={web.marks} target={web.scrollTarget} label={tw('web.grid')} />
              </div>
            </>
          )}
        </div>
      </div>
    </main>
  );
}

export function WebApp({ initialLang, onLanguageChosen }: { initialLang: Lang; onLanguageChosen?: (lang: Lang) => void }) {
  return (
    <LanguageRoot initialLang={initialLang} onLanguageChosen={onLanguageChosen} translatorFor={paneTranslator}>
      <Workspace />
    </LanguageRoot>
  );
}
