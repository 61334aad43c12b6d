/**
 * The Word export of the repaired table (src/files/docx, the Word issue's writer): the document a clerk hands in,
 * laid out from the full analysis the worker keeps, with the settings the analysis ran with.
 */
import type { Config } from '../core';
import type { Analysis } from '../core/types';
import { exportDocx } from '../files/docx';

export const wordExportAvailable = true;

export function wordExport(analysis: Analysis, config: Config): Promise<Uint8Array> {
  return exportDocx(analysis, { config });
}
