/**
 * The entry page's script (index.html): the ribbon callbacks named in ribbon.xml. A button opens the task pane —
 * created once with Application.CreateTaskPane(url) and found again by the ID kept in PluginStorage, as WPS's wpsjs
 * samples do — and tells it which step to show (the pane watches PluginStorage for it).
 */
import type { WpsApplication } from '../src/wps/api';
import { BUTTON_STEPS, PANE_ID_KEY, STEP_KEY, stepFrom } from './steps';

interface RibbonControl {
  Id: string;
}

interface RibbonWindow {
  Application?: WpsApplication;
  OnAddinLoad?: (ribbonUI: unknown) => boolean;
  OnAction?: (control: RibbonControl) => void;
  GetImage?: (control: RibbonControl) => string;
}

const scope = globalThis as unknown as RibbonWindow;

/** The folder this page was loaded from: online the web server's add-in URL, offline the unpacked package. */
function baseUrl(): string {
  return (globalThis.location?.href ?? '').replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

export function openPane(app: WpsApplication, controlId: string, base = baseUrl()): void {
  const step = stepFrom(BUTTON_STEPS[controlId]);
  // A stamp, so pressing the same button again still brings its tab back.
  app.PluginStorage.setItem(STEP_KEY, `${step}@${Date.now()}`);
  const id = app.PluginStorage.getItem(PANE_ID_KEY);
  if (id !== null && id !== undefined && id !== '') {
    try {
      app.GetTaskPane(id as string | number).Visible = true;
      return;
    } catch {
      // the pane was closed for good: create it again below
    }
  }
  const pane = app.CreateTaskPane(`${base}taskpane.html?step=${step}`);
  app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

scope.OnAddinLoad = () => true;
scope.OnAction = (control) => {
  if (scope.Application) openPane(scope.Application, control.Id);
};
scope.GetImage = () => 'assets/icon-32.png';
