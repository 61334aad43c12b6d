/**
 * What the page's worker does, called directly: open a seed-built file, read a sheet, write and export; the
 * messages a user sees; the packed grid the page draws; the download names.
 */
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { analyze } from '../../src/core';
import { parseA1 } from '../../src/core/grid/address';
import { baseName, outputFileName } from '../../src/web/fileNames';
import { errorInfo, Session } from '../../src/web/session';
import {
  analysisForPage,
  joinAnalysis,
  markAt,
  mergedAt,
  packGrid,
  packMarks,
  packedCell,
  splitAnalysis,
  type PackedMarks,
} from '../../src/web/transfer';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';
import { SHEET, seedWorkbook } from './support';

const noProgress = () => undefined;

function session(): { session: Session; marks: PackedMarks[]; scrolls: number[][] } {
  const marks: PackedMarks[] = [];
  const scrolls: number[][] = [];
  return {
    session: new Session({
      showMarks: (m) => {
        marks.push(m);
      },
      scrollTo: (_s, r, c) => {
        scrolls.push([r, c]);
      },
    }),
    marks,
    scrolls,
  };
}

describe('a page session over a seed workbook', () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await seedWorkbook();
  });

  it('opens, reads the chosen sheet with progress, and sends the page counts rather than every record', async () => {
    const { session: s } = session();
    const opened = await s.handle({ type: 'open', bytes: input, fileName: 'C:\\报表\\重点工作.xlsx', settings: null }, noProgress);
    expect(opened.format).toBe('xlsx');
    expect(opened.sheet).toBe('说明');
    // The cover sheet has no table: the grid is still shown, with the reason.
    const cover = await s.handle({ type: 'load', sheet: '说明' }, noProgress);
    expect(cover.analysis).toBeNull();
    expect(cover.problem?.messages['zh-CN']).toBeTruthy();
    const stages: string[] = [];
    const loaded = await s.handle({ type: 'load', sheet: SHEET }, (p) => stages.push(p.stage));
    expect(stages).toContain('read');
    expect(stages).toContain('analyze');
    const expected = analyze(renderWordPaste(loadSeed('001')).grid);
    expect(loaded.analysis?.table.records.length).toBe(expected.table.records.length);
    expect(loaded.analysis?.findings).toEqual(expected.findings);
    expect(loaded.analysis?.summary).toEqual(expected.summary);
    expect(loaded.grid.rowCount).toBeGreaterThan(expected.table.records.length);
  });

  it('exports the repaired and summary workbooks and the findings, named after the input', async () => {
    const { session: s } = session();
    await s.handle({ type: 'open', bytes: input, fileName: '重点工作.xlsx', settings: null }, noProgress);
    const loaded = await s.handle({ type: 'load', sheet: SHEET }, noProgress);
    const fixed = await s.handle({ type: 'export', kind: 'fixed', lang: 'zh-CN' }, noProgress);
    expect(fixed.fileName).toBe('重点工作（整理后）.xlsx');
    expect(XLSX.read(fixed.bytes, { type: 'array', bookSheets: true }).SheetNames).toContain(`${SHEET}（整理）`);
    const summary = await s.handle({ type: 'export', kind: 'summary', lang: 'zh-CN' }, noProgress);
    expect(summary.fileName).toBe('重点工作（汇总）.xlsx');
    expect(XLSX.read(summary.bytes, { type: 'array', bookSheets: true }).SheetNames).toContain('滞后事项清单');
    const findings = await s.handle({ type: 'export', kind: 'findings', lang: 'en-US' }, noProgress);
    expect(findings.fileName).toBe('重点工作 (findings).xlsx');
    const book = XLSX.read(findings.bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Findings, { header: 1, raw: false, defval: '' });
    expect(rows[0]).toEqual(['Cell', 'Row', 'Severity', 'Rule', 'Problem', 'Value', 'Suggestion']);
    expect(rows.length - 1).toBe(loaded.analysis?.findings.length);
    const json = await s.handle({ type: 'export', kind: 'findingsJson', lang: 'zh-CN' }, noProgress);
    const document = JSON.parse(new TextDecoder().decode(json.bytes)) as { sheet: string; findings: unknown[] };
    expect(document.sheet).toBe(SHEET);
    expect(document.findings).toHaveLength(loaded.analysis?.findings.length ?? -1);
  });

  it('exports the repaired table as a Word document, which opens again as a table with the same records', async () => {
    const { session: s } = session();
    await s.handle({ type: 'open', bytes: input, fileName: '重点工作.xlsx', settings: null }, noProgress);
    const loaded = await s.handle({ type: 'load', sheet: SHEET }, noProgress);
    const word = await s.handle({ type: 'export', kind: 'word', lang: 'zh-CN' }, noProgress);
    expect(word.fileName).toBe('重点工作（整理后）.docx');
    const { session: again } = session();
    const opened = await again.handle({ type: 'open', bytes: word.bytes, fileName: word.fileName, settings: null }, noProgress);
    expect(opened.format).toBe('docx');
    const fromWord = await again.handle({ type: 'load', sheet: opened.sheet }, noProgress);
    expect(fromWord.analysis?.table.records.length).toBe(loaded.analysis?.table.records.length);
    // A Word input is repaired into a new .xlsx workbook.
    const fixed = await again.handle({ type: 'export', kind: 'fixed', lang: 'zh-CN' }, noProgress);
    expect(fixed.fileName).toBe('重点工作（整理后）（整理后）.xlsx');
    expect(XLSX.read(fixed.bytes, { type: 'array', bookSheets: true }).SheetNames.length).toBe(3);
  });

  it('marks findings and scrolls to a cell through the grid view', async () => {
    const { session: s, marks, scrolls } = session();
    await s.handle({ type: 'open', bytes: input, fileName: 'a.xlsx', settings: null }, noProgress);
    const { grid, analysis } = await s.handle({ type: 'load', sheet: SHEET }, noProgress);
    const { count } = await s.handle({ type: 'highlight', lang: 'zh-CN' }, noProgress);
    const shown = marks[marks.length - 1];
    expect(shown).toHaveLength(count);
    // Every finding with a cell shows on that cell of the grid, with its message or a more serious one's.
    const rank = { error: 0, warning: 1, info: 2 };
    const withCell = (analysis?.findings ?? []).filter((f) => f.cell !== null);
    expect(withCell.length).toBeGreaterThan(0);
    for (const finding of withCell) {
      const at = parseA1(finding.cell ?? '');
      const mark = markAt(shown, grid.columnCount, (at?.row ?? 0) - grid.origin.row, (at?.column ?? 0) - grid.origin.column);
      expect(mark).not.toBeNull();
      expect(rank[mark?.severity ?? 'info']).toBeLessThanOrEqual(rank[finding.severity]);
      if (mark?.severity === finding.severity && withCell.filter((f) => f.cell === finding.cell).length === 1) expect(mark.message).toBe(finding.messages['zh-CN']);
    }
    await s.handle({ type: 'clear' }, noProgress);
    expect(marks[marks.length - 1]).toHaveLength(0);
    await s.handle({ type: 'select', address: 'B7' }, noProgress);
    expect(scrolls).toEqual([[7, 2]]);
  });

  it('applies saved settings to the next reading, and refuses settings the schema rejects', async () => {
    const { session: s } = session();
    await s.handle({ type: 'open', bytes: input, fileName: 'a.xlsx', settings: null }, noProgress);
    await expect(s.handle({ type: 'settings', settings: { vocabulary: [] } }, noProgress)).rejects.toMatchObject({ name: 'ConfigError' });
    const info = errorInfo(await s.handle({ type: 'settings', settings: { vocabulary: 3 } }, noProgress).catch((e: unknown) => e));
    expect(info.code).toBe('config');
    expect(info.issues?.[0].path).toContain('vocabulary');
  });

  it('asks for a file first', async () => {
    const { session: s } = session();
    await expect(s.handle({ type: 'load', sheet: 'x' }, noProgress)).rejects.toMatchObject({ code: 'no-file' });
  });
});

describe('messages', () => {
  it('an unexpected failure shows no JavaScript internals', () => {
    const info = errorInfo(new TypeError("Cannot read properties of undefined (reading 'rows')"));
    expect(info.code).toBe('unexpected');
    expect(JSON.stringify(info)).not.toMatch(/undefined|TypeError|rows/);
  });
});

describe('the packed grid', () => {
  it('gives back every cell as text, numbers and empties included', () => {
    const grid = { values: [['序号', '工作任务', null], [1, '甲\n乙', true]], merges: [], origin: { row: 3, column: 2 } };
    const packed = packGrid(grid, 'S');
    expect(packed.rowCount).toBe(2);
    expect(packed.columnCount).toBe(3);
    expect([0, 1].map((r) => [0, 1, 2].map((c) => packedCell(packed, r, c)))).toEqual([
      ['序号', '工作任务', ''],
      ['1', '甲\n乙', 'true'],
    ]);
    expect(packedCell(packed, 5, 0)).toBe('');
  });

  it('resolves merged areas cell by cell: the first column spans, the others are hidden, no border inside', () => {
    const values = [
      ['标题', null, null],
      ['一', '甲', '乙'],
      [null, '丙', null],
    ];
    const merges = [
      { row: 0, column: 0, rowCount: 1, columnCount: 3 },
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
      // Reaching past the sheet's last row and column: cut at the grid's edge.
      { row: 2, column: 1, rowCount: 5, columnCount: 9 },
    ];
    const packed = packGrid({ values, merges, origin: { row: 1, column: 1 } }, 'S');
    expect(packed.mergeCount).toBe(3);
    expect(mergedAt(packed, 0, 0)).toEqual({ first: true, hidden: false, down: false, lastColumn: 2 });
    expect(mergedAt(packed, 0, 2)).toEqual({ first: false, hidden: true, down: false, lastColumn: 0 });
    expect(mergedAt(packed, 1, 0)).toEqual({ first: true, hidden: false, down: true, lastColumn: 0 });
    expect(mergedAt(packed, 2, 0)).toEqual({ first: true, hidden: false, down: false, lastColumn: 0 });
    expect(mergedAt(packed, 1, 1)).toBeNull();
    expect(mergedAt(packed, 2, 1)).toEqual({ first: true, hidden: false, down: true, lastColumn: 2 });
    expect(mergedAt(packed, 2, 2)?.hidden).toBe(true);
    expect(mergedAt(packed, 3, 0)).toBeNull();
  });

  it('marks a cell with its most serious finding and counts marks outside the grid', () => {
    const grid = { origin: { row: 3, column: 2 }, rowCount: 2, columnCount: 2 };
    const marks = packMarks(
      'S',
      [
        { row: 3, column: 2, severity: 'info', message: '提示' },
        { row: 3, column: 2, severity: 'error', message: '错误' },
        { row: 3, column: 2, severity: 'warning', message: '警告' },
        { row: 4, column: 3, severity: 'warning', message: '第二个' },
        { row: 90, column: 3, severity: 'error', message: '表外' },
      ],
      grid,
    );
    expect(marks).toHaveLength(5);
    expect(markAt(marks, 2, 0, 0)).toMatchObject({ severity: 'error', message: '错误' });
    expect(markAt(marks, 2, 1, 1)).toMatchObject({ severity: 'warning', message: '第二个' });
    expect(markAt(marks, 2, 0, 1)).toBeNull();
    expect(markAt(marks, 2, 7, 0)).toBeNull();
  });

  it('every cell shows the most serious of its marks (the first of equals), whatever the marks', () => {
    const grid = { origin: { row: 2, column: 3 }, rowCount: 7, columnCount: 5 };
    const severities = ['error', 'warning', 'info'] as const;
    const mark = fc.record({
      row: fc.integer({ min: 0, max: 11 }),
      column: fc.integer({ min: 1, max: 9 }),
      severity: fc.constantFrom(...severities),
      message: fc.string({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 40 }), (marks) => {
        const packed = packMarks('S', marks, grid);
        expect(packed).toHaveLength(marks.length);
        for (let r = 0; r < grid.rowCount; r += 1) {
          for (let c = 0; c < grid.columnCount; c += 1) {
            const here = marks.filter((m) => m.row - grid.origin.row === r && m.column - grid.origin.column === c);
            const expected = here.reduce<(typeof marks)[number] | null>((best, m) => (best === null || severities.indexOf(m.severity) < severities.indexOf(best.severity) ? m : best), null);
            const shown = markAt(packed, grid.columnCount, r, c);
            expect(shown === null ? null : { severity: shown.severity, message: shown.message }).toEqual(expected === null ? null : { severity: expected.severity, message: expected.message });
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('sends the analysis in parts that join to all of it, in order, whatever the part size', () => {
    const analysis = analyze(renderWordPaste(loadSeed('001')).grid);
    const page = analysisForPage(analysis);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (size) => {
        const { head, parts } = splitAnalysis(analysis, size);
        expect(head.findings).toEqual([]);
        expect(head.plan.changes).toEqual([]);
        for (const part of parts) expect(part.items.length).toBeLessThanOrEqual(size);
        const joined = joinAnalysis(head, parts);
        expect(joined.findings).toEqual(page.findings);
        expect(joined.plan.changes).toEqual(page.plan.changes);
        expect(joined.plan.removed).toEqual(page.plan.removed);
        expect(joined.summary).toEqual(page.summary);
        expect(joined.plan.rows.length).toBe(analysis.plan.rows.length);
      }),
      { numRuns: 25 },
    );
  });

  it('the page analysis keeps every count the panes show', () => {
    const analysis = analyze(renderWordPaste(loadSeed('000')).grid);
    const slim = analysisForPage(analysis);
    expect(slim.table.records.length).toBe(analysis.table.records.length);
    expect(slim.plan.rows.length).toBe(analysis.plan.rows.length);
    expect(slim.plan.changes).toEqual(analysis.plan.changes);
    expect(slim.findings).toEqual(analysis.findings);
  });
});

describe('download names', () => {
  it('derive from the input name in the user’s language', () => {
    expect(outputFileName('表格.xlsx', 'fixed', 'zh-CN')).toBe('表格（整理后）.xlsx');
    expect(outputFileName('表格.xml', 'summary', 'zh-CN')).toBe('表格（汇总）.xlsx');
    expect(outputFileName('report.docx', 'findingsJson', 'en-US')).toBe('report (findings).json');
    expect(baseName('../../etc/pass:wd.xlsx')).toBe('passwd');
    expect(baseName('.xlsx')).toBe('表格');
  });
});
