/**
 * Round trip on generated tables: whatever the sections, tasks, sub-items, units, people and statuses, the document
 * exported from a table reads back to the same records (▲ added on lagging tasks aside), and exporting that again
 * gives the same document text.
 */
import fc from 'fast-check';
import { defaultConfig } from '../../src/core';
import { exportDocx, readDocx } from '../../src/files/docx';
import { renderWordPaste } from '../fixtures/render';
import type { LogicalCell, LogicalLine, LogicalTable } from '../fixtures/seedTable';
import { recordKeys, run } from './support/records';

const config = defaultConfig();
const unitNames = config.units.map((u) => u.name).filter((n) => !n.startsWith('各'));
const statusWords = config.vocabulary.map((v) => v.status);
const CHARS = '推进建设完成项目工作加快开展全市重点服务管理改革发展创新体系城市农村教育卫生交通'.split('');
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 2, maxLength: 14 }).map((a) => a.join(''));
const units = fc.uniqueArray(fc.constantFrom(...unitNames), { minLength: 1, maxLength: 3 });
const person = fc.array(fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭'.split('')), { minLength: 2, maxLength: 3 }).map((a) => a.join(''));
const part = fc.record({ text: word, units, persons: fc.uniqueArray(person, { minLength: 3, maxLength: 3 }), status: fc.constantFrom(...statusWords), details: fc.uniqueArray(word, { maxLength: 2 }) });
const task = fc.record({ task: fc.uniqueArray(word, { minLength: 1, maxLength: 2 }), parts: fc.array(part, { minLength: 1, maxLength: 3 }), subItems: fc.boolean() });

const tableArb = fc.array(fc.array(task, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((sections): LogicalTable => {
  const c = (text: string, extra: Partial<LogicalCell> = {}): LogicalCell => ({ text, ...extra });
  const lines: LogicalLine[] = [{ kind: 'title', text: '生成的重点工作进展情况表' }];
  sections.forEach((tasks, s) => {
    lines.push({ kind: 'section', text: `${'一二三'[s]}、${['王一', '李二', '张三'][s]}同志分管工作（共${tasks.length}项）` });
    lines.push({ kind: 'header', cells: [c('序号'), c('工作任务', { span: 2 }), c('责任单位'), c('责任人'), c('进展情况')] });
    tasks.forEach((t, i) => {
      const progress = (p: (typeof t.parts)[number]) => [`${p.status}。`, ...p.details].join('\n');
      const people = (p: (typeof t.parts)[number]) => p.persons.slice(0, p.units.length).join('\n');
      if (!t.subItems) {
        const p = t.parts[0];
        lines.push({ kind: 'row', cells: [c(String(i + 1)), c(t.task.join('\n'), { span: 2 }), c(p.units.join('\n')), c(people(p)), c(progress(p))] });
        return;
      }
      t.parts.forEach((p, k) => {
        const label = `（${k + 1}）${p.text}`;
        const lead = k === 0 ? [c(String(i + 1)), c(t.task.join('\n'))] : [c('', { continued: true }), c('', { continued: true })];
        lines.push({ kind: 'row', cells: [...lead, c(label), c(p.units.join('\n')), c(people(p)), c(progress(p))] });
      });
    });
  });
  return { name: 'generated', width: 6, lines };
});

test('an exported document reads back to the same records', async () => {
  await fc.assert(
    fc.asyncProperty(tableArb, async (table) => {
      const analysis = run(renderWordPaste(table).grid);
      const bytes = await exportDocx(analysis);
      const back = run(readDocx(bytes).sheets[0].grid);
      expect(recordKeys(back, { ignoreMarks: true })).toEqual(recordKeys(analysis, { ignoreMarks: true }));
      expect(back.table.sections.map((s) => [s.title, s.found])).toEqual(analysis.table.sections.map((s) => [s.title, s.found]));
      // Exporting the export again changes nothing a reader sees.
      const again = run(readDocx(await exportDocx(back)).sheets[0].grid);
      expect(recordKeys(again)).toEqual(recordKeys(back));
    }),
    { numRuns: 25 },
  );
});
