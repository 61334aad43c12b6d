import { analyze } from '../../src/core';
import { MISSING_STATUS, UNKNOWN_STATUS } from '../../src/core/summary/summarize';
import { statusLabel } from '../../src/core/summary/statusLabel';
import type { Grid } from '../../src/core/types';

/** Three tasks: one 按进度完成, one with an empty progress cell, one whose first line names no known status. */
const grid: Grid = {
  origin: { row: 1, column: 1 },
  merges: [],
  values: [
    ['序号', '工作任务', '责任单位', '责任人', '进展情况'],
    ['一、胡钛同志分管工作（共3项）', '', '', '', ''],
    ['1', '推进综治视联网建设。', '市委政法委', '赖惠镇', '按进度完成。已贯通至各村。'],
    ['2', '完善城乡社区治理。', '市民政局', '谢鸿猷', ''],
    ['3', '建设智慧城市。', '市科技局', '林健生', '正在推进。'],
  ],
};

describe('statusLabel', () => {
  it('says the two buckets the summary makes up in English for an English reader', () => {
    expect(statusLabel(MISSING_STATUS, 'en-US')).toBe('Not filled in');
    expect(statusLabel(UNKNOWN_STATUS, 'en-US')).toBe('Not recognized');
  });

  it('keeps them as they are for a Chinese reader', () => {
    expect(statusLabel(MISSING_STATUS, 'zh-CN')).toBe('未填写');
    expect(statusLabel(UNKNOWN_STATUS, 'zh-CN')).toBe('未识别');
  });

  it('leaves the statuses from the settings in the user\'s own words in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      expect(statusLabel('按进度完成', lang)).toBe('按进度完成');
      expect(statusLabel('Behind plan', lang)).toBe('Behind plan');
    }
  });

  it('names every status of a real summary in English except the user\'s own words', () => {
    const { statuses } = analyze(grid).summary;
    expect(statuses).toEqual(expect.arrayContaining([MISSING_STATUS, UNKNOWN_STATUS, '按进度完成']));
    const english = statuses.map((status) => statusLabel(status, 'en-US'));
    expect(english).toEqual(expect.arrayContaining(['Not filled in', 'Not recognized', '按进度完成']));
    expect(english).not.toContain('未填写');
    expect(english).not.toContain('未识别');
  });
});
