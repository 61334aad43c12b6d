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
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { Fragment, useCallback, useMemo } from 'react';
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
import { FilePicker } from './FilePicker';
import { SheetGrid } from './SheetGrid';
import { SummaryCharts } from './SummaryCharts';
import { useFileDrop } from './useFileDrop';
import { useWebWorkbench, type WebBusy } from './useWebWorkbench';
import { MergeStep } from './MergeStep';
import { paneTranslator, webTranslator } from './webText';

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  fileBar: { backgroundColor: tokens.colorNeutralBackground2 },
  sheetPicker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  busyBar: { flexGrow: 1 },
  work: { display: 'grid', gridTemplateColumns: 'minmax(360px, 480px) minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start', '@media (max-width: 900px)': { gridTemplateColumns: '1fr' } },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  gridBox: { height: 'calc(100vh - 260px)', minHeight: '360px' },
  downloads: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  downloadButton: { justifyContent: 'flex-start' },
  downloadWait: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
  const busy = web.busy !== null;
  const { openFile } = web;
  // A file dropped anywhere on the page opens as the table to work on (合并报送 keeps drops on its own box).
  const drop = useFileDrop({ onFiles: useCallback(([file]: File[]) => void openFile(file!), [openFile]), disabled: busy });
  const statusGroups = useMemo(
    () => ({
      lagging: workbench.config.vocabulary.filter((entry) => entry.lagging).map((entry) => entry.status),
      onSchedule: workbench.config.vocabulary.filter((entry) => entry.onSchedule).map((entry) => entry.status),
    }),
    [workbench.config],
  );
  const downloads = DOWNLOADS.filter((entry) => entry.tabs.includes(tab) && (entry.kind !== 'word' || wordExportAvailable));

  return (
    <main className={styles.page} {...drop.handlers}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={600} weight="semibold">
            {tw('web.title')}
          </Text>
          <Text className={styles.muted}>{tw('web.tagline')}</Text>
        </div>
        <LanguageSwitch />
      </header>

      <FilePicker
        drop={drop}
        label={tw('web.open')}
        icon={<FolderOpenRegular />}
        disabled={busy}
        hint={web.fileName ? <Text weight="semibold">{tw('web.file', { name: web.fileName })}</Text> : <Text>{drop.dropping ? tw('web.dropActive') : tw('web.drop')}</Text>}
        zoneTestId="drop-zone"
        inputTestId="file-input"
        catchesDrops={false}
        className={styles.fileBar}
      >
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
      </FilePicker>

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
                {downloads.map(({ kind }) => {
                  // The repaired workbook exists once 整理 has run; before, the button waits and says why.
                  const waiting = kind === 'fixed' && !web.repaired;
                  return (
                    <Fragment key={kind}>
                      <Button
                        className={styles.downloadButton}
                        icon={<ArrowDownloadRegular />}
                        disabled={busy || waiting}
                        onClick={() => void web.download(kind)}
                        title={waiting ? tw('web.download.fixed.wait') : outputFileName(web.fileName ?? '', kind, lang)}
                        aria-describedby={waiting ? 'download-fixed-wait' : undefined}
                        data-testid={`download-${kind}`}
                      >
                        {tw(`web.download.${kind}`)}
                      </Button>
                      {waiting && (
                        <Text size={200} id="download-fixed-wait" className={styles.downloadWait} data-testid="download-fixed-wait">
                          {tw('web.download.fixed.wait')}
                        </Text>
                      )}
                    </Fragment>
                  );
                })}
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
