/**
 * The checking config kept inside the workbook (ExcelApi 1.4 workbook settings), so everyone who opens the
 * file checks against the same status words and unit list.
 */
import { runExcel, supports } from './runtime';
import { hostError } from './errors';

export const CONFIG_SETTING = 'reportTables.config';

export function loadWorkbookSettings(): Promise<unknown | null> {
  if (!supports('1.4')) return Promise.resolve(null);
  return runExcel(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(CONFIG_SETTING).load('value');
    await context.sync();
    if (setting.isNullObject) return null;
    const value: unknown = setting.value;
    if (typeof value !== 'string') return value ?? null;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return null; // a damaged setting counts as none: the defaults apply and the next save repairs it
    }
  });
}

export function saveWorkbookSettings(settings: unknown): Promise<void> {
  if (!supports('1.4')) return Promise.reject(hostError('unsupported'));
  return runExcel(async (context) => {
    if (settings === null || settings === undefined) {
      const existing = context.workbook.settings.getItemOrNullObject(CONFIG_SETTING).load('key');
      await context.sync();
      if (!existing.isNullObject) existing.delete();
    } else {
      // Stored as JSON text: setting values round-trip through the host's own serializer, strings do so exactly.
      context.workbook.settings.add(CONFIG_SETTING, JSON.stringify(settings));
    }
    await context.sync();
  });
}
