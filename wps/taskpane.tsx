/**
 * The task pane WPS opens: the taskpane's own start (which recognizes WPS and uses the WpsHost), then the step the
 * ribbon asked for — at start from ?step=, later from PluginStorage when another ribbon button is pressed while the
 * pane is open. Tabs are switched as a click would, so what the pane has read stays.
 */
import type { WpsApplication } from '../src/wps/api';
import { startTaskpane } from '../taskpane/main';
import { STEPS, STEP_KEY, type Step, stepFrom } from './steps';

const POLL_MS = 400;

function showStep(step: Step): boolean {
  const tabs = document.querySelectorAll<HTMLElement>('[role="tablist"]')[0]?.querySelectorAll<HTMLElement>('[role="tab"]');
  const tab = tabs?.[STEPS.indexOf(step)];
  if (!tab) return false;
  if (tab.getAttribute('aria-selected') !== 'true') tab.click();
  return true;
}

export async function startWpsPane(): Promise<void> {
  startTaskpane({ skipOfficeLoad: true });
  const app = (window as unknown as { Application?: WpsApplication }).Application;
  let current = stepFrom(new URLSearchParams(window.location.search).get('step') ?? app?.PluginStorage.getItem(STEP_KEY));
  // The pane renders asynchronously: try until its tabs are there.
  const first = window.setInterval(() => {
    if (showStep(current)) window.clearInterval(first);
  }, 50);
  let lastAsked = app?.PluginStorage.getItem(STEP_KEY) ?? null;
  window.setInterval(() => {
    const asked = app?.PluginStorage.getItem(STEP_KEY) ?? null;
    if (asked !== null && asked !== lastAsked) {
      lastAsked = asked;
      current = stepFrom(asked);
      showStep(current);
    }
  }, POLL_MS);
}
