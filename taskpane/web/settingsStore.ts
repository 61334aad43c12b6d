/**
 * Settings kept in this browser between visits (localStorage), as the JSON the CLI's --config and the add-in use.
 * The page checks them with the same zod schema before using them; storage that is blocked just means no memory.
 */
const SETTINGS_KEY = 'report-tables.web.settings';

export function loadStoredSettings(): unknown {
  try {
    const text = window.localStorage.getItem(SETTINGS_KEY);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function storeSettings(settings: unknown): void {
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Not kept for the next visit (private mode, storage full): the settings still apply to this visit.
  }
}
