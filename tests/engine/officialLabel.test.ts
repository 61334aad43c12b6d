import { analyze } from '../../src/core';
import { NO_OFFICIAL } from '../../src/core/summary/summarize';
import { officialLabel } from '../../src/core/summary/officialLabel';
import { HU_TAI_SECTION, bucketsTable, noOfficialSection } from '../fixtures/summaryBuckets';

/** 胡钛's section, and one that names no official (其他重点工作). */
const grid = bucketsTable(HU_TAI_SECTION, noOfficialSection('二', '4'));

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
