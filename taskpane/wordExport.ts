/**
 * 导出 Word（附件）: the cleaned table of the current analysis as the Word document an office hands in, offered to save
 * through the host. The pane's button calls `exportWordAttachment`; the document itself is made by src/files/docx.
 */
import type { Analysis, Config } from '../src/core';
import type { WorkbookHost } from '../src/host';
import { exportDocx } from '../src/files/docx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface WordExportChoice {
  /** Only this official's sections; null: the whole table. */
  official: string | null;
  /** Only the lagging tasks. */
  laggingOnly: boolean;
}

/** The officials the table names, in the order their records come (the choices of the drop-down). */
export function tableOfficials(analysis: Analysis): string[] {
  const seen = new Set<string>();
  for (const record of analysis.table.records) if (record.official) seen.add(record.official);
  return [...seen];
}

/** A file name a clerk recognizes: the sheet, then what was chosen, e.g. "重点任务-胡钛-滞后事项.docx". */
export function wordFileName(sheet: string | null, choice: WordExportChoice, laggingLabel: string): string {
  const parts = [sheet?.trim() || 'report-tables', choice.official, choice.laggingOnly ? laggingLabel : null].filter((p): p is string => !!p);
  // Characters Windows refuses in a file name would make the save fail; an underscore keeps the name readable.
  return `${parts.join('-').replace(/[\\/:*?"<>|]/g, '_')}.docx`;
}

/** Makes the .docx and hands it to the host to save; returns the name offered. Throws the file layer's FileError as is. */
export async function exportWordAttachment(
  host: Pick<WorkbookHost, 'capabilities' | 'offerDownload'>,
  analysis: Analysis,
  choice: WordExportChoice,
  config: Config,
  name: string,
): Promise<string> {
  if (!host.capabilities.download || !host.offerDownload) throw new Error('this host cannot offer downloads');
  const bytes = await exportDocx(analysis, { official: choice.official, laggingOnly: choice.laggingOnly, config });
  await host.offerDownload(name, bytes, DOCX_MIME);
  return name;
}
