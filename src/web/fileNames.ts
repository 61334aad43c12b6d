/**
 * Names of the files the page offers, derived from the input's: 表格.xlsx → 表格（整理后）.xlsx. A user who downloads
 * several results into one folder can tell them apart and back to their source.
 */
import type { Lang } from '../core/types';

export type OutputKind = 'fixed' | 'summary' | 'findings' | 'findingsJson' | 'word' | 'settings';

const LABELS: Record<OutputKind, Record<Lang, string>> = {
  fixed: { 'zh-CN': '整理后', 'en-US': 'fixed' },
  summary: { 'zh-CN': '汇总', 'en-US': 'summary' },
  findings: { 'zh-CN': '问题清单', 'en-US': 'findings' },
  findingsJson: { 'zh-CN': '问题清单', 'en-US': 'findings' },
  word: { 'zh-CN': '整理后', 'en-US': 'fixed' },
  settings: { 'zh-CN': '设置', 'en-US': 'settings' },
};

const EXTENSIONS: Record<OutputKind, string> = {
  fixed: 'xlsx',
  summary: 'xlsx',
  findings: 'xlsx',
  findingsJson: 'json',
  word: 'docx',
  settings: 'json',
};

/** What a file system would refuse in a name (Windows being the strictest), and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;

/** The input's name without its extension and without characters a download name cannot hold. */
export function baseName(fileName: string): string {
  const leaf = fileName.split(/[\\/]/).pop() ?? '';
  const stem = leaf.replace(/\.[^.]*$/, '').replace(FORBIDDEN, '').trim();
  return stem === '' ? '表格' : stem;
}

/** 表格.xlsx + fixed → 表格（整理后）.xlsx (zh-CN) or 表格 (fixed).xlsx (en-US). */
export function outputFileName(inputName: string, kind: OutputKind, lang: Lang): string {
  const label = LABELS[kind][lang];
  const tag = lang === 'zh-CN' ? `（${label}）` : ` (${label})`;
  // A macro-enabled input keeps its macros only in its own package; the page writes .xlsm back as .xlsm.
  const extension = kind === 'fixed' || kind === 'summary' ? (/\.xlsm$/i.test(inputName) ? 'xlsm' : EXTENSIONS[kind]) : EXTENSIONS[kind];
  return `${baseName(inputName)}${tag}.${extension}`;
}

export const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  png: 'image/png',
};

export function mimeType(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}
