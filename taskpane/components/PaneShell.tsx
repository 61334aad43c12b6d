/**
 * The frame the add-in pane (App.tsx) and the web page (web/WebApp.tsx) share: the chosen language for everything
 * inside, the language picker, and the tabs of the five steps (整理 / 校验 / 汇总 / 合并报送 / 设置). One component each,
 * so the two front ends cannot drift apart: the same steps in the same order with the same icons, a language switch
 * that is remembered the same way, and a notice that goes away when the user moves to another step.
 */
import { FluentProvider, Select, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DataBarVerticalRegular, MergeRegular, SettingsRegular, WrenchRegular } from '@fluentui/react-icons';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../src/core/types';
import { LanguageContext, useLanguage, type LanguageState } from '../context';
import type { Translate } from '../i18n';

/** The steps, in the order a clerk goes through them. */
export type StepId = 'repair' | 'check' | 'summary' | 'merge' | 'settings';
export const STEPS: readonly StepId[] = ['repair', 'check', 'summary', 'merge', 'settings'];
const STEP_ICONS: Record<StepId, JSX.Element> = {
  repair: <WrenchRegular />,
  check: <CheckmarkCircleRegular />,
  summary: <DataBarVerticalRegular />,
  merge: <MergeRegular />,
  settings: <SettingsRegular />,
};

const useStyles = makeStyles({
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  narrowSelect: { minWidth: '7em' },
  // Tabs wrap rather than run under the column's edge: English labels are longer (the page's left column too).
  tabs: { flexWrap: 'wrap' },
  // Five tabs with icons must sit on one line in a 350 px pane in Chinese (Fluent's small tabs pad 6 px a side and their
  // label 2 px more: one tab too many); the icons already set the tabs apart. Longer English labels wrap onto a second
  // line rather than run off the edge.
  narrowTab: { paddingLeft: '2px', paddingRight: '2px', '& .fui-Tab__content': { paddingLeft: '1px', paddingRight: '1px' } },
});

export interface LanguageRootProps {
  initialLang: Lang;
  /** Called when the user picks a language, so the choice can be remembered. */
  onLanguageChosen?: (lang: Lang) => void;
  /** The pane's words in a language (the web page words a few of them its own way). */
  translatorFor: (lang: Lang) => Translate;
  children: ReactNode;
}

/** Fluent's theme and the chosen language for everything inside; picking another language redraws it all at once. */
export function LanguageRoot({ initialLang, onLanguageChosen, translatorFor, children }: LanguageRootProps) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const language = useMemo<LanguageState>(
    () => ({
      lang,
      t: translatorFor(lang),
      setLang: (next) => {
        setLangState(next);
        onLanguageChosen?.(next);
      },
    }),
    [lang, onLanguageChosen, translatorFor],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>
    </FluentProvider>
  );
}

/**
 * 语言 / Language: 中文 or English, for the whole pane. `narrow`: the add-in's pane, where the picker keeps a width of
 * its own beside the title instead of shrinking with the header.
 */
export function LanguageSwitch({ narrow = false }: { narrow?: boolean }) {
  const { lang, setLang, t } = useLanguage();
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.language}>
      <label htmlFor={id}>
        <Text size={200}>{t('app.language')}</Text>
      </label>
      <Select id={id} className={narrow ? styles.narrowSelect : undefined} size="small" value={lang} onChange={(_, data) => setLang(data.value === 'en-US' ? 'en-US' : 'zh-CN')} data-testid="language">
        <option value="zh-CN">{t('app.language.zh-CN')}</option>
        <option value="en-US">{t('app.language.en-US')}</option>
      </Select>
    </div>
  );
}

export interface StepTabsProps {
  step: StepId;
  onStep: (step: StepId) => void;
  /** The add-in's 350 px pane: small tabs, packed tight, wrapping in English; the web page has room for medium ones. */
  narrow?: boolean;
}

/**
 * The step the user is on. Moving to another clears the notice: a notice belongs to the job that raised it, while an
 * error stays until it is dismissed.
 */
export function useStep(dismissNotice: () => void): [StepId, (step: StepId) => void] {
  const [step, setStep] = useState<StepId>('repair');
  const goTo = useCallback(
    (next: StepId) => {
      setStep(next);
      dismissNotice();
    },
    [dismissNotice],
  );
  return [step, goTo];
}

/** The five steps as tabs with their icons. */
export function StepTabs({ step, onStep, narrow = false }: StepTabsProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size={narrow ? 'small' : 'medium'}
      selectedValue={step}
      onTabSelect={(_, data) => onStep(STEPS.find((id) => id === data.value) ?? 'repair')}
    >
      {STEPS.map((id) => (
        <Tab key={id} value={id} data-step={id} icon={STEP_ICONS[id]} className={narrow ? styles.narrowTab : undefined}>
          {t(`tab.${id}`)}
        </Tab>
      ))}
    </TabList>
  );
}
