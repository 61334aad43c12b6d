/**
 * 发出报送表 in the add-in's 合并报送 step (and the web page's): what the button hands the host to save is one zip
 * holding every unit's form, each readable by the file layer with the unit in its title; cancel offers nothing;
 * where the host cannot download, one sentence points elsewhere. Rendered on the server, as tests/addin does.
 */
import { renderToString } from 'react-dom/server';
import { unzipSync } from 'fflate';
import { analyze, defaultConfig, type CellValue } from '../../src/core';
import { periodOf } from '../../src/core/returns';
import type { Lang } from '../../src/core/types';
import type { HostCapabilities, WorkbookHost } from '../../src/host';
import { openWorkbook } from '../../src/files';
import { DOCX_SHEET_NAME, openDocx } from '../../src/files/docx';
import { splitRoundFiles } from '../../src/files/round/splitRound';
import { MergePanel, readReturnFile } from '../../taskpane/components/MergePanel';
import { sendRoundOut, SplitPanel, type OfferDownload } from '../../taskpane/components/SplitPanel';
import { HostContext, LanguageContext } from '../../taskpane/context';
import { translator } from '../../taskpane/i18n';
import { roundWorkbench } from './paneWorkbench';
import { seedMaster, seedSplit } from './round';

const config = defaultConfig();
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

interface Offered {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

function recorder(offered: Offered[]): OfferDownload {
  return (name, bytes, mime) => {
    offered.push({ name, bytes, mime });
    return Promise.resolve();
  };
}

describe('sendRoundOut', () => {
  test('one zip named after the period, every unit\'s workbook inside, each read back with its unit and its tasks', async () => {
    const offered: Offered[] = [];
    const sent = await sendRoundOut(recorder(offered), seedMaster().analysis, { period: '2018年1-10月', format: 'xlsx' }, config);
    const units = seedSplit().units;
    expect(sent).toEqual({ name: '报送-2018年1-10月.zip', units: units.length, files: units.length, unassigned: 0 });
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ name: '报送-2018年1-10月.zip', mime: 'application/zip' });
    const entries = unzipSync(offered[0].bytes);
    expect(Object.keys(entries).sort()).toEqual(units.map((u) => u.fileName).sort());
    const part = units.find((u) => u.unit === '市公安局');
    const book = openWorkbook(entries[part?.fileName ?? ''], { fileName: part?.fileName });
    const { grid } = book.readSheet(book.sheets[0].name);
    expect(String(grid.values[0][0])).toContain('市公安局：2018年1-10月');
    expect(analyze(grid, { config }).table.records).toHaveLength((part?.leads.length ?? 0) + (part?.shares.length ?? 0));
  });

  test('as Word forms: the zip holds a .docx per unit the Word reader opens', async () => {
    const offered: Offered[] = [];
    const sent = await sendRoundOut(recorder(offered), seedMaster().analysis, { period: '2018年1-10月', format: 'docx' }, config);
    expect(sent?.files).toBe(seedSplit().units.length);
    const entries = unzipSync(offered[0].bytes);
    const name = Object.keys(entries).find((n) => n.startsWith('市委政法委'));
    expect(name).toBe('市委政法委-2018年1-10月.docx');
    const { grid } = openDocx(entries[name ?? '']).readSheet(DOCX_SHEET_NAME);
    expect(analyze(grid, { config }).table.records).toHaveLength(4);
  }, 120000);

  test('cancelled: nothing offered', async () => {
    const offered: Offered[] = [];
    const signal = { aborted: false };
    const sent = await sendRoundOut(recorder(offered), seedMaster().analysis, { period: null, format: 'xlsx' }, config, (done) => (signal.aborted = done >= 1), signal);
    expect(sent).toBeNull();
    expect(offered).toHaveLength(0);
  });

  test('tasks that name no unit are counted, not sent; a master without units offers nothing', async () => {
    const grid = (rows: CellValue[][]) => ({ values: [['2018年重点工作1-9月进展情况'], ['序号', '工作任务', '责任单位', '进展情况'], ...rows], merges: [], origin: { row: 1, column: 1 }, sheet: 'S' });
    const offered: Offered[] = [];
    const master = analyze(grid([['1', '推进综治视联网建设', '市公安局', '按进度完成。'], ['2', '完善社会信用体系建设', null, '按进度完成。']]), { config });
    expect(await sendRoundOut(recorder(offered), master, { period: null, format: 'xlsx' }, config)).toMatchObject({ name: '报送-1-9月.zip', units: 1, files: 1, unassigned: 1 });
    const none = analyze(grid([['1', '推进综治视联网建设', null, '按进度完成。']]), { config });
    expect(await sendRoundOut(recorder(offered), none, { period: null, format: 'xlsx' }, config)).toMatchObject({ units: 0, files: 0 });
    expect(offered).toHaveLength(1);
  });
});


const DOWNLOADS: HostCapabilities = { inPlace: true, highlight: true, navigate: true, download: true, chart: true };

function renderHtml(lang: Lang, node: JSX.Element, capabilities: HostCapabilities | null): string {
  const host = capabilities === null ? null : ({ kind: 'excel', capabilities, offerDownload: capabilities.download ? () => Promise.resolve() : undefined } as unknown as WorkbookHost);
  return renderToString(
    <LanguageContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>
      <HostContext.Provider value={host}>{node}</HostContext.Provider>
    </LanguageContext.Provider>,
  );
}

const render = (lang: Lang, node: JSX.Element, capabilities: HostCapabilities | null): string => text(renderHtml(lang, node, capabilities));

describe('SplitPanel', () => {
  test('where the host can download: the period of the master, the three formats and the button', () => {
    const html = render('zh-CN', <SplitPanel workbench={roundWorkbench(true, config)} />, DOWNLOADS);
    expect(html).toContain('发出报送表');
    expect(html).toContain('生成各单位报送表');
    expect(html).toContain('Excel（推荐：状态下拉选择，其余锁定）');
    expect(html).toContain('两种都要');
    const period = periodOf(seedMaster().analysis.table.title);
    expect(period).toBeTruthy();
    expect(renderHtml('zh-CN', <SplitPanel workbench={roundWorkbench(true, config)} />, DOWNLOADS)).toContain(`value="${period}"`);
    expect(render('en-US', <SplitPanel workbench={roundWorkbench(true, config)} />, DOWNLOADS)).toContain("Make the units' return forms");
  });

  test('where the host cannot download, one sentence points to the web page or the CLI instead of a dead button', () => {
    const raw = renderHtml('zh-CN', <SplitPanel workbench={roundWorkbench(true, config)} />, { ...DOWNLOADS, download: false });
    expect(raw).not.toContain('data-testid="split-run"');
    expect(raw).toContain('data-testid="split-unavailable"');
    const html = text(raw);
    expect(html).toContain('网页版');
    expect(html).toContain('report-tables split');
  });

  test('the web page hands its own download: the button is there without a host', () => {
    const raw = renderHtml('zh-CN', <SplitPanel workbench={roundWorkbench(false, config)} offerDownload={() => Promise.resolve()} />, null);
    expect(raw).toContain('data-testid="split-run"');
    const html = text(raw);
    expect(html).toContain('请先读取总表');
  });

  test('a Word form sent out here and returned is read by the same tab\'s picker', async () => {
    const made = await splitRoundFiles(seedMaster().analysis, { period: '2018年1-10月', format: 'docx' });
    const form = made.files.find((f) => f.unit === '市委政法委');
    const read = readReturnFile(form?.name ?? '', form?.bytes ?? new Uint8Array(), config, 'zh-CN');
    expect(read.ok).toBe(true);
    expect(read.ok && read.input.analysis.table.records).toHaveLength(4);
  }, 120000);

  test('the 合并报送 tab opens with it, above the returns', () => {
    const html = render('zh-CN', <MergePanel workbench={roundWorkbench(true, config)} />, DOWNLOADS);
    expect(html.indexOf('发出报送表')).toBeGreaterThan(-1);
    expect(html.indexOf('发出报送表')).toBeLessThan(html.indexOf('选择报送文件'));
  });
});
