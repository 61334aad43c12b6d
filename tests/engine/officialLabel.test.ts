import { analyze } from '../../src/core';
import { NO_OFFICIAL } from '../../src/core/summary/summarize';
import { officialLabel } from '../../src/core/summary/officialLabel';
import type { Grid } from '../../src/core/types';

/** Two tasks under 胡钛's section, one under a section that names no official (其他重点工作). */
const grid: Grid = {
  origin: { row: 1, column: 1 },
  merges: [],
  values: [
    ['序号', '工作任务', '责任单位', '责任人', '进展情况'],
    ['一、胡钛同志分管工作（共2项）', '', '', '', ''],
    ['1', '推进综治视联网建设。', '市委政法委', '赖惠镇', '按进度完成。已贯通至各村。'],
    ['2', '完善城乡社区治理。', '市民政局', '谢鸿猷', '正在推进。'],
    ['二、其他重点工作（共1项）', '', '', '', ''],
    ['3', '整治农村人居环境。', '市农业农村局', '李明', '按进度完成。'],
  ],
};

describe('officialLabel', () => {
  it('says the bucket of tasks without an official in English for an English reader', () => {
    expect(officialLabel(NO_OFFICIAL, 'en-US')).toBe('No official named');
  });

  it('keeps it as 未标明分管领导 for a Chinese reader', () => {
    expect(officialLabel(NO_OFFICIAL, 'zh-CN')).toBe('未标明分管领导');
  });

  it('leaves every official\'s name as the table writes it, in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      expect(officialLabel('胡钛', lang)).toBe('胡钛');
      expect(officialLabel('Li Ming', lang)).toBe('Li Ming');
    }
  });

  it('names every official of a real summary in English, the tasks without one included', () => {
    const { byOfficial } = analyze(grid).summary;
    expect(byOfficial.map((row) => row.official)).toEqual(['胡钛', NO_OFFICIAL]);
    expect(byOfficial.map((row) => officialLabel(row.official, 'en-US'))).toEqual(['胡钛', 'No official named']);
  });
});
