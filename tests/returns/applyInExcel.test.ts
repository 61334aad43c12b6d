/**
 * The pane's apply path for a merge, through the office-js host against the in-memory Excel: the merged master is a
 * repair plan, so it is written like 整理 (new sheet or in place with a backup) with a change-log line per cell taken.
 */
import { createOfficeHost } from '../../src/excel';
import { analyze, defaultConfig } from '../../src/core';
import { sheetNames } from '../../src/core/sheets';
import { matchReturns, mergedRepairPlan } from '../../src/core/returns';
import { workbookFromGrid } from '../support/fakeExcel';
import { openWorkbook } from '../excel/helpers';
import { asReturn, fillReturn, seedMaster, sheetGrid, unitPart } from './round';

const LOG = sheetNames.changeLog['zh-CN'];

test('in place: the master sheet takes the merged values, the original is backed up, every taken cell is logged with its file', async () => {
  const { grid } = seedMaster();
  const book = openWorkbook(workbookFromGrid({ ...grid, sheet: '附件1' }));
  const host = createOfficeHost();
  const source = await host.readSelection();
  const analysis = analyze(source.grid, { config: defaultConfig() });
  const part = unitPart('市委政法委');
  const { sheet, filled } = fillReturn(part);
  const plan = matchReturns(analysis, [asReturn(part.fileName, sheetGrid(sheet))]);
  const repair = mergedRepairPlan(analysis, plan);
  expect(repair.rows.map((r) => r.values)).toEqual(plan.rows);

  const result = await host.applyPlan(source, repair, { mode: 'in-place', lang: 'zh-CN' });
  expect(result.sheet).toBe('附件1');
  expect(book.sheetNames).toEqual(expect.arrayContaining(['附件1', '附件1（备份）', LOG]));
  const written = book.sheet('附件1').valuesOf(`A1:H${plan.rows.length}`).map((r) => r.join('\u0001')).join('\n');
  for (const f of filled) expect(written).toContain(f.progress);
  const log = book.sheet(LOG).valuesOf(`A1:G${repair.changes.length + 1}`);
  const taken = log.filter((row) => row[6] === 'take-return');
  expect(taken).toHaveLength(plan.cells.length);
  expect(taken.filter((row) => String(row[5]).startsWith(`取自报送：${part.fileName}（市委政法委）第 `))).toHaveLength(8);
});
