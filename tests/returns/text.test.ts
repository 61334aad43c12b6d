import { defaultConfig } from '../../src/core';
import { diffMarkup, diffText, masterTasks, MATCH_THRESHOLD, normalizeTask, periodOf, similarity, taskKey } from '../../src/core/returns';
import { seedMaster } from './round';

describe('task text similarity', () => {
  const tasks = masterTasks(seedMaster().analysis, defaultConfig());

  test('notes, numbering, spaces, punctuation and full-width digits do not count', () => {
    expect(normalizeTask('1. 推进综治视联网和“雪亮工程”建设。\n（牵头单位：市委政法委）')).toBe(normalizeTask('推进综治视联网和雪亮工程建设'));
    expect(normalizeTask('城镇新增就业４．５万人以上')).toBe(normalizeTask('城镇新增就业4.5万人以上。'));
  });

  test('a task retyped by a unit (a word added, a clause moved, a full stop dropped) stays above the threshold and closest to itself', () => {
    const edits = [
      (t: string) => `${t.slice(0, 4)}全面${t.slice(4)}`,
      (t: string) => t.replace(/[。，；]/g, ''),
      (t: string) => {
        const [first, ...rest] = t.split('，');
        return rest.length > 0 ? `${rest.join('，')}，${first}` : `${t}，确保按期完成`;
      },
    ];
    let checked = 0;
    for (const task of tasks) {
      if (normalizeTask(task.task).length < 12) continue;
      for (const edit of edits) {
        const key = taskKey(edit(task.task));
        const own = similarity(key, task.key);
        expect(own).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
        // No other task of the table is as close as the task it was retyped from (identical texts aside).
        const rival = tasks.find((other) => other !== task && other.key.normalized !== task.key.normalized && similarity(key, other.key) >= own);
        expect(rival?.task).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  test('different tasks of the seed are rarely above the threshold', () => {
    let above = 0;
    let pairs = 0;
    for (let i = 0; i < tasks.length; i++) {
      for (let j = i + 1; j < tasks.length; j++) {
        if (tasks[i].key.normalized === tasks[j].key.normalized) continue;
        pairs++;
        if (similarity(tasks[i].key, tasks[j].key) >= MATCH_THRESHOLD) above++;
      }
    }
    // Only sub-items of one task (which share the task's text) come close; the assignment keeps them apart.
    expect(above / pairs).toBeLessThan(0.002);
  });
});

describe('diff and period', () => {
  test('a diff shows what was removed and added, in git word-diff notation', () => {
    const parts = diffText('全年完成投资269亿元。', '全年完成投资280亿元');
    expect(diffMarkup(parts)).toBe('全年完成投资2[-69-]{+80+}亿元[-。-]');
    expect(parts.filter((p) => p.op === 'same').map((p) => p.text).join('')).toBe('全年完成投资2亿元');
  });

  test('very long texts are diffed as one replaced middle rather than character by character', () => {
    const a = '甲'.repeat(3000);
    const b = `${'甲'.repeat(1000)}乙${'甲'.repeat(1999)}丙`;
    expect(diffText(a, b).map((p) => p.op)).toEqual(['same', 'removed', 'added']);
  });

  test('the period named in a title', () => {
    expect(periodOf('2018年市政府重点工作1-9月进展情况汇总表')).toBe('1-9月');
    expect(periodOf('新会区发展和改革局2021年1-9月重点工作任务完成情况')).toBe('2021年1-9月');
    expect(periodOf('2019年第三季度重点工作')).toBe('2019年第三季度');
    expect(periodOf('重点工作任务表')).toBeNull();
  });
});
