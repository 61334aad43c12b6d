import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowExportRegular, ArrowImportRegular, ArrowResetRegular, CheckmarkRegular, DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { defaultConfig } from '../../src/core';
import { useLanguage } from '../context';
import {
  checkSettingsText,
  draftToSettings,
  editableSettings,
  settingsToDraft,
  settingsToText,
  type ListDraft,
  type SettingsCheck,
  type StatusDraft,
  type UnitDraft,
} from '../settingsText';
import type { Workbench } from '../useWorkbench';
import { ErrorBar, JobStatus } from './StatusBars';

type EditorView = 'lists' | 'json';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  json: { fontFamily: tokens.fontFamilyMonospace, minHeight: '320px' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  /**
   * An entry's first line: its name field and the delete button. The button never wraps under the name (it would
   * look like it belonged to the next field); the name field gives up width instead. Aligned at the bottom, the button
   * sits level with the input, not with the label above it.
   */
  head: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-end', flexWrap: 'nowrap' },
  name: { flexGrow: 1, flexShrink: 1, minWidth: 0 },
  remove: { flexShrink: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A short list takes one line, as tall as the inputs beside it (Fluent's textarea starts at two and a half).
  listBox: { minHeight: '32px' },
  hidden: { display: 'none' },
});

/**
 * A list typed into one box (aliases, other spellings): it grows with its text so every item shows without scrolling
 * inside a one-line box, and the clerk may still drag it taller.
 */
function ListTextarea({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [value]);
  const styles = useStyles();
  return <Textarea ref={box} textarea={{ className: styles.listBox }} aria-label={label} resize="vertical" rows={1} value={value} onChange={(_, d) => onChange(d.value)} />;
}

/** An entry's first line: its name (labelled, numbered for screen readers) and the button that removes the entry. */
function EntryHead({ label, n, value, onValue, onRemove }: { label: string; n: number; value: string; onValue: (value: string) => void; onRemove: () => void }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <div className={styles.head}>
      <Field className={styles.name} label={label}>
        <Input aria-label={`${label} ${n}`} value={value} onChange={(_, d) => onValue(d.value)} />
      </Field>
      <Button className={styles.remove} appearance="subtle" icon={<DeleteRegular />} aria-label={`${t('settings.remove')} ${value || n}`} onClick={onRemove} />
    </div>
  );
}

/**
 * Every field has a visible label that stays when it is filled in (a placeholder would vanish). The accessible name
 * adds the entry's number ("单位名称 2"), which a screen reader needs to tell the entries apart; it starts with the
 * visible label, so speech input by the label still finds the field.
 */
function StatusEditor({ entry, index, onChange, onRemove }: EntryEditorProps<StatusDraft>) {
  const { t } = useLanguage();
  const styles = useStyles();
  const n = index + 1;
  return (
    <div className={styles.entry} data-testid="status-entry">
      <EntryHead label={t('settings.status')} n={n} value={entry.status} onValue={(status) => onChange({ ...entry, status })} onRemove={onRemove} />
      <Field label={t('settings.synonyms')}>
        <ListTextarea label={`${t('settings.synonyms')} ${n}`} value={entry.synonyms} onChange={(synonyms) => onChange({ ...entry, synonyms })} />
      </Field>
      <div className={styles.line}>
        <Checkbox label={t('settings.onSchedule')} checked={entry.onSchedule} onChange={(_, d) => onChange({ ...entry, onSchedule: d.checked === true })} />
        <Checkbox label={t('settings.lagging')} checked={entry.lagging} onChange={(_, d) => onChange({ ...entry, lagging: d.checked === true })} />
      </div>
    </div>
  );
}

function UnitEditor({ entry, index, onChange, onRemove }: EntryEditorProps<UnitDraft>) {
  const { t } = useLanguage();
  const styles = useStyles();
  const n = index + 1;
  return (
    <div className={styles.entry} data-testid="unit-entry">
      <EntryHead label={t('settings.unitName')} n={n} value={entry.name} onValue={(name) => onChange({ ...entry, name })} onRemove={onRemove} />
      <Field label={t('settings.person')}>
        <Input aria-label={`${t('settings.person')} ${n}`} value={entry.person} onChange={(_, d) => onChange({ ...entry, person: d.value })} />
      </Field>
      <Field label={t('settings.aliases')}>
        <ListTextarea label={`${t('settings.aliases')} ${n}`} value={entry.aliases} onChange={(aliases) => onChange({ ...entry, aliases })} />
      </Field>
    </div>
  );
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

interface EntryEditorProps<T> {
  entry: T;
  index: number;
  onChange: (entry: T) => void;
  onRemove: () => void;
}

/**
 * One of the lists a clerk edits in place (statuses, units): a heading, each entry changed or removed on its own, and
 * a blank entry added at the end. Both lists behave alike, so they are drawn by one component; only the editor of one
 * entry differs.
 */
function EditableList<T>({ title, items, blank, onItems, Editor }: { title: string; items: readonly T[]; blank: T; onItems: (items: T[]) => void; Editor: (props: EntryEditorProps<T>) => JSX.Element }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold" as="h3">
        {title}
      </Text>
      <div className={styles.list}>
        {items.map((entry, i) => (
          <Editor key={i} entry={entry} index={i} onChange={(next) => onItems(replaceAt(items, i, next))} onRemove={() => onItems(items.filter((_, j) => j !== i))} />
        ))}
        <Button icon={<AddRegular />} onClick={() => onItems([...items, blank])}>
          {t('settings.add')}
        </Button>
      </div>
    </>
  );
}

export function SettingsPanel({ workbench }: { workbench: Workbench }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const initial = workbench.storedSettings ?? editableSettings(workbench.config);
  const [view, setView] = useState<EditorView>('lists');
  const [text, setText] = useState(() => settingsToText(initial));
  const [draft, setDraft] = useState<ListDraft | null>(() => settingsToDraft(initial, workbench.config, lang));
  const [check, setCheck] = useState<SettingsCheck | null>(null);
  const [dirty, setDirty] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  /** The settings as currently edited, as JSON text (the one form both editors share). */
  const currentText = (): string => (view === 'lists' && draft ? settingsToText(draftToSettings(draft)) : text);

  const load = (settings: unknown, asText?: string) => {
    const nextText = asText ?? settingsToText(settings);
    const nextDraft = settingsToDraft(settings, workbench.config, lang);
    setText(nextText);
    setDraft(nextDraft);
    if (!nextDraft) setView('json');
    setDirty(true);
  };

  const switchView = (next: EditorView) => {
    if (next === view) return;
    if (next === 'json') {
      setText(currentText());
    } else {
      const parsed = checkSettingsText(text);
      let settings: unknown = null;
      try {
        settings = JSON.parse(text) as unknown;
      } catch {
        setCheck(parsed);
        return;
      }
      const nextDraft = settingsToDraft(settings, workbench.config, lang);
      if (!nextDraft) {
        setCheck(parsed);
        return;
      }
      setDraft(nextDraft);
    }
    setView(next);
  };

  const validate = (): SettingsCheck => {
    const result = checkSettingsText(currentText());
    setCheck(result);
    return result;
  };

  const save = async () => {
    const result = validate();
    if (!result.ok) return;
    if (await workbench.saveSettings(result.settings)) setDirty(false);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const content = await file.text();
    const result = checkSettingsText(content);
    setCheck(result);
    if (result.ok) load(result.settings, content);
    else {
      setText(content);
      setView('json');
      setDirty(true);
    }
  };

  const exportFile = () => {
    const blob = new Blob([currentText()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'report-tables-settings.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const editDraft = (next: ListDraft) => {
    setDraft(next);
    setDirty(true);
    setCheck(null);
  };

  return (
    <div className={styles.root}>
      <Text>{t('settings.intro')}</Text>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={workbench.busy !== null || !workbench.connected} onClick={() => void save()}>
          {t('settings.save')}
        </Button>
        <Button icon={<CheckmarkRegular />} onClick={() => validate()}>
          {t('settings.validate')}
        </Button>
        <Button icon={<ArrowImportRegular />} onClick={() => fileInput.current?.click()}>
          {t('settings.import')}
        </Button>
        <Button icon={<ArrowExportRegular />} onClick={exportFile}>
          {t('settings.export')}
        </Button>
        <Button icon={<ArrowResetRegular />} onClick={() => load(editableSettings(defaultConfig()))}>
          {t('settings.reset')}
        </Button>
        <input ref={fileInput} className={styles.hidden} type="file" accept=".json,application/json" aria-hidden="true" tabIndex={-1} onChange={(e) => void importFile(e)} />
      </div>
      <JobStatus workbench={workbench} jobs={['settings']} />
      {dirty && <Text size={200}>{t('settings.unsaved')}</Text>}
      {check && check.ok && (
        <MessageBar intent="success">
          <MessageBarBody>{t('settings.valid', { statuses: check.config.vocabulary.length, units: check.config.units.length })}</MessageBarBody>
        </MessageBar>
      )}
      {check && !check.ok && <ErrorBar error={check.error} onDismiss={() => setCheck(null)} />}
      <TabList size="small" selectedValue={view} onTabSelect={(_, data) => switchView(data.value === 'json' ? 'json' : 'lists')} aria-label={t('settings.view')}>
        <Tab value="lists">{t('settings.view.lists')}</Tab>
        <Tab value="json">{t('settings.view.json')}</Tab>
      </TabList>
      {view === 'json' || !draft ? (
        <Field label={t('settings.json')}>
          <Textarea
            className={styles.json}
            resize="vertical"
            value={text}
            spellCheck={false}
            onChange={(_, data) => {
              setText(data.value);
              setDirty(true);
              setCheck(null);
            }}
          />
        </Field>
      ) : (
        <>
          <EditableList
            title={t('settings.vocabulary')}
            items={draft.vocabulary}
            blank={{ status: '', synonyms: '', onSchedule: false, lagging: false }}
            onItems={(vocabulary) => editDraft({ ...draft, vocabulary })}
            Editor={StatusEditor}
          />
          <Divider />
          <EditableList
            title={t('settings.units')}
            items={draft.units}
            blank={{ name: '', aliases: '', person: '' }}
            onItems={(units) => editDraft({ ...draft, units })}
            Editor={UnitEditor}
          />
        </>
      )}
    </div>
  );
}
