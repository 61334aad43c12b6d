import fc from 'fast-check';
import type { LogicalLine, LogicalTable } from '../fixtures/seedTable';
import { renderFilledDown, renderPdfConversion, renderWordPaste } from '../fixtures/render';
import { cellText } from '../../src/core/grid/gridView';
import { defaultConfig } from '../../src/core';
import { repairedGrid, run } from './helpers';

/**
 * Generated tables and generated damage: whatever the records, a Word paste, a filled-down paste or a PDF
 * conversion of them reads back to the same records, loses no line of text, and repairs idempotently.
 */
const config = defaultConfig();
const unitNames = config.units.map((u) => u.name).filter((n) => !n.startsWith('各'));
const statusWords = config.vocabulary.map((v) => v.status);
const CHARS = '推进建设完成项目工作加快开展全市重点服务管理改革发展创新体系城市农村教育卫生交通水利环境'.split('');

const word = fc.array(fc.constantFrom(...CHARS), { minLength: 2, maxLength: 18 }).map((a) => a.join(''));
// Paragraphs of one cell differ: in a filled-down sheet a cell repeating one paragraph cannot be told from a
// merged cell copied into every row, and the reader counts such a copy once.
const paragraphs = (min: number, max: number) => fc.uniqueArray(word, { minLength: min, maxLength: max });
const unitList = fc.uniqueArray(fc.constantFrom(...unitNames), { minLength: 1, maxLength: 4 });
const personName = fc.array(fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许'.split('')), { minLength: 2, maxLength: 3 }).map((a) => a.join(''));

const recordArb = fc.record({
  task: paragraphs(1, 3),
  units: unitList,
  persons: fc.array(personName, { minLength: 4, maxLength: 4 }),
  status: fc.constantFrom(...statusWords),
  marked: fc.boolean(),
  details: paragraphs(0, 4),
});

const tableArb = fc.array(fc.array(recordArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }).map((sections): LogicalTable => {
  const cell = (text: string) => ({ text });
  const header: LogicalLine = { kind: 'header', cells: ['序号', '工作任务', '责任单位', '责任人', '进展情况'].map(cell) };
  const lines: LogicalLine[] = [{ kind: 'title', text: '生成的重点工作进展情况表' }];
  const officials = ['王一', '李二', '张三'];
  sections.forEach((records, s) => {
    lines.push({ kind: 'section', text: `${'一二三'[s]}、${officials[s]}同志分管工作（共${records.length}项）` });
    lines.push(header);
    records.forEach((r, i) => {
      const status = `${r.marked && r.status === '未按进度完成' ? '▲' : ''}${r.status}。`;
      lines.push({
        kind: 'row',
        cells: [String(i + 1), r.task.join('\n'), r.units.join('\n'), r.persons.slice(0, r.units.length).join('\n'), [status, ...r.details].join('\n')].map(cell),
      });
    });
  });
  return { name: 'generated', width: 5, lines };
});

/** Tables whose tasks may have sub-items （1）（2）… each with its own units, people and status, under a 工作任务 spanning two columns. */
const subItemArb = fc.record({ text: word, units: unitList, persons: fc.array(personName, { minLength: 4, maxLength: 4 }), status: fc.constantFrom(...statusWords), details: paragraphs(0, 2) });
const taskWithSubItemsArb = fc.record({ task: paragraphs(1, 2), subItems: fc.array(subItemArb, { minLength: 0, maxLength: 4 }), plain: recordArb });

const subItemTableArb = fc.array(taskWithSubItemsArb, { minLength: 1, maxLength: 6 }).map((tasks): LogicalTable => {
  const cell = (text: string, extra: { continued?: boolean; span?: number } = {}) => ({ text, ...extra });
  const lines: LogicalLine[] = [
    { kind: 'title', text: '生成的含子项任务表' },
    { kind: 'section', text: `一、王一同志分管工作（共${tasks.length}项）` },
    { kind: 'header', cells: [cell('序号'), cell('工作任务', { span: 2 }), cell('责任单位'), cell('责任人'), cell('进展情况')] },
  ];
  tasks.forEach((t, i) => {
    const number = String(i + 1);
    if (t.subItems.length === 0) {
      const r = t.plain;
      lines.push({ kind: 'row', cells: [cell(number), cell(t.task.join('\n'), { span: 2 }), cell(r.units.join('\n')), cell(r.persons.slice(0, r.units.length).join('\n')), cell([`${r.status}。`, ...r.details].join('\n'))] });
      return;
    }
    t.subItems.forEach((sub, k) => {
      const own = [cell(`（${k + 1}）${sub.text}`), cell(sub.units.join('\n')), cell(sub.persons.slice(0, sub.units.length).join('\n')), cell([`${sub.status}。`, `（${k + 1}）进展`, ...sub.details].join('\n'))];
      const lead = k === 0 ? [cell(number), cell(t.task.join('\n'))] : [cell('', { continued: true }), cell('', { continued: true })];
      lines.push({ kind: 'row', cells: [...lead, ...own] });
    });
  });
  return { name: 'generated-sub-items', width: 6, lines };
});

const renderings = {
  'word-paste': renderWordPaste,
  'filled-down': renderFilledDown,
  pdf: (t: LogicalTable) => renderPdfConversion(t, { rowsPerPage: 7, splitEveryPages: 1, spacerChance: 0.3 }),
};

describe.each(Object.entries(renderings))('generated tables, %s', (_name, render) => {
  test('records are recovered with every field intact', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const { grid, expected } = render(table);
        const analysis = run(grid);
        expect(analysis.table.records.map((r) => [r.section, r.number, r.task])).toEqual(expected.map((e) => [e.section, e.number, e.task]));
        analysis.table.records.forEach((r, i) => {
          expect(r.units).toEqual(expected[i].units.split('\n'));
          expect(r.progress).toBe(expected[i].progress);
        });
        expect(analysis.table.sections.every((s) => s.found === s.declared)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('no line of text is lost, and repair is idempotent', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const { grid } = render(table);
        const analysis = run(grid);
        // A wrapped unit name comes back joined, so a line may survive inside a longer one.
        const blob = [...analysis.plan.rows.flatMap((r) => r.values), ...analysis.plan.removed.flatMap((r) => r.values)].join('|');
        for (const value of grid.values.flat()) for (const line of cellText(value).split('\n')) if (line.trim() !== '') expect(blob.includes(line.trim())).toBe(true);
        const again = run(repairedGrid(analysis));
        expect(again.plan.changes).toEqual([]);
        expect(again.plan.rows.map((r) => r.values)).toEqual(analysis.plan.rows.map((r) => r.values));
      }),
      { numRuns: 60 },
    );
  });
});

describe.each(Object.entries(renderings))('generated tables with sub-items, %s', (_name, render) => {
  test('a task keeps its sub-items, each with its own units and status; repair is idempotent and loses nothing', () => {
    fc.assert(
      fc.property(subItemTableArb, (table) => {
        const { grid, expected } = render(table);
        const analysis = run(grid);
        const records = analysis.table.records;
        expect(records.map((r) => [r.number, r.task])).toEqual(expected.map((e) => [e.number, e.task]));
        records.forEach((r, i) => {
          const e = expected[i];
          expect(r.subItems?.map((s) => [s.text, s.units, s.progress]) ?? null).toEqual(e.subItems ? e.subItems.map((s) => [s.text, s.units.split('\n'), s.progress]) : null);
        });
        const blob = [...analysis.plan.rows.flatMap((r) => r.values), ...analysis.plan.removed.flatMap((r) => r.values)].join('|');
        for (const value of grid.values.flat()) for (const line of cellText(value).split('\n')) if (line.trim() !== '') expect(blob.includes(line.trim())).toBe(true);
        const again = run(repairedGrid(analysis));
        expect(again.plan.changes).toEqual([]);
        expect(again.table.records.map((r) => [r.number, r.subItems?.length ?? 0])).toEqual(records.map((r) => [r.number, r.subItems?.length ?? 0]));
      }),
      { numRuns: 60 },
    );
  });
});
