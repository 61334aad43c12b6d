/**
 * A layout generator: the same records rendered in each layout offices use, then through each paste artifact.
 *
 * Records are generated (fast-check) as blocks, one per official, each holding one or two topics of tasks. A layout
 * turns them into logical tables (tests/fixtures/seedTable.ts: the rows and cells of a Word table, with vertical
 * merges as `continued` cells), one per sheet; an artifact turns a logical table into a grid with the fixtures'
 * renderers. The expected records are computed from the generated data alone, never from the engine.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../src/core/types';
import { defaultConfigInput } from '../../src/core/config/defaults';
import { fillDown, renderPdfConversionGrid, renderWordPasteGrid } from '../fixtures/render';
import type { LogicalCell, LogicalLine, LogicalTable } from '../fixtures/seedTable';

/** "Today" for every generated table: the engine is given it, it never reads the clock. */
export const TODAY = '2024-07-15';

export interface GenTask {
  task: string[];
  units: string[];
  coUnits: string[];
  status: string;
  details: string[];
  deadline: { text: string; date: string };
  months: [string, string];
  remark: string;
  /** Sub-items （1）（2）…, each with its own units and status: used by the layout with a 子项 column only. */
  subItems: GenSubItem[];
}

export interface GenSubItem {
  text: string;
  units: string[];
  status: string;
  details: string[];
}

export interface GenTopic {
  tasks: GenTask[];
}

export interface GenBlock {
  topics: GenTopic[];
}

export interface ExpectedLayoutRecord {
  number: string;
  task: string;
  official: string | null;
  officialSource: 'column' | 'section' | 'sheet' | null;
  sectionPath: string[];
  units: string[];
  coUnits: string[];
  persons: string[];
  status: string;
  /** null where the layout has no deadline column. */
  deadline: string | null;
  /** Cells carried through unchanged (备注, 1月, 2月), by header label. */
  carried: Record<string, string>;
  sheet: string;
}

export interface RenderedLayout {
  sheets: Array<{ name: string; grid: Grid }>;
  expected: ExpectedLayoutRecord[];
}

const OFFICIALS = ['胡钛', '李明', '王五'];
const TOPICS = ['产业发展', '民生保障', '城市建设', '生态环境', '改革开放', '社会治理'];
const ORDINALS = '一二三四五六七八九十';

/** Units of the default directory that name their usual person: the people column then agrees with the directory. */
const STAFFED = (defaultConfigInput.units ?? []).filter((u) => u.person !== undefined && !u.name.startsWith('各'));
const personOf = new Map(STAFFED.map((u) => [u.name, u.person as string]));
const statusWords = defaultConfigInput.vocabulary.map((v) => v.status);
const laggingWords = new Set(defaultConfigInput.vocabulary.filter((v) => v.lagging).map((v) => v.status));

const CHARS = '推进建设完成项目工作加快开展全市重点服务管理改革发展创新体系城市农村教育卫生交通水利环境'.split('');
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 3, maxLength: 16 }).map((a) => a.join(''));
const paragraphs = (min: number, max: number) => fc.uniqueArray(word, { minLength: min, maxLength: max });

/** Deadlines as clerks write them, with the day each allows (a month means its last day). */
const DEADLINES: Array<{ text: string; date: string }> = [
  { text: '2024年6月底前', date: '2024-06-30' },
  { text: '2024年6月30日', date: '2024-06-30' },
  { text: '2024-09-30', date: '2024-09-30' },
  { text: '12月底', date: '2024-12-31' },
  { text: '2024.3', date: '2024-03-31' },
  { text: '2024年底前', date: '2024-12-31' },
];

const taskArb: fc.Arbitrary<GenTask> = fc
  .record({
    task: paragraphs(1, 2),
    people: fc.uniqueArray(fc.constantFrom(...STAFFED.map((u) => u.name)), { minLength: 2, maxLength: 5 }),
    split: fc.nat(),
    status: fc.constantFrom(...statusWords),
    details: paragraphs(0, 3),
    deadline: fc.constantFrom(...DEADLINES),
    months: fc.tuple(fc.constantFrom('', '启动', '推进中', '已完成'), fc.constantFrom('', '推进中', '完成')),
    remark: fc.constantFrom('', '', '待协调', '市级统筹'),
    subItems: fc.array(
      fc.record({ text: word, units: fc.uniqueArray(fc.constantFrom(...STAFFED.map((u) => u.name)), { minLength: 1, maxLength: 2 }), status: fc.constantFrom(...statusWords), details: paragraphs(0, 2) }),
      { maxLength: 3 },
    ),
  })
  .map(({ people, split, ...rest }) => {
    // Lead and assisting units never overlap.
    const cut = 1 + (split % Math.min(2, people.length - 1));
    return { ...rest, units: people.slice(0, cut), coUnits: people.slice(cut, cut + 2), months: rest.months as [string, string] };
  });

export const dataArb: fc.Arbitrary<GenBlock[]> = fc.array(
  fc.record({ topics: fc.array(fc.record({ tasks: fc.array(taskArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }) }),
  { minLength: 1, maxLength: 3 },
);

export type NumberingStyle = 'plain' | 'dot' | 'comma' | 'paren' | 'circled' | 'chinese' | 'fullwidth';
export const numberingArb: fc.Arbitrary<NumberingStyle> = fc.constantFrom('plain', 'dot', 'comma', 'paren', 'circled', 'chinese', 'fullwidth');

export function written(n: number, style: NumberingStyle): string {
  switch (style) {
    case 'dot':
      return `${n}.`;
    case 'comma':
      return `${n}、`;
    case 'paren':
      return `（${n}）`;
    case 'circled':
      return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[n - 1];
    case 'chinese':
      return `${n <= 10 ? ORDINALS[n - 1] : n < 20 ? `十${ORDINALS[n - 11]}` : '二十'}、`;
    case 'fullwidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    default:
      return String(n);
  }
}

const tasksOf = (block: GenBlock) => block.topics.flatMap((t) => t.tasks);
const progressText = (t: GenTask) => [`${laggingWords.has(t.status) ? '▲' : ''}${t.status}。`, ...t.details].join('\n');
const cell = (text: string, extra: Partial<LogicalCell> = {}): LogicalCell => ({ text, ...extra });
const cont = (): LogicalCell => ({ text: '', continued: true });

/** A column of a layout: its header label and what a task puts in it. */
interface Column {
  label: string;
  value: (t: GenTask, ctx: { number: string; official: string; firstOfBlock: boolean }) => LogicalCell;
}

const columns = {
  number: (label = '序号'): Column => ({ label, value: (_t, c) => cell(c.number) }),
  task: (label = '工作任务'): Column => ({ label, value: (t) => cell(t.task.join('\n')) }),
  units: (label = '责任单位'): Column => ({ label, value: (t) => cell(t.units.join('\n')) }),
  coUnits: (label = '配合单位'): Column => ({ label, value: (t) => cell(t.coUnits.join('、')) }),
  persons: (label = '责任人'): Column => ({ label, value: (t) => cell(t.units.map((u) => personOf.get(u) ?? '').join('\n')) }),
  progress: (label = '进展情况'): Column => ({ label, value: (t) => cell(progressText(t)) }),
  status: (label = '完成情况'): Column => ({ label, value: (t) => cell(t.status) }),
  deadline: (label = '完成时限'): Column => ({ label, value: (t) => cell(t.deadline.text) }),
  /** Merged down over the official's tasks: written on the block's first task, continued below. */
  official: (label = '分管领导', merged = true): Column => ({ label, value: (_t, c) => (merged && !c.firstOfBlock ? cont() : cell(c.official)) }),
  remark: (): Column => ({ label: '备注', value: (t) => cell(t.remark) }),
  month: (k: 0 | 1): Column => ({ label: `${k + 1}月`, value: (t) => cell(t.months[k]) }),
};

export type LayoutName = 'section-rows' | 'official-column' | 'official-heading' | 'sheet-per-official' | 'topic-two-level' | 'two-row-header' | 'no-official' | 'official-column-sub-items';
export const LAYOUTS: LayoutName[] = ['section-rows', 'official-column', 'official-heading', 'sheet-per-official', 'topic-two-level', 'two-row-header', 'no-official', 'official-column-sub-items'];

export type ArtifactName = 'word-paste' | 'filled-down' | 'pdf' | 'libreoffice';
export const ARTIFACTS: ArtifactName[] = ['word-paste', 'filled-down', 'pdf', 'libreoffice'];

interface Built {
  sheet: string;
  table: LogicalTable;
  expected: ExpectedLayoutRecord[];
}

interface Plan {
  columns: Column[];
  /** Header lines: one, or two under a group cell. */
  header: LogicalLine[];
  title: string[];
}

function headerLine(cols: Column[]): LogicalLine {
  return { kind: 'header', cells: cols.map((c) => cell(c.label)) };
}

function carriedOf(cols: Column[], t: GenTask): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cols) if (c.label === '备注' || /^\d+月$/.test(c.label)) out[c.label] = c.value(t, { number: '', official: '', firstOfBlock: true }).text;
  return out;
}

function expectedOf(t: GenTask, number: string, cols: Column[], extra: Omit<ExpectedLayoutRecord, 'number' | 'task' | 'units' | 'coUnits' | 'persons' | 'status' | 'deadline' | 'carried'>): ExpectedLayoutRecord {
  const labels = cols.map((c) => c.label);
  return {
    number,
    task: t.task.join('\n'),
    units: t.units,
    coUnits: labels.includes('配合单位') ? t.coUnits : [],
    persons: labels.some((l) => l === '责任人' || l === '负责人' || l === '人') ? t.units.map((u) => personOf.get(u) ?? '') : [],
    status: t.status,
    deadline: labels.includes('完成时限') ? t.deadline.date : null,
    carried: carriedOf(cols, t),
    ...extra,
  };
}

/** Rows of one block's tasks under the given columns; numbering from `start` in `style`. */
function rowsOf(tasks: GenTask[], plan: Plan, official: string, start: number, style: NumberingStyle, skip = false): Array<{ line: LogicalLine; number: string; task: GenTask }> {
  return tasks.map((t, i) => {
    // A skipped number (a fault a test injects): the second record and those after it are numbered one too high.
    const number = written(start + i + (skip && i >= 1 ? 1 : 0), style);
    return { line: { kind: 'row', cells: plan.columns.map((c) => c.value(t, { number, official, firstOfBlock: i === 0 })) }, number, task: t };
  });
}

/** Where a skipped number goes: the first run of at least two records, as [block, topic] (topic -1: the whole block). */
export function gapRun(layout: LayoutName, data: GenBlock[]): [number, number] | null {
  for (let b = 0; b < data.length; b++) {
    if (layout === 'topic-two-level') {
      const k = data[b].topics.findIndex((t) => t.tasks.length >= 2);
      if (k >= 0) return [b, k];
    } else if (tasksOf(data[b]).length >= 2) return [b, -1];
    // Numbering running through the table: only the first block can hold the first run's gap.
    if (layout === 'official-column' || layout === 'two-row-header' || layout === 'official-column-sub-items') return null;
  }
  return null;
}

export function buildLayout(layout: LayoutName, data: GenBlock[], style: NumberingStyle, pdf: boolean, gap = false): Built[] {
  const title = '2024年重点工作任务进展情况表';
  const at = gap ? gapRun(layout, data) : null;
  const skip = (b: number, k = -1) => at !== null && at[0] === b && at[1] === k;
  switch (layout) {
    case 'section-rows': {
      // The seed layout: "一、X同志分管工作（共N项）" and the header again above each official's tasks.
      const cols = [columns.number(), columns.task(), columns.deadline(), columns.units(), columns.persons(), columns.progress()];
      const plan: Plan = { columns: cols, header: [headerLine(cols)], title: [title] };
      const lines: LogicalLine[] = [{ kind: 'title', text: title }];
      const expected: ExpectedLayoutRecord[] = [];
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const tasks = tasksOf(block);
        const heading = `${ORDINALS[b]}、${official}同志分管工作（共${tasks.length}项）`;
        lines.push({ kind: 'section', text: heading }, headerLine(cols));
        for (const r of rowsOf(tasks, plan, official, 1, 'plain', skip(b))) {
          lines.push(r.line);
          expected.push(expectedOf(r.task, r.number, cols, { official, officialSource: 'section', sectionPath: [heading], sheet: 'Sheet1' }));
        }
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
    case 'official-column': {
      // The official (and, but for a PDF, one deadline) merged down over all of that official's tasks; 备注 after.
      const shared = !pdf;
      const cols = [columns.number(), columns.official(), columns.task(), columns.deadline(), columns.units(), columns.persons(), columns.progress(), columns.remark()];
      if (shared) cols[3] = { label: '完成时限', value: (t, c) => (c.firstOfBlock ? cell(t.deadline.text) : cont()) };
      const lines: LogicalLine[] = [{ kind: 'title', text: title }, headerLine(cols)];
      const expected: ExpectedLayoutRecord[] = [];
      let n = 1;
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const tasks = tasksOf(block);
        for (const r of rowsOf(tasks, { columns: cols, header: [], title: [] }, official, n, style, skip(b))) {
          lines.push(r.line);
          const e = expectedOf(r.task, r.number, cols, { official, officialSource: 'column', sectionPath: [], sheet: 'Sheet1' });
          if (shared) e.deadline = tasks[0].deadline.date;
          expected.push(e);
        }
        n += tasks.length + (skip(b) ? 1 : 0);
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
    case 'official-heading': {
      // One header at the top; a heading row "分管领导：X" above each official's tasks; other header words.
      const cols = [columns.number('编号'), columns.task('重点任务'), columns.units('牵头单位'), columns.persons('负责人'), columns.progress('推进情况')];
      const lines: LogicalLine[] = [{ kind: 'title', text: title }, headerLine(cols)];
      const expected: ExpectedLayoutRecord[] = [];
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const heading = `分管领导：${official}`;
        lines.push({ kind: 'section', text: heading });
        for (const r of rowsOf(tasksOf(block), { columns: cols, header: [], title: [] }, official, 1, style, skip(b))) {
          lines.push(r.line);
          expected.push(expectedOf(r.task, r.number, cols, { official, officialSource: 'section', sectionPath: [heading], sheet: 'Sheet1' }));
        }
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
    case 'sheet-per-official': {
      const cols = [columns.number(), columns.task(), columns.units(), columns.persons(), columns.progress()];
      return data.map((block, b) => {
        const official = OFFICIALS[b];
        // A bare name counts among several sheets named so; a lone sheet says who it is ("胡钛副市长").
        const name = data.length > 1 ? official : `${official}副市长`;
        const lines: LogicalLine[] = [{ kind: 'title', text: title }, headerLine(cols)];
        const expected = rowsOf(tasksOf(block), { columns: cols, header: [], title: [] }, official, 1, style, skip(b)).map((r) => {
          lines.push(r.line);
          return expectedOf(r.task, r.number, cols, { official, officialSource: 'sheet' as const, sectionPath: [], sheet: name });
        });
        return { sheet: name, table: { name: `${layout}-${official}`, width: cols.length, lines }, expected };
      });
    }
    case 'topic-two-level': {
      // "一、topic（共N项）" then "（一）topic（共M项）"; the official in a 分管副市长 column; 牵头 + 配合; a status column
      // beside 工作进展; monthly columns; numbering restarting in each sub-section.
      const cols = [
        columns.number(),
        columns.task('重点任务'),
        columns.official('分管副市长'),
        columns.units('牵头单位'),
        columns.coUnits(),
        columns.persons(),
        columns.deadline('完成时限'),
        columns.status('完成情况'),
        columns.progress('工作进展'),
        columns.month(0),
        columns.month(1),
      ];
      const lines: LogicalLine[] = [{ kind: 'title', text: title }, headerLine(cols)];
      const expected: ExpectedLayoutRecord[] = [];
      let topic = 0;
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const top = `${ORDINALS[b]}、${TOPICS[topic++ % TOPICS.length]}（共${tasksOf(block).length}项）`;
        lines.push({ kind: 'section', text: top });
        block.topics.forEach((t, k) => {
          const sub = `（${ORDINALS[k]}）${TOPICS[topic++ % TOPICS.length]}（共${t.tasks.length}项）`;
          lines.push({ kind: 'section', text: sub });
          for (const r of rowsOf(t.tasks, { columns: cols, header: [], title: [] }, official, 1, style, skip(b, k))) {
            lines.push(r.line);
            expected.push(expectedOf(r.task, r.number, cols, { official, officialSource: 'column', sectionPath: [top, sub], sheet: 'Sheet1' }));
          }
        });
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
    case 'two-row-header': {
      // A title and a date row above a header on two rows: the group cell 责任 over 单位 | 人.
      const cols = [columns.number(), columns.task(), columns.units('单位'), columns.persons('人'), columns.progress(), columns.official()];
      const top: LogicalLine = { kind: 'header', cells: [cell('序号'), cell('工作任务'), cell('责任', { span: 2 }), cell('进展情况'), cell('分管领导')] };
      const second: LogicalLine = { kind: 'header', cells: [cont(), cont(), cell('单位'), cell('人'), cont(), cont()] };
      const lines: LogicalLine[] = [{ kind: 'title', text: title }, { kind: 'title', text: '填报日期：2024年7月10日' }, top, second];
      const expected: ExpectedLayoutRecord[] = [];
      let n = 1;
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const tasks = tasksOf(block);
        for (const r of rowsOf(tasks, { columns: cols, header: [], title: [] }, official, n, style, skip(b))) {
          lines.push(r.line);
          expected.push(expectedOf(r.task, r.number, cols, { official, officialSource: 'column', sectionPath: [], sheet: 'Sheet1' }));
        }
        n += tasks.length + (skip(b) ? 1 : 0);
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
    case 'official-column-sub-items': {
      // The official merged down over tasks some of which have sub-items （1）（2）… under a 工作任务 spanning 任务 | 子项:
      // merges over several records and merges within one record's sub-items on the same sheet.
      const width = 7;
      const lines: LogicalLine[] = [
        { kind: 'title', text: title },
        { kind: 'header', cells: [cell('序号'), cell('分管领导'), cell('工作任务', { span: 2 }), cell('责任单位'), cell('责任人'), cell('进展情况')] },
      ];
      const expected: ExpectedLayoutRecord[] = [];
      const rank = new Map(statusWords.map((w, i) => [w, i]));
      let n = 1;
      data.forEach((block, b) => {
        const official = OFFICIALS[b];
        const tasks = tasksOf(block);
        tasks.forEach((t, i) => {
          const number = written(n + i + (skip(b) && i >= 1 ? 1 : 0), style);
          const officialCell = i === 0 ? cell(official) : cont();
          const base = { number, task: t.task.join('\n'), official, officialSource: 'column' as const, sectionPath: [], coUnits: [], deadline: null, carried: {}, sheet: 'Sheet1' };
          if (t.subItems.length === 0) {
            lines.push({ kind: 'row', cells: [cell(number), officialCell, cell(t.task.join('\n'), { span: 2 }), cell(t.units.join('\n')), cell(t.units.map((u) => personOf.get(u) ?? '').join('\n')), cell(progressText(t))] });
            expected.push({ ...base, units: t.units, persons: t.units.map((u) => personOf.get(u) ?? ''), status: t.status });
            return;
          }
          t.subItems.forEach((sub, k) => {
            const progress = [`${laggingWords.has(sub.status) ? '▲' : ''}${sub.status}。`, `（${k + 1}）进展`, ...sub.details].join('\n');
            const own = [cell(`（${k + 1}）${sub.text}`), cell(sub.units.join('\n')), cell(sub.units.map((u) => personOf.get(u) ?? '').join('\n')), cell(progress)];
            const lead = k === 0 ? [cell(number), officialCell, cell(t.task.join('\n'))] : [cont(), cont(), cont()];
            lines.push({ kind: 'row', cells: [...lead, ...own] });
          });
          const units = [...new Set(t.subItems.flatMap((sub) => sub.units))];
          const worst = t.subItems.reduce((w, sub) => ((rank.get(sub.status) ?? 0) < (rank.get(w.status) ?? 0) ? sub : w));
          expected.push({ ...base, units, persons: [...new Set(units.map((u) => personOf.get(u) ?? ''))], status: worst.status });
        });
        n += tasks.length + (skip(b) ? 1 : 0);
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width, lines }, expected }];
    }
    case 'no-official': {
      // Topic sections without counts, and no official anywhere: nothing may be invented.
      const cols = [columns.number(), columns.task(), columns.units(), columns.persons(), columns.progress()];
      const lines: LogicalLine[] = [{ kind: 'title', text: title }, headerLine(cols)];
      const expected: ExpectedLayoutRecord[] = [];
      data.forEach((block, b) => {
        const heading = `${ORDINALS[b]}、${TOPICS[b]}`;
        lines.push({ kind: 'section', text: heading });
        for (const r of rowsOf(tasksOf(block), { columns: cols, header: [], title: [] }, '', 1, style, skip(b))) {
          lines.push(r.line);
          expected.push(expectedOf(r.task, r.number, cols, { official: null, officialSource: null, sectionPath: [heading], sheet: 'Sheet1' }));
        }
      });
      return [{ sheet: 'Sheet1', table: { name: layout, width: cols.length, lines }, expected }];
    }
  }
}

/**
 * LibreOffice keeps the text of cells hidden under a merged area when it writes a workbook ("keep contents of hidden
 * cells"): the covered cells hold copies the reader must not count again. Rendered on the grid only; the corpus
 * helper's tests run real LibreOffice files.
 */
function libreOfficeWrite(grid: Grid): Grid {
  const values = grid.values.map((row) => [...row]);
  for (const m of grid.merges) {
    const value: CellValue = grid.values[m.row][m.column];
    for (let r = m.row; r < m.row + m.rowCount; r++) for (let c = m.column; c < m.column + m.columnCount; c++) values[r][c] = value;
  }
  return { ...grid, values };
}

export function renderArtifact(table: LogicalTable, artifact: ArtifactName, sheet: string): Grid {
  switch (artifact) {
    case 'word-paste':
      return { ...renderWordPasteGrid(table), sheet };
    case 'filled-down':
      return { ...fillDown(renderWordPasteGrid(table)), sheet };
    case 'pdf':
      return { ...renderPdfConversionGrid(table, { rowsPerPage: 8, splitEveryPages: 1, spacerChance: 0.2 }), sheet };
    case 'libreoffice':
      return { ...libreOfficeWrite(renderWordPasteGrid(table)), sheet };
  }
}

export function renderLayout(layout: LayoutName, data: GenBlock[], style: NumberingStyle, artifact: ArtifactName, options: { gap?: boolean } = {}): RenderedLayout {
  const built = buildLayout(layout, data, style, artifact === 'pdf', options.gap ?? false);
  return { sheets: built.map((b) => ({ name: b.sheet, grid: renderArtifact(b.table, artifact, b.sheet) })), expected: built.flatMap((b) => b.expected) };
}
