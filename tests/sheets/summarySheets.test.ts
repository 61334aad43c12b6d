import { summarySheets, summarySheetNames } from '../../src/core/sheets';
import type { Summary } from '../../src/core/types';

const statuses = ['未按进度完成', '基本按进度完成', '按进度完成', '已完成', '未填写'];

function handMadeSummary(): Summary {
  return {
    statuses,
    byOfficial: [
      { official: '胡钛', counts: { 按进度完成: 3, 未按进度完成: 1 }, total: 4, onSchedule: 3, share: 0.75 },
      { official: '刘亚', counts: { 已完成: 2, 基本按进度完成: 1, 未填写: 1 }, total: 4, onSchedule: 2, share: 0.5 },
    ],
    byStatus: [
      { status: '未按进度完成', count: 1, share: 0.125 },
      { status: '基本按进度完成', count: 1, share: 0.125 },
      { status: '按进度完成', count: 3, share: 0.375 },
      { status: '已完成', count: 2, share: 0.25 },
      { status: '未填写', count: 1, share: 0.125 },
    ],
    byUnit: [
      { unit: '市公安局', counts: { 按进度完成: 2, 未按进度完成: 1 }, total: 3 },
      { unit: '市财政局', counts: { 已完成: 1 }, total: 1 },
    ],
    lagging: [
      {
        row: 12,
        section: 1,
        official: '胡钛',
        number: '3',
        task: '推进综治视联网建设。',
        status: '未按进度完成',
        units: ['市委政法委', '市公安局'],
        persons: ['赖惠镇', '谢焱冰'],
        progress: '未按进度完成。\n（1）资金未落实。',
      },
    ],
    total: 8,
    onSchedule: 5,
  };
}

describe('summarySheets', () => {
  const [byOfficial, byStatus, byUnit, lagging] = summarySheets(handMadeSummary(), 'zh-CN');

  it('names the four sheets in Chinese and in English', () => {
    expect([byOfficial.name, byStatus.name, byUnit.name, lagging.name]).toEqual(['按分管领导汇总', '按进展状态汇总', '按责任单位汇总', '滞后事项清单']);
    const english = summarySheets(handMadeSummary(), 'en-US').map((sheet) => sheet.name);
    expect(english).toEqual(['By official', 'By status', 'By unit', 'Lagging tasks']);
    for (const name of [...english, byOfficial.name, lagging.name]) expect(summarySheetNames).toContain(name);
  });

  it('lays the by-official sheet out as official × status in the summary’s status order, with total and share', () => {
    expect(byOfficial.columns).toEqual(['分管领导', ...statuses, '合计', '按进度占比']);
    expect(byOfficial.rows[0]).toEqual(['胡钛', 1, 0, 3, 0, 0, 4, 0.75]);
    expect(byOfficial.rows[1]).toEqual(['刘亚', 0, 1, 0, 2, 1, 4, 0.5]);
    expect(byOfficial.percentColumns).toEqual([statuses.length + 2]);
  });

  it('ends the by-official sheet with a totals row whose share is computed over all tasks', () => {
    expect(byOfficial.totalsRow).toBe(true);
    expect(byOfficial.rows[byOfficial.rows.length - 1]).toEqual(['合计', 1, 1, 3, 2, 1, 8, 5 / 8]);
  });

  it('charts the status counts per official', () => {
    expect(byOfficial.chart).toMatchObject({ categoryColumn: 0, seriesColumns: [1, 2, 3, 4, 5] });
    for (const column of byOfficial.chart?.seriesColumns ?? []) expect(statuses).toContain(byOfficial.columns[column]);
  });

  it('lists each status with its count and share', () => {
    expect(byStatus.columns).toEqual(['进展状态', '事项数', '占比']);
    expect(byStatus.rows.slice(0, -1)).toEqual(handMadeSummary().byStatus.map((s) => [s.status, s.count, s.share]));
    expect(byStatus.rows[byStatus.rows.length - 1]).toEqual(['合计', 8, 1]);
    expect(byStatus.percentColumns).toEqual([2]);
  });

  it('counts statuses per unit', () => {
    expect(byUnit.columns).toEqual(['责任单位', ...statuses, '合计']);
    expect(byUnit.rows[0]).toEqual(['市公安局', 1, 0, 2, 0, 0, 3]);
    expect(byUnit.rows[byUnit.rows.length - 1]).toEqual(['合计', 1, 0, 2, 1, 0, 4]);
  });

  it('lists lagging tasks with units and persons joined by 、 and the progress text kept whole', () => {
    const header = lagging.columns;
    const row = lagging.rows[0];
    expect(row[header.indexOf('序号')]).toBe('3');
    expect(row[header.indexOf('工作任务')]).toBe('推进综治视联网建设。');
    expect(row[header.indexOf('进展状态')]).toBe('未按进度完成');
    expect(row[header.indexOf('责任单位')]).toBe('市委政法委、市公安局');
    expect(row[header.indexOf('责任人')]).toBe('赖惠镇、谢焱冰');
    expect(row[header.indexOf('进展情况')]).toBe('未按进度完成。\n（1）资金未落实。');
    expect(row[header.indexOf('所属部分')]).toBe(1);
  });

  it('gives every column a width and keeps rows as wide as the header', () => {
    for (const sheet of [byOfficial, byStatus, byUnit, lagging]) {
      expect(sheet.widths).toHaveLength(sheet.columns.length);
      for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
    }
  });

  it('writes an empty summary as header plus zero totals, without dividing by zero', () => {
    const empty: Summary = { statuses, byOfficial: [], byStatus: [], byUnit: [], lagging: [], total: 0, onSchedule: 0 };
    const sheets = summarySheets(empty, 'en-US');
    expect(sheets[0].rows).toEqual([['Total', 0, 0, 0, 0, 0, 0, 0]]);
    expect(sheets[1].rows).toEqual([['Total', 0, 0]]);
    expect(sheets[3].rows).toEqual([]);
  });

  it('writes the summary\'s own 未填写 and 未识别 in English on English sheets, the user\'s status words as they are', () => {
    const summary = handMadeSummary();
    summary.statuses = [...statuses, '未识别'];
    summary.byStatus.push({ status: '未识别', count: 0, share: 0 });
    summary.lagging.push({ ...summary.lagging[0], row: 14, number: '4', status: '未填写', reason: 'overdue', deadline: '2026-06-30' });
    const [official, status, unit, late] = summarySheets(summary, 'en-US');
    const english = ['未按进度完成', '基本按进度完成', '按进度完成', '已完成', 'Not filled in', 'Not recognized'];
    expect(official.columns).toEqual(['Official', ...english, 'Total', 'On schedule']);
    expect(unit.columns).toEqual(['Responsible unit', ...english, 'Total']);
    expect(status.rows.map((row) => row[0])).toEqual([...english, 'Total']);
    const statusColumn = late.columns.indexOf('Status');
    expect(late.rows.map((row) => row[statusColumn])).toEqual(['未按进度完成', 'Not filled in']);
    // The heading's width follows the English words, not the Chinese ones.
    expect(official.widths?.[english.indexOf('Not recognized') + 1]).toBe('Not recognized'.length + 2);
    // Chinese sheets keep them as the engine names them.
    expect(summarySheets(summary, 'zh-CN')[0].columns).toEqual(['分管领导', ...statuses, '未识别', '合计', '按进度占比']);
  });

  it('names the tasks without an official "No official named" on the English by-official sheet, in a column wide enough for it', () => {
    const summary = handMadeSummary();
    summary.byOfficial.push({ official: '未标明分管领导', counts: { 按进度完成: 1 }, total: 1, onSchedule: 1, share: 1 });
    const [english] = summarySheets(summary, 'en-US');
    expect(english.rows.map((row) => row[0])).toEqual(['胡钛', '刘亚', 'No official named', 'Total']);
    expect(english.widths?.[0]).toBeGreaterThanOrEqual('No official named'.length + 2);
    expect(JSON.stringify(english)).not.toContain('未标明分管领导');
    // The Chinese sheet keeps the engine's name for them.
    expect(summarySheets(summary, 'zh-CN')[0].rows.map((row) => row[0])).toEqual(['胡钛', '刘亚', '未标明分管领导', '合计']);
  });
});
