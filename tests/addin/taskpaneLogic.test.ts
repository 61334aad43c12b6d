/** What the taskpane derives from an analysis and from settings, checked without a browser. */
import { analyze, ConfigError, defaultConfig, parseConfig, planToValues } from '../../src/core';
import type { Finding, Grid } from '../../src/core/types';
import { HostError } from '../../src/excel/host';
import { describeError } from '../../taskpane/errors';
import { countBySeverity, findingAddress, groupFindings } from '../../taskpane/findings';
import { translator } from '../../taskpane/i18n';
import { watchExcel, type OfficeEnvironment, type OfficeLike } from '../../taskpane/officeReady';
import { formatRows, previewPlan } from '../../taskpane/planView';
import { checkSettingsText, draftToSettings, editableSettings, settingsToDraft, splitList } from '../../taskpane/settingsText';
import { renderWordPaste } from '../fixtures/render';
import { loadSeed } from '../fixtures/seedTable';

const wordPaste001 = (): Grid => renderWordPaste(loadSeed('001')).grid;

function finding(rule: string, severity: Finding['severity'], row: number, cell: string | null = null): Finding {
  return { rule, severity, row, cell, section: null, number: null, messages: { 'zh-CN': rule, 'en-US': rule }, value: null, suggestion: null };
}

describe('repair preview', () => {
  test('lists the rows joined into records, the rows removed and the cell edits of a pasted Word table', () => {
    const { plan } = analyze(wordPaste001());
    const preview = previewPlan(plan);
    expect(preview.unchanged).toBe(false);
    expect(preview.collapsed.length).toBeGreaterThan(0);
    for (const change of preview.collapsed) expect(change.sourceRows.length).toBeGreaterThan(1);
    expect(preview.collapsedSourceRows).toBe(preview.collapsed.reduce((n, c) => n + c.sourceRows.length, 0));
    expect(preview.removed).toEqual(plan.removed);
    expect(Object.values(preview.removedByReason).reduce((a, b) => a + b, 0)).toBe(plan.removed.length);
    expect(preview.cellChanges.every((c) => c.op !== 'collapse-rows' && c.op !== 'remove-row')).toBe(true);
    expect(preview.collapsed.length + preview.cellChanges.length).toBe(plan.changes.filter((c) => c.op !== 'remove-row').length);
    expect(preview.outputRows).toBe(plan.rows.length);
  });

  test('says there is nothing to do for a table that is already repaired', () => {
    const { plan } = analyze(wordPaste001());
    const repaired: Grid = { values: planToValues(plan), merges: [], origin: { row: 1, column: 1 } };
    expect(previewPlan(analyze(repaired).plan).unchanged).toBe(true);
  });

  test('says there is nothing to do when the plan changes nothing', () => {
    const { plan } = analyze(wordPaste001());
    expect(previewPlan({ ...plan, changes: [], removed: [], mergesRemoved: 0 }).unchanged).toBe(true);
    expect(previewPlan({ ...plan, changes: [], removed: [], mergesRemoved: 3 }).unchanged).toBe(false);
  });

  test('row lists read like a clerk writes them', () => {
    expect(formatRows([5, 3, 4, 9])).toBe('3–5, 9');
    expect(formatRows([7])).toBe('7');
    expect(formatRows([2, 2, 3])).toBe('2–3');
    expect(formatRows([])).toBe('');
  });
});

describe('findings', () => {
  test('are grouped by rule, most serious and most frequent first, each group in sheet order', () => {
    const groups = groupFindings([
      finding('unit.unknown', 'warning', 9, 'D9'),
      finding('status.unknown', 'error', 12, 'F12'),
      finding('unit.unknown', 'warning', 4, 'D4'),
      finding('unit.alias', 'info', 3, 'D3'),
      finding('numbering.gap', 'warning', 20),
      finding('status.unknown', 'error', 5, 'F5'),
    ]);
    expect(groups.map((g) => [g.rule, g.findings.length])).toEqual([
      ['status.unknown', 2],
      ['unit.unknown', 2],
      ['numbering.gap', 1],
      ['unit.alias', 1],
    ]);
    expect(groups[0].findings.map((f) => f.row)).toEqual([5, 12]);
  });

  test('a group takes the most serious severity among its findings', () => {
    const [group] = groupFindings([finding('x.y', 'info', 1), finding('x.y', 'error', 2), finding('x.y', 'warning', 3)]);
    expect(group.severity).toBe('error');
  });

  test('the engine’s findings on a pasted table group without losing any', () => {
    const { findings } = analyze(wordPaste001());
    const groups = groupFindings(findings);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
    const counts = countBySeverity(findings);
    expect(counts.error + counts.warning + counts.info).toBe(findings.length);
    expect(new Set(groups.map((g) => g.rule)).size).toBe(groups.length);
  });

  test('a row-level finding selects the table’s first column on its row', () => {
    expect(findingAddress(finding('numbering.gap', 'warning', 14), 2)).toBe('B14');
    expect(findingAddress(finding('unit.unknown', 'warning', 14, 'E14'), 2)).toBe('E14');
  });
});

describe('settings editor', () => {
  test('the list editor round-trips the default vocabulary and unit directory', () => {
    const config = defaultConfig();
    const draft = settingsToDraft(editableSettings(config), config, 'zh-CN');
    expect(draft).not.toBeNull();
    const back = parseConfig(draftToSettings(draft!));
    expect(back.vocabulary).toEqual(config.vocabulary);
    expect(back.units).toEqual(config.units);
  });

  test('keeps settings the lists do not show (severities) and fills missing lists from the current config', () => {
    const config = defaultConfig();
    const draft = settingsToDraft({ severities: { 'unit.alias': 'off' } }, config, 'en-US');
    expect(draft?.units.length).toBe(config.units.length);
    expect(draftToSettings(draft!).severities).toEqual({ 'unit.alias': 'off' });
  });

  test('an edited alias list is split on Chinese and Latin separators', () => {
    expect(splitList('市发改局、 市发展和改革局，江门市发展和改革局, ;')).toEqual(['市发改局', '市发展和改革局', '江门市发展和改革局']);
    const config = defaultConfig();
    const draft = settingsToDraft(editableSettings(config), config, 'zh-CN')!;
    draft.units[1] = { ...draft.units[1], aliases: '甲、乙' };
    expect(parseConfig(draftToSettings(draft)).units[1].aliases).toEqual(['甲', '乙']);
  });

  test('settings that are not lists of objects go to the JSON editor', () => {
    expect(settingsToDraft([1, 2], defaultConfig(), 'zh-CN')).toBeNull();
    expect(settingsToDraft({ units: ['市财政局'] }, defaultConfig(), 'zh-CN')).toBeNull();
  });

  test('bad JSON and a status word owned twice are reported with where they are', () => {
    const badJson = checkSettingsText('{ "vocabulary": [ }');
    expect(badJson.ok).toBe(false);
    if (!badJson.ok) expect(badJson.error).toBeInstanceOf(ConfigError);

    const twice = checkSettingsText(JSON.stringify({ vocabulary: [{ status: '完成' }, { status: '已完成', synonyms: ['完成'] }] }));
    expect(twice.ok).toBe(false);
    if (!twice.ok) {
      const text = describeError(twice.error, 'zh-CN', translator('zh-CN'));
      // Where, in the settings view's own words: no JSON field name on a Chinese screen.
      expect(text.lines.some((line) => line.startsWith('状态词：') && line.includes('完成'))).toBe(true);
      expect(text.lines.join('\n')).not.toMatch(/vocabulary/);
      expect(describeError(twice.error, 'en-US', translator('en-US')).lines.some((line) => line.startsWith('Status words: '))).toBe(true);
    }

    const emptyName = checkSettingsText(JSON.stringify({ units: [{ name: '市财政局' }, { name: '' }] }));
    expect(emptyName.ok).toBe(false);
    if (!emptyName.ok) expect(describeError(emptyName.error, 'zh-CN', translator('zh-CN')).lines[0]).toMatch(/^单位名录 第 2 项 单位名称：/);

    const good = checkSettingsText(JSON.stringify({ units: [{ name: '市财政局' }] }));
    expect(good.ok && good.config.units.map((u) => u.name)).toEqual(['市财政局']);
  });
});

describe('error messages', () => {
  test('a host error is shown in the pane’s language', () => {
    const error = new HostError('selection.empty', { 'zh-CN': '请先选中表格。', 'en-US': 'Select the table first.' });
    expect(describeError(error, 'zh-CN', translator('zh-CN')).title).toBe('请先选中表格。');
    expect(describeError(error, 'en-US', translator('en-US')).title).toBe('Select the table first.');
  });

  test('an unexpected error reaches a zh-CN clerk without the program\'s English', () => {
    const text = describeError(new TypeError('Cannot read properties of undefined'), 'zh-CN', translator('zh-CN'));
    expect([text.title, ...text.lines].join(' ')).not.toMatch(/Cannot|undefined/);
  });

  test('an unexpected error says so and keeps its message', () => {
    const text = describeError(new TypeError('boom'), 'en-US', translator('en-US'));
    expect(text.lines.join(' ')).toContain('boom');
  });
});

describe('waiting for Excel', () => {
  const office = (host: string | null, displayLanguage = 'en-US'): OfficeLike => ({
    onReady: () => Promise.resolve({ host, platform: null }),
    context: { displayLanguage },
  });
  const answer = (candidate: OfficeLike | undefined): Promise<OfficeEnvironment> => new Promise((resolve) => watchExcel(candidate, { onReady: resolve }));

  test('without office.js the pane runs outside Excel', async () => {
    await expect(answer(undefined)).resolves.toEqual({ inExcel: false, displayLanguage: null });
  });

  test('office.js in Excel reports the host and the display language', async () => {
    await expect(answer(office('Excel'))).resolves.toEqual({ inExcel: true, displayLanguage: 'en-US' });
  });

  test('office.js in a plain browser or another Office app is outside Excel', async () => {
    await expect(answer(office(null))).resolves.toMatchObject({ inExcel: false });
    await expect(answer(office('Word'))).resolves.toMatchObject({ inExcel: false });
  });

  test('a slow Excel is said to be slow after 4 s, and still connects when it answers at 20 s', async () => {
    jest.useFakeTimers();
    try {
      let ready: (info: { host: unknown; platform: unknown }) => void = () => undefined;
      const slowExcel: OfficeLike = { onReady: () => new Promise((resolve) => (ready = resolve)), context: { displayLanguage: 'zh-CN' } };
      const events: string[] = [];
      const answered = new Promise<OfficeEnvironment>((resolve) =>
        watchExcel(slowExcel, { onSlow: () => events.push('slow'), onReady: (environment) => { events.push('ready'); resolve(environment); } }),
      );
      jest.advanceTimersByTime(4000);
      expect(events).toEqual(['slow']);
      jest.advanceTimersByTime(16000);
      ready({ host: 'Excel', platform: 'PC' });
      await expect(answered).resolves.toEqual({ inExcel: true, displayLanguage: 'zh-CN' });
      expect(events).toEqual(['slow', 'ready']);
    } finally {
      jest.useRealTimers();
    }
  });
});
