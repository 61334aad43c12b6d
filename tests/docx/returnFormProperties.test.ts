/**
 * Every Word return form reads back as it was sent: whatever the tasks, units and last period's progress say (line
 * breaks, XML's special characters, Latin and Chinese text), the file layer's Word reader gives the unit's rows cell
 * for cell, the status cells empty (the drop-down's placeholder is not text), and the engine finds every task.
 */
import fc from 'fast-check';
import { analyze, defaultConfig } from '../../src/core';
import { SPLIT_LABELS, type UnitSplit } from '../../src/core/returns';
import { readDocx } from '../../src/files/docx';
import { returnFormDocx } from '../../src/files/docx/returnForm';
import { seedSplit } from '../returns/round';

const config = defaultConfig();
const STATUSES = config.vocabulary.map((v) => v.status);

/** Text a clerk writes: Chinese, digits, Latin, punctuation XML must escape, inner spaces and line breaks. */
const line = fc
  .array(fc.constantFrom('推', '进', '工', '作', '已', '完', '成', '。', '，', '（', '）', '1', '0', 'A', 'b', '&', '<', '>', '"', "'", ' ', '%'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join('').trim())
  .filter((text) => text !== '');
const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** A cell as the reader gives it back: null for an empty cell. */
const asRead = (value: string | number) => (String(value) === '' ? null : String(value));

test('a form of any texts reads back row for row, cell for cell, with the status left empty', async () => {
  const parts = seedSplit().units.filter((u) => u.sheet.rows.length >= 2 && u.sheet.rows.length <= 6);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...parts), fc.array(fc.tuple(text, text), { minLength: 6, maxLength: 6 }), async (part: UnitSplit, texts) => {
      const { columns } = part.sheet;
      const task = columns.indexOf(SPLIT_LABELS.task);
      const last = columns.indexOf(SPLIT_LABELS.last);
      // The task text keeps a word that makes it a task to the engine; last period's progress is anything.
      const rows = part.sheet.rows.map((row, i) => row.map((cell, c) => (c === task ? `推进${texts[i][0]}` : c === last ? texts[i][1] : cell)));
      const bytes = await returnFormDocx({ ...part, sheet: { ...part.sheet, rows } }, { period: '2018年1-10月', statuses: STATUSES });
      const { grid } = readDocx(bytes).sheets[0];
      const header = grid.values.findIndex((r) => r[0] === SPLIT_LABELS.number);
      expect(grid.values[header]).toEqual(columns);
      expect(grid.values.slice(header + 1)).toEqual(rows.map((row) => row.map(asRead)));
      expect(analyze(grid, { config }).table.records).toHaveLength(rows.length);
    }),
    { numRuns: 12 },
  );
}, 120000);
