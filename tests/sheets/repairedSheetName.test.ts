import fc from 'fast-check';
import { repairedSheetName } from '../../src/core/sheets';

describe('repairedSheetName', () => {
  it('appends （整理） in Chinese and (clean) in English', () => {
    expect(repairedSheetName('表1', [])).toBe('表1（整理）');
    expect(repairedSheetName('Sheet1', [], 'en-US')).toBe('Sheet1 (clean)');
  });

  it('counts up when the name is taken, comparing case-insensitively like Excel', () => {
    expect(repairedSheetName('表1', ['表1', '表1（整理）'])).toBe('表1（整理）2');
    expect(repairedSheetName('表1', ['表1（整理）', '表1（整理）2'])).toBe('表1（整理）3');
    expect(repairedSheetName('Data', ['DATA (CLEAN)'], 'en-US')).toBe('Data (clean) 2');
  });

  it('does not stack suffixes when an already repaired sheet is repaired again', () => {
    expect(repairedSheetName('表1（整理）', ['表1', '表1（整理）'])).toBe('表1（整理）2');
  });

  it('removes characters Excel forbids in sheet names', () => {
    expect(repairedSheetName('2018/9:进展[汇总]?*\\', [])).toBe('20189进展汇总（整理）');
  });

  it('shortens long names to 31 characters and keeps the suffix', () => {
    const name = repairedSheetName('二〇一八年市政府重点工作一至九月进展情况汇总表附件一', []);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith('（整理）')).toBe(true);
    const numbered = repairedSheetName('x'.repeat(40), [`${'x'.repeat(27)}（整理）`]);
    expect(numbered).toBe(`${'x'.repeat(26)}（整理）2`);
  });

  it('always gives a valid, new name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (source, others) => {
        const existing = [...others, repairedSheetName(source, others)];
        const name = repairedSheetName(source, existing);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
        expect(existing.map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
      }),
    );
  });
});
