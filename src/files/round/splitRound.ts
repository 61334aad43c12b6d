/**
 * The round sent out, as files: for every 责任单位 its workbook (drop-down, protection), its Word form, or both, and
 * the lot as one zip for the panes, where one download is all a host offers. Pure: analysis and options in, names
 * and bytes out; the CLI writes them to a folder, the add-in and the web page offer the zip. Names come from unit
 * names made safe by planSplit (no separators, nothing Windows refuses) and are only ever names inside the zip or
 * a folder the caller chose, never paths of their own.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Analysis } from '../../core/types';
import { defaultConfig } from '../../core/config/schema';
import { planSplit, safeFileName, type SplitOptions, type SplitPlan } from '../../core/returns';
import { returnFormDocx } from '../docx/returnForm';
import { createWorkbook } from '../index';

export type SplitFormat = 'xlsx' | 'docx' | 'both';
export const SPLIT_FORMATS: readonly SplitFormat[] = ['xlsx', 'docx', 'both'];
/** Excel keeps the status a real drop-down and the other cells locked in every office suite: the safer default. */
export const DEFAULT_SPLIT_FORMAT: SplitFormat = 'xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_MIME = 'application/zip';

export interface SplitFile {
  /** File name (a name only: no folder). */
  name: string;
  unit: string;
  format: 'xlsx' | 'docx';
  bytes: Uint8Array;
}

export interface SplitFilesOptions extends SplitOptions {
  format?: SplitFormat;
  /** Called before each unit's files are made (done units so far, total units, the unit). */
  onProgress?: (done: number, total: number, unit: string) => void;
  /** Stop between two units when it turns true (an AbortSignal will do). */
  signal?: { readonly aborted: boolean };
}

export interface SplitFilesResult {
  plan: SplitPlan;
  files: SplitFile[];
  /** Stopped through the signal: `files` holds only the units made before. */
  cancelled: boolean;
}

/** Lets a pane repaint (progress, the cancel button) between two units; harmless elsewhere. */
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every unit's files of the round, in the plan's order (each unit's workbook before its Word form). */
export async function splitRoundFiles(analysis: Analysis, options: SplitFilesOptions = {}): Promise<SplitFilesResult> {
  const config = options.config ?? defaultConfig();
  const format = options.format ?? DEFAULT_SPLIT_FORMAT;
  const plan = planSplit(analysis, { config, period: options.period });
  const statuses = config.vocabulary.map((v) => v.status);
  const files: SplitFile[] = [];
  for (const [i, part] of plan.units.entries()) {
    if (options.signal?.aborted) return { plan, files, cancelled: true };
    options.onProgress?.(i, plan.units.length, part.unit);
    if (options.onProgress) await yieldToHost();
    if (format !== 'docx') files.push({ name: part.fileName, unit: part.unit, format: 'xlsx', bytes: createWorkbook([part.sheet]) });
    if (format !== 'xlsx') files.push({ name: `${part.baseName}.docx`, unit: part.unit, format: 'docx', bytes: await returnFormDocx(part, { period: plan.period, statuses }) });
  }
  return { plan, files, cancelled: options.signal?.aborted === true };
}

/** The name of the round's zip: 报送-2018年1-10月.zip. */
export function splitZipName(period: string | null): string {
  return `报送-${period && period.trim() !== '' ? safeFileName(period) : '各单位'}.zip`;
}

/**
 * The files as one zip. Names are stored as given (UTF-8, flagged so by fflate for non-ASCII names, which Windows'
 * own unzip and 7-Zip honour); a name met twice would overwrite the first, so it is refused.
 */
export function zipFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (file.name.includes('/') || file.name.includes('\\') || Object.prototype.hasOwnProperty.call(entries, file.name)) {
      throw new Error(`zip entry name not unique or not a plain name: ${file.name}`);
    }
    // Office packages are already deflated: storing them again costs nothing and saves the time of a second deflate.
    entries[file.name] = [file.bytes, { level: 0 }];
  }
  return zipSync(entries);
}
