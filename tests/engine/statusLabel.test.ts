import { analyze } from '../../src/core';
import { MISSING_STATUS, UNKNOWN_STATUS } from '../../src/core/summary/summarize';
import { statusLabel } from '../../src/core/summary/statusLabel';
import { HU_TAI_SECTION, bucketsTable } from '../fixtures/summaryBuckets';

/** Three tasks: one 按进度完成, one with an empty progress cell, one whose first line names no known status. */
const grid = bucketsTable(HU_TAI_SECTION);

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
