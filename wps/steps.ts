/** The ribbon's buttons and the pane's tabs they open; shared by the ribbon script and the pane. */
export type Step = 'repair' | 'check' | 'summary' | 'settings';

export const STEPS: readonly Step[] = ['repair', 'check', 'summary', 'settings'];

export const BUTTON_STEPS: Record<string, Step> = { rtRepair: 'repair', rtCheck: 'check', rtSummary: 'summary', rtSettings: 'settings' };

/** PluginStorage keys (shared by the add-in's pages for the session). */
export const PANE_ID_KEY = 'report-tables.taskpane';
export const STEP_KEY = 'report-tables.step';

/** A step from "check" or a stamped "check@1733112000000"; anything else is the first step. */
export function stepFrom(value: unknown): Step {
  const name = typeof value === 'string' ? value.split('@')[0] : value;
  return STEPS.find((step) => step === name) ?? 'repair';
}
