/**
 * The sheets of a report set as every host writes them: names Excel and WPS accept (at most 31 characters, none of
 * : \ / ? * [ ], unique regardless of case — https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9),
 * so a spec built from a user's words (an official's name, a period) never makes the host refuse the whole set.
 */
import { uniqueSheetName, type SheetSpec } from '../core/sheets';

export function reportSheetSpecs(sheets: readonly SheetSpec[]): SheetSpec[] {
  const names: string[] = [];
  return sheets.map((spec) => {
    const name = uniqueSheetName(spec.name, names);
    names.push(name);
    return { ...spec, name };
  });
}
