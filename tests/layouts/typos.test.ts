/** Typos as Chinese input methods make them: the right sound, the wrong character. */
import { analyze, defaultConfig, parseConfig, type CellValue, type Finding } from '../../src/core';
import { closest } from '../../src/core/rules/similarity';
import { allFixtures } from '../fixtures/render';

const HEADER = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];
const check = (rows: CellValue[][], config = defaultConfig()) => analyze({ values: [HEADER, ...rows], merges: [], origin: { row: 1, column: 1 } }, { config });
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const names = defaultConfig().units.map((u) => u.name);

test('unit suggestions rank a homophone first: 市水物局 is 市水务局 (shuǐ wù), not 市税务局 (shuì wù)', () => {
  expect(closest('市水物局', names)[0]).toBe('市水务局');
  expect(closest('市住房城乡建设句', names)[0]).toBe('市住房城乡建设局');
  // By characters alone the two tie and the first listed would win; by sound 是 (shì) is 市.
  expect(closest('是财政局', ['区财政局', '市财政局'])[0]).toBe('市财政局');
  // The character similarity still finds what it found before.
  expect(closest('市发展改草局', names)[0]).toBe('市发展改革局');
});

test('the seed table\'s own slips are found against the person directory: 梁明健 for 梁明建 (both liáng míng jiàn)', () => {
  const seed = allFixtures().find((f) => f.name === '001-word-paste');
  const found = of(analyze(seed!.grid, { config: defaultConfig() }).findings, 'person.directory');
  expect(found.map((f) => [f.value, f.suggestion])).toContainEqual(['梁明健', '梁明建']);
  expect(found.find((f) => f.value === '梁明健')?.messages['zh-CN']).toContain('读音相同');
});

test('person directory: a homophone or one-character slip is reported, a different person is not', () => {
  const a = check([
    [1, '甲', '市财政局', '李文葱', '按进度完成。'],
    [2, '乙', '新会区政府', '梁明健', '按进度完成。'],
    [3, '丙', '市财政局', '王小二', '按进度完成。'],
    [4, '丁', '市财政局', '李文聪', '按进度完成。'],
  ]);
  expect(of(a.findings, 'person.directory').map((f) => [f.row, f.value, f.suggestion])).toEqual([
    [2, '李文葱', '李文聪'],
    [3, '梁明健', '梁明建'],
  ]);
});

test('an office\'s own person directory in the config is used; without persons there is nothing to check', () => {
  const config = parseConfig({ units: [{ name: '市财政局', person: '张三' }] });
  expect(of(check([[1, '甲', '市财政局', '张山', '按进度完成。']], config).findings, 'person.directory').map((f) => f.suggestion)).toEqual(['张三']);
  const none = parseConfig({ units: [{ name: '市财政局' }] });
  expect(of(check([[1, '甲', '市财政局', '张山', '按进度完成。']], none).findings, 'person.directory')).toEqual([]);
});

test('person.inconsistent says when the odd name sounds the same as the table\'s usual one', () => {
  const rows = [1, 2, 3].map((n) => [n, `任务${n}`, '市统计局', '卢永权', '按进度完成。']);
  const a = check([...rows, [4, '任务4', '市统计局', '卢永全', '按进度完成。']]);
  const found = of(a.findings, 'person.inconsistent');
  expect(found.map((f) => [f.value, f.suggestion])).toEqual([['卢永全', '卢永权']]);
  expect(found[0].messages['zh-CN']).toContain('读音相同');
});
