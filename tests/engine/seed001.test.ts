import { loadSeed } from '../fixtures/seedTable';
import { renderWordPaste } from '../fixtures/render';
import { run } from './helpers';

/** Seed 001 as a whole: the 2018 progress table, 11 officials, 253 tasks declared. */
const analysis = run(renderWordPaste(loadSeed('001')).grid);
const { table, findings, summary } = analysis;
const byRule = (rule: string) => findings.filter((f) => f.rule === rule);

test('title, declared total and the eleven sections with their officials are read', () => {
  expect(table.title).toBe('2018年市政府重点工作1-9月进展情况汇总表');
  expect(table.declaredTotal).toBe(253);
  expect(table.sections.map((s) => s.official)).toEqual(['胡钛', '张元醒', '易中强', '周惠红', '利为民', '许晓雄', '梁许赞', '高诚苗', '林飞鸣', '蔡德威', '赖燕芬']);
  expect(table.sections.reduce((n, s) => n + (s.declared ?? 0), 0)).toBe(253);
});

test('sections whose tasks are all present agree with their 共N项; the others are exactly the count findings', () => {
  // The text dump lost the rows of five tasks (二-5, 二-11, 四-15, 五-9, 十-7): those sections, and the title, disagree.
  const disagreeing = table.sections.filter((s) => s.found !== s.declared).map((s) => s.index);
  expect(disagreeing).toEqual([2, 4, 5, 10]);
  const sectionCounts = byRule('count.mismatch').filter((f) => f.section !== null).map((f) => f.section);
  expect(sectionCounts).toEqual(disagreeing);
  expect(table.records.length).toBe(253 - 5);
  const titleFinding = byRule('count.mismatch').find((f) => f.section === null);
  expect(titleFinding?.row).toBe(table.declaredTotalRow);
  expect(titleFinding?.messages['zh-CN']).toContain('253');
});

test('the lost numbers are reported where they are missing', () => {
  const gaps = byRule('numbering.gap').map((f) => `${f.section}:${f.suggestion}`);
  expect(gaps).toEqual(expect.arrayContaining(['2:5', '2:11', '4:15', '5:9', '10:7']));
  expect(byRule('numbering.missing').every((f) => f.section === 9)).toBe(true);
});

test('a name typed two ways for the same unit is found, with the majority spelling suggested', () => {
  const inconsistent = byRule('person.inconsistent');
  expect(inconsistent.filter((f) => f.value === '梁明健').map((f) => f.suggestion)).toEqual(['梁明建', '梁明建']);
  expect(inconsistent.find((f) => f.value === '许春锦')?.suggestion).toBe('许春绵');
  expect(inconsistent.find((f) => f.value === '卢国壮')?.suggestion).toBe('卢永权');
});

test('a person list shifted by one is found and realigned', () => {
  const shifted = byRule('person.shifted');
  expect(shifted).toHaveLength(1);
  expect(shifted[0].section).toBe(2);
  expect(shifted[0].number).toBe('3');
  expect(shifted[0].suggestion).toBe('劳茂昌、？、李文聪、陈霞、芶晓彤');
});

test('the status vocabulary is read from the first line of 进展情况', () => {
  expect(summary.byStatus.find((s) => s.status === '按进度完成')?.count).toBeGreaterThan(200);
  expect(summary.byStatus.find((s) => s.status === '未按进度完成')?.count).toBe(3);
  expect(summary.lagging.every((l) => l.status.includes('未按进度完成'))).toBe(true);
});

test('the summary counts every record once per official, and shares are on-schedule over total', () => {
  expect(summary.byOfficial.reduce((n, o) => n + o.total, 0)).toBe(table.records.length);
  for (const o of summary.byOfficial) {
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(o.total);
    expect(o.share).toBeCloseTo(o.onSchedule / o.total);
  }
  const hu = summary.byOfficial.find((o) => o.official === '胡钛');
  expect(hu?.total).toBe(4);
});

test('every finding points at a cell on the sheet and speaks both languages', () => {
  for (const f of findings) {
    expect(f.messages['zh-CN']).not.toBe('');
    expect(f.messages['en-US']).not.toBe('');
    if (f.cell !== null) expect(f.cell).toMatch(new RegExp(`^[A-Z]+${f.row}$`));
  }
});
