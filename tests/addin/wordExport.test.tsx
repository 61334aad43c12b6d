/**
 * 导出 Word（附件） in the summary step: what the button hands the host to save is a .docx the file layer's own Word
 * reader reads back with the same tasks; where the host cannot download, the pane says where else to get the file.
 */
import { renderToString } from 'react-dom/server';
import { analyze, defaultConfig, type Analysis } from '../../src/core';
import { DOCX_SHEET_NAME, openDocx } from '../../src/files/docx';
import { FileError } from '../../src/files/errors';
import type { HostCapabilities, WorkbookHost } from '../../src/host';
import { canDownload } from '../../src/host/download';
import { WordExport } from '../../taskpane/components/WordExport';
import { HostContext, LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { DOCX_MIME, exportWordAttachment, tableOfficials, wordFileName } from '../../taskpane/wordExport';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';

const config = defaultConfig();
const analysis: Analysis = analyze(renderWordPaste(loadSeed('001')).grid, { config });

interface Saved {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

function downloadingHost(saved: Saved[]): Pick<WorkbookHost, 'capabilities' | 'offerDownload'> {
  return {
    capabilities: { inPlace: true, highlight: true, navigate: true, download: true, chart: true },
    offerDownload: (name, bytes, mime) => {
      saved.push({ name, bytes, mime });
      return Promise.resolve();
    },
  };
}

/** The tasks a clerk would count in the saved document, read through the file layer's Word reader. */
function tasksIn(bytes: Uint8Array): number {
  const { grid } = openDocx(bytes).readSheet(DOCX_SHEET_NAME);
  return analyze(grid, { config }).table.records.length;
}

test('the whole table goes out as a .docx that reads back with the same number of tasks', async () => {
  const saved: Saved[] = [];
  const name = await exportWordAttachment(downloadingHost(saved), analysis, { official: null, laggingOnly: false }, config, wordFileName('Sheet1', { official: null, laggingOnly: false }, '滞后事项'));
  expect(name).toBe('Sheet1.docx');
  expect(saved).toHaveLength(1);
  expect(saved[0].mime).toBe(DOCX_MIME);
  expect(analysis.table.records.length).toBeGreaterThan(5);
  expect(tasksIn(saved[0].bytes)).toBe(analysis.table.records.length);
});

test("one official's sections, and the lagging list, hold just those tasks", async () => {
  const officials = tableOfficials(analysis);
  expect(officials.length).toBeGreaterThan(1);
  const saved: Saved[] = [];
  const official = officials[1];
  await exportWordAttachment(downloadingHost(saved), analysis, { official, laggingOnly: false }, config, 'x.docx');
  expect(tasksIn(saved[0].bytes)).toBe(analysis.table.records.filter((r) => r.official === official).length);

  const lagging = new Set(analysis.summary.lagging.map((task) => task.row));
  expect(lagging.size).toBeGreaterThan(0);
  await exportWordAttachment(downloadingHost(saved), analysis, { official: null, laggingOnly: true }, config, 'y.docx');
  expect(tasksIn(saved[1].bytes)).toBe(analysis.table.records.filter((r) => lagging.has(r.row)).length);
});

test('an official the table does not name is refused with the file layer’s message listing the officials', async () => {
  const error = await exportWordAttachment(downloadingHost([]), analysis, { official: '无此人', laggingOnly: false }, config, 'z.docx').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileError);
  expect((error as FileError).messages['zh-CN']).toContain(tableOfficials(analysis)[0]);
});

test('the file name keeps the sheet and the choice, without characters Windows refuses', () => {
  expect(wordFileName('重点/任务', { official: '胡钛', laggingOnly: true }, '滞后事项')).toBe('重点_任务-胡钛-滞后事项.docx');
  expect(wordFileName(null, { official: null, laggingOnly: false }, 'lagging')).toBe('report-tables.docx');
});

function renderPane(capabilities: HostCapabilities, offerDownload?: WorkbookHost['offerDownload']): string {
  const host = { kind: 'excel', capabilities, offerDownload } as Pick<WorkbookHost, 'kind' | 'capabilities' | 'offerDownload'>;
  const html = renderToString(
    <LanguageContext.Provider value={{ lang: 'zh-CN', t: translator('zh-CN'), setLang: () => undefined }}>
      <HostContext.Provider value={host as WorkbookHost}>
        <WordExport workbench={{ source: null, config, busy: null }} analysis={analysis} />
      </HostContext.Provider>
    </LanguageContext.Provider>,
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

test('the summary step shows the button and the officials to choose from where the host can download', () => {
  const text = renderPane({ inPlace: true, highlight: true, navigate: true, download: true, chart: true }, () => Promise.resolve());
  expect(text).toContain('导出 Word（附件）');
  expect(text).toContain('只导出滞后事项');
  for (const official of tableOfficials(analysis)) expect(text).toContain(official);
});

test('where the host cannot download, one sentence points to the web page or the CLI instead of a dead button', () => {
  const text = renderPane({ inPlace: true, highlight: true, navigate: true, download: false, chart: true });
  expect(text).not.toContain('导出 Word（附件）');
  expect(text).toContain('网页版');
  expect(text).toContain('report-tables export');
});

test('Excel claims downloads only where the web view keeps <a download> clicks', () => {
  expect(canDownload({ anchorDownload: true, blobUrls: true, platform: 'OfficeOnline' })).toBe(true);
  expect(canDownload({ anchorDownload: true, blobUrls: true, platform: 'PC' })).toBe(true);
  expect(canDownload({ anchorDownload: false, blobUrls: true, platform: 'PC' })).toBe(false); // IE in Excel 2016
  expect(canDownload({ anchorDownload: true, blobUrls: true, platform: 'Mac' })).toBe(false);
  expect(canDownload({ anchorDownload: true, blobUrls: false, platform: null })).toBe(false);
});
