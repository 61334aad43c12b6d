import { analyze, ConfigError, defaultConfig, parseConfig, parseConfigJson, type CellValue } from '../../src/core';

const HEADER = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];
const grid = (values: CellValue[][]) => ({ values, merges: [], origin: { row: 1, column: 1 } });

test('defaults are learned from the seeds: the status vocabulary in order and the unit directory', () => {
  const config = defaultConfig();
  expect(config.vocabulary.map((v) => v.status)).toEqual(['未按进度完成', '计划调整', '基本按进度完成', '按进度完成', '已完成']);
  expect(config.units.find((u) => u.name === '市发展改革局')?.aliases).toContain('市发改局');
  expect(config.units.length).toBeGreaterThan(80);
});

test('a partial config keeps the defaults for what it leaves out', () => {
  const config = parseConfig({ units: [{ name: '区财政局' }] });
  expect(config.units.map((u) => u.name)).toEqual(['区财政局']);
  expect(config.vocabulary.length).toBe(defaultConfig().vocabulary.length);
});

test('bad config files get messages that say where the problem is', () => {
  expect(() => parseConfigJson('{ not json')).toThrow(ConfigError);
  expect(() => parseConfigJson('[]')).toThrow(/JSON object/);
  try {
    parseConfig({ vocabulary: [{ status: '' }] });
    throw new Error('should fail');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0].path).toBe('vocabulary.0.status');
    // The reviewer reads the problem in the pane's language.
    expect((error as ConfigError).issues[0].messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect((error as ConfigError).issues[0].messages['en-US']).toMatch(/[a-z]/);
  }
  expect(() => parseConfig({ units: [{ name: '甲', aliases: ['乙'] }, { name: '丙', aliases: ['乙'] }] })).toThrow(/乙/);
  try {
    parseConfig({ units: [{ name: '甲', aliases: ['乙'] }, { name: '丙', aliases: ['乙'] }] });
  } catch (error) {
    expect((error as ConfigError).issues[0].messages['zh-CN']).toBe('单位名称“乙”同时属于“甲”和“丙”');
  }
});

test('severities from the config change or silence a rule', () => {
  const values = [HEADER, [1, '任务', '某某局', '某人', '按进度完成。']];
  expect(analyze(grid(values)).findings.find((f) => f.rule === 'unit.unknown')?.severity).toBe('warning');
  const strict = parseConfig({ severities: { 'unit.unknown': 'error' } });
  expect(analyze(grid(values), { config: strict }).findings.find((f) => f.rule === 'unit.unknown')?.severity).toBe('error');
  const quiet = parseConfig({ severities: { 'unit.unknown': 'off' } });
  expect(analyze(grid(values), { config: quiet }).findings.some((f) => f.rule === 'unit.unknown')).toBe(false);
});

test('header synonyms from the config find a table with other column names', () => {
  const values = [['编号', '重点任务', '牵头部门', '负责人', '落实情况'], [1, '任务', '市财政局', '李文聪', '已完成。']];
  const a = analyze(grid(values));
  expect(a.table.records[0].status).toBe('已完成');
  const custom = parseConfig({ headerSynonyms: { ...defaultConfig().headerSynonyms, progress: ['执行情况'] } });
  const b = analyze(grid([['序号', '工作任务', '责任单位', '执行情况'], [1, '任务', '市财政局', '已完成。']]), { config: custom });
  expect(b.table.records[0].status).toBe('已完成');
});
