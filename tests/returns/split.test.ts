import { defaultConfig } from '../../src/core';
import { safeFileName } from '../../src/core/returns';
import { seedMaster, seedSplit, unitPart } from './round';

describe('planSplit on the seed table', () => {
  test('every unit named in the table gets its tasks, lead tasks first, and every task goes out to its units', () => {
    const split = seedSplit();
    const { analysis } = seedMaster();
    expect(split.units.length).toBeGreaterThan(50);
    const sent = new Map<string, Set<string>>();
    for (const part of split.units) {
      // Lead tasks first: every lead task comes before every shared one, and the role column says which.
      const roles = part.sheet.rows.map((r) => r[part.sheet.columns.indexOf('承担方式')]);
      expect(roles).toEqual([...part.leads.map(() => '牵头'), ...part.shares.map(() => '配合')]);
      for (const t of part.leads) expect(t.lead).toBe(part.unit);
      for (const t of [...part.leads, ...part.shares]) {
        expect(t.units).toContain(part.unit);
        if (!sent.has(t.id)) sent.set(t.id, new Set());
        sent.get(t.id)?.add(part.unit);
      }
    }
    // Every record (or each of its sub-items) went to at least one unit, unless it names only placeholder groups.
    const records = analysis.table.records.filter((r) => r.units.some((u) => !/^各|成员单位$|牵头单位$/.test(u)));
    for (const r of records) expect([...sent.keys()].some((id) => id === String(r.row) || id.startsWith(`${r.row}.`))).toBe(true);
  });

  test('市委政法委 leads the four tasks of section one that name it first, with last period\'s progress shown', () => {
    const part = unitPart('市委政法委');
    expect(part.leads.map((t) => t.number)).toEqual(['1', '2', '3', '4']);
    const last = part.sheet.columns.indexOf('上期进展情况（参考）');
    expect(String(part.sheet.rows[0][last])).toContain('综治视联网联调测试');
    expect(part.sheet.title?.[0]).toBe('市委政法委：2018年1-10月重点工作进展情况报送表（共4项，其中牵头4项）');
  });

  test('a unit that only shares tasks gets them all as 配合, each with the lead named in the table', () => {
    const part = unitPart('市公安局');
    expect(part.leads.length + part.shares.length).toBe(13);
    expect(part.shares.some((t) => t.lead === '市委政法委')).toBe(true);
  });

  test('status cells have a drop-down of the vocabulary; only status and progress cells are left unlocked', () => {
    const part = unitPart('市委政法委');
    const n = part.sheet.rows.length;
    // Two title rows and the header: data on sheet rows 4..(3+n); status in the next-to-last column, progress last.
    const statusCol = String.fromCharCode(64 + part.sheet.columns.length - 1);
    const progressCol = String.fromCharCode(64 + part.sheet.columns.length);
    expect(part.sheet.dataValidations).toEqual([{ range: `${statusCol}4:${statusCol}${3 + n}`, list: defaultConfig().vocabulary.map((v) => v.status) }]);
    expect(part.sheet.protection?.unlocked).toEqual([`${statusCol}4:${statusCol}${3 + n}`, `${progressCol}4:${progressCol}${3 + n}`]);
  });

  test('file names are safe whatever the unit is called, and unique in the round', () => {
    expect(safeFileName('市农业局（市委农办）')).toBe('市农业局（市委农办）');
    expect(safeFileName('../a/b:c*?"<>|')).toBe('_a_b_c______');
    expect(safeFileName('CON')).toBe('_CON');
    const names = seedSplit().units.map((u) => u.fileName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });
});
