/**
 * The Word reader on documents built by code for what the producers' files do not all show: any prefix and Strict,
 * the main part wherever the relationships say, content controls, tracked changes, automatic numbering, nested and
 * split tables, and the refusals a clerk can act on.
 */
import { strToU8, zipSync } from 'fflate';
import { FileError, openWorkbook } from '../../src/files';
import { describeDocxFinding, describeDocxPosition, installDocxReader, openDocx, readDocx } from '../../src/files/docx';
import { buildDocx, compoundFile, xml } from './support/packages';
import { run } from './support/records';

const HEADER = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];

function sheetOf(bytes: Uint8Array) {
  return readDocx(bytes).sheets[0];
}

function refusal(action: () => unknown): FileError {
  try {
    action();
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('namespaces and package layout', () => {
  test.each([
    ['transitional, prefix w', { prefix: 'w' }],
    ['Strict namespace, prefix x, main part elsewhere', { prefix: 'x', strict: true, mainPart: 'content/main.xml' }],
  ])('%s: the table is read the same', (_name, layout) => {
    const x = xml(layout.prefix);
    const body =
      x.para('一、胡钛同志分管工作（共1项）') +
      x.table([x.row(HEADER.map((h) => x.cell(h))), x.row([x.cell('1'), x.cell('推进工作'), x.cell(['市委政法委', '市公安局']), x.cell(['赖惠镇', '谢焱冰']), x.cell(['按进度完成。', '已完成测试。'])])], 5);
    const { grid } = sheetOf(buildDocx({ ...layout, body }));
    expect(grid.values).toEqual([
      ['一、胡钛同志分管工作（共1项）', null, null, null, null],
      HEADER,
      ['1', '推进工作', '市委政法委\n市公安局', '赖惠镇\n谢焱冰', '按进度完成。\n已完成测试。'],
    ]);
    expect(grid.merges).toEqual([{ row: 0, column: 0, rowCount: 1, columnCount: 5 }]);
    const analysis = run(grid);
    expect(analysis.table.records.map((r) => [r.official, r.number, r.units, r.persons, r.status])).toEqual([
      ['胡钛', '1', ['市委政法委', '市公安局'], ['赖惠镇', '谢焱冰'], '按进度完成'],
    ]);
  });
});

describe('what a reader sees in a cell', () => {
  const x = xml();
  test('content controls and inserted runs are read; deleted and moved-away runs, field codes and drawings are not', () => {
    const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const cellXml =
      `<w:tc><w:p>${run('市')}<w:ins w:id="1" w:author="a">${run('委')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del>${run('政法委')}</w:p>` +
      `<w:sdt><w:sdtPr/><w:sdtContent><w:p>${run('市公安局')}</w:p></w:sdtContent></w:sdt>` +
      `<w:p><w:moveFrom w:id="3" w:author="a">${run('挪走')}</w:moveFrom><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>${run('市财政局')}<w:r><w:sym w:font="宋体" w:char="25B2"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:pict><w:txbxContent><w:p>${run('文本框')}</w:p></w:txbxContent></w:pict></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p></w:tc>`;
    const body = x.table([x.row(HEADER.map((h) => x.cell(h))), `<w:sdt><w:sdtContent>${x.row([x.cell('1'), x.cell('任务'), cellXml, x.cell('张三'), x.cell('已完成。')])}</w:sdtContent></w:sdt>`], 5);
    const { grid } = sheetOf(buildDocx({ body }));
    expect(grid.values[1][2]).toBe('市委政法委\n市公安局\n市财政局▲\n第二行');
  });

  test('a content control still showing its placeholder is a prompt, not text; once picked or typed in, it is read', () => {
    // ECMA-376 Part 1, 17.5.2.39 showingPlcHdr; 17.5.2.15 dropDownList.
    const control = (flag: string, text: string) =>
      `<w:sdt><w:sdtPr>${flag}<w:dropDownList><w:listItem w:displayText="已完成" w:value="已完成"/></w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt>`;
    const block = (flag: string, text: string) => `<w:sdt><w:sdtPr>${flag}</w:sdtPr><w:sdtContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:sdtContent></w:sdt>`;
    const row = (n: string, status: string) => x.row([x.cell(n), x.cell('任务'), x.cell('市公安局'), x.cell('张三'), `<w:tc><w:p>${status}</w:p></w:tc>`]);
    const body = x.table(
      [
        x.row(HEADER.map((h) => x.cell(h))),
        row('1', control('<w:showingPlcHdr/>', '请选择')),
        row('2', control('', '已完成')),
        row('3', control('<w:showingPlcHdr w:val="false"/>', '已完成')),
        // An editor that leaves the flag set when an item is picked: the item is the answer.
        row('5', control('<w:showingPlcHdr/>', '已完成')),
        x.row([x.cell('4'), x.cell('任务'), x.cell('市公安局'), x.cell('张三'), `<w:tc>${block('<w:showingPlcHdr/>', '单击此处输入文字。')}<w:p/></w:tc>`]),
      ],
      5,
    );
    expect(sheetOf(buildDocx({ body })).grid.values.slice(1).map((r) => r[4])).toEqual([null, '已完成', '已完成', '已完成', null]);
  });

  test('a row deleted with tracked changes is not read', () => {
    const body = x.table([x.row(HEADER.map((h) => x.cell(h))), x.row(['1', '留下', 'a', 'b', 'c'].map((t) => x.cell(t))), x.row(['2', '删掉', 'a', 'b', 'c'].map((t) => x.cell(t)), '<w:del w:id="9" w:author="a"/>')], 5);
    expect(sheetOf(buildDocx({ body })).grid.values.map((r) => r[1])).toEqual(['工作任务', '留下']);
  });

  test('a nested table is flattened into its cell, and the reader says so', () => {
    const inner = x.table([x.row([x.cell('子表甲'), x.cell('子表乙')])], 2);
    const body = x.table([x.row(HEADER.map((h) => x.cell(h))), x.row([x.cell('1'), x.cell('任务'), `<w:tc><w:p><w:r><w:t>市发展改革局</w:t></w:r></w:p>${inner}<w:p/></w:tc>`, x.cell('张三'), x.cell('已完成。')])], 5);
    const sheet = sheetOf(buildDocx({ body }));
    expect(sheet.grid.values[1][2]).toBe('市发展改革局\n子表甲\n子表乙');
    expect(sheet.warnings.map((w) => w.code)).toContain('docx-nested-table');
  });

  test('gridSpan, legacy hMerge, gridBefore and vMerge become merged areas', () => {
    const body = x.table(
      [
        x.row(HEADER.map((h) => x.cell(h))),
        x.row([x.cell('1', '<w:vMerge w:val="restart"/>'), x.cell('跨两列', '<w:gridSpan w:val="2"/>'), x.cell('张三'), x.cell('已完成。')]),
        x.row([x.cell('', '<w:vMerge/>'), x.cell('旧式', '<w:hMerge w:val="restart"/>'), x.cell('', '<w:hMerge/>'), x.cell('李四'), x.cell('已完成。')]),
        x.row([x.cell('王五'), x.cell('按进度完成。')], '<w:gridBefore w:val="3"/>'),
      ],
      5,
    );
    const { grid } = sheetOf(buildDocx({ body }));
    expect(grid.values.slice(1)).toEqual([
      ['1', '跨两列', null, '张三', '已完成。'],
      [null, '旧式', null, '李四', '已完成。'],
      [null, null, null, '王五', '按进度完成。'],
    ]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { row: 1, column: 0, rowCount: 2, columnCount: 1 },
        { row: 1, column: 1, rowCount: 1, columnCount: 2 },
        { row: 2, column: 1, rowCount: 1, columnCount: 2 },
      ]),
    );
    expect(grid.merges).toHaveLength(3);
  });
});

describe('automatic numbering', () => {
  test('一、 headings and 1. 2. numbers that Word writes itself are in the grid', () => {
    const x = xml();
    const numbering =
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const numbered = (numId: number) => `<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr></w:p></w:tc>`;
    const table = (numId: number, tasks: string[]) =>
      x.table([x.row(HEADER.map((h) => x.cell(h))), ...tasks.map((t) => x.row([numbered(numId), x.cell(t), x.cell('市发展改革局'), x.cell('张三'), x.cell('按进度完成。')]))], 5);
    const body =
      x.para('胡钛同志分管工作（共2项）', '<w:pStyle w:val="H2"/>') +
      table(2, ['任务甲', '任务乙']) +
      x.para('张元醒同志分管工作（共1项）', '<w:pStyle w:val="H2"/>') +
      table(3, ['任务丙']);
    const { grid } = sheetOf(buildDocx({ body, styles, numbering }));
    expect(grid.values.map((r) => r[0])).toEqual(['一、胡钛同志分管工作（共2项）', '序号', '1', '2', '二、张元醒同志分管工作（共1项）', '序号', '1']);
    const analysis = run(grid);
    expect(analysis.table.sections.map((s) => [s.official, s.declared, s.found])).toEqual([
      ['胡钛', 2, 2],
      ['张元醒', 1, 1],
    ]);
  });
});

describe('tables over several pages and sections', () => {
  const x = xml();
  const header = x.row(HEADER.map((h) => x.cell(h)), '<w:tblHeader/>');
  const task = (n: string, t: string, vMerge = '') => x.row([x.cell(n, vMerge), x.cell(t), x.cell('市发展改革局'), x.cell('张三'), x.cell('按进度完成。')]);
  const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

  test('a table continued after a page break is one table: its repeated header is dropped, a merge carries on', () => {
    const body =
      x.para('附件') +
      x.para('2018年重点工作进展情况汇总表') +
      x.table([header, task('1', '甲', '<w:vMerge w:val="restart"/>')], 5) +
      pageBreak +
      x.table([header, x.row([x.cell('', '<w:vMerge/>'), x.cell('甲续'), x.cell('市公安局'), x.cell('李四'), x.cell('已完成。')]), task('2', '乙')], 5) +
      x.para('联系人：王五');
    const sheet = sheetOf(buildDocx({ body }));
    expect(sheet.grid.values.map((r) => r[0])).toEqual(['附件', '2018年重点工作进展情况汇总表', '序号', '1', null, '2']);
    expect(sheet.grid.merges).toContainEqual({ row: 3, column: 0, rowCount: 2, columnCount: 1 });
    expect(sheet.warnings.map((w) => w.code)).toEqual(['docx-text-after-tables']);
    const analysis = run(sheet.grid);
    expect(analysis.table.titleLines).toEqual(['附件', '2018年重点工作进展情况汇总表']);
    expect(analysis.table.records.map((r) => r.number)).toEqual(['1', '2']);
    // Positions: the second Word table's rows are named as such.
    expect(describeDocxPosition(sheet.positions, 5, 2, 'zh-CN')).toBe('第2个表格第2行第2列');
    expect(describeDocxPosition(sheet.positions, 6, null, 'en-US')).toBe('table 2, row 3');
  });

  test('tables on different column grids are aligned by their header labels', () => {
    const six = ['序号', '工作任务', '责任单位', '责任人', '进展情况'];
    const wide = x.table(
      [
        x.row([x.cell(six[0]), x.cell(six[1], '<w:gridSpan w:val="2"/>'), ...six.slice(2).map((h) => x.cell(h))]),
        x.row([x.cell('1'), x.cell('任务'), x.cell('（1）子项'), x.cell('市发展改革局'), x.cell('张三'), x.cell('按进度完成。')]),
      ],
      6,
    );
    const narrow = x.table([x.row(six.map((h) => x.cell(h))), x.row([x.cell('1'), x.cell('另一任务'), x.cell('市公安局'), x.cell('李四'), x.cell('已完成。')])], 5);
    const sheet = sheetOf(buildDocx({ body: x.para('一、胡钛同志分管工作（共1项）') + wide + x.para('二、张元醒同志分管工作（共1项）') + narrow }));
    expect(sheet.grid.values[5]).toEqual(['1', '另一任务', null, '市公安局', '李四', '已完成。']);
    expect(sheet.grid.merges).toContainEqual({ row: 5, column: 1, rowCount: 1, columnCount: 2 });
    expect(sheet.warnings).toEqual([]);
    const analysis = run(sheet.grid);
    expect(analysis.table.records.map((r) => [r.official, r.units])).toEqual([
      ['胡钛', ['市发展改革局']],
      ['张元醒', ['市公安局']],
    ]);
  });

  test('headings without 一、 numbers between the tables still name the official of each table', () => {
    const body = x.para('重点工作汇总表') + x.para('胡钛同志分管工作') + x.table([header, task('1', '甲'), task('2', '乙')], 5) + x.para('张元醒同志分管工作') + x.table([header, task('1', '丙')], 5);
    const analysis = run(sheetOf(buildDocx({ body })).grid);
    expect(analysis.table.records.map((r) => [r.official, r.number, r.task])).toEqual([
      ['胡钛', '1', '甲'],
      ['胡钛', '2', '乙'],
      ['张元醒', '1', '丙'],
    ]);
    expect(analysis.findings).toEqual([]);
  });

  test('findings point at the table, row, column and heading in Word', () => {
    const body =
      x.para('一、胡钛同志分管工作（共1项）') +
      x.table([header, task('1', '甲')], 5) +
      x.para('二、张元醒同志分管工作（共1项）') +
      x.table([header, x.row([x.cell('1'), x.cell('乙'), x.cell('市发展改革局'), x.cell('张三'), x.cell('进展顺利。')])], 5);
    const sheet = sheetOf(buildDocx({ body }));
    const finding = run(sheet.grid).findings.find((f) => f.rule === 'status.unknown');
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(describeDocxFinding(sheet.positions, finding, 'zh-CN')).toBe('第2个表格第2行第5列（“二、张元醒同志分管工作（共1项）”下）');
    expect(describeDocxFinding(sheet.positions, finding, 'en-US')).toBe('table 2, row 2, column 5 (under “二、张元醒同志分管工作（共1项）”)');
  });
});

test('a column is counted as the clerk counts cells across the Word row (a spanning cell is one)', () => {
  const x = xml();
  const body = x.table(
    [
      x.row([x.cell('序号'), x.cell('工作任务', '<w:gridSpan w:val="2"/>'), x.cell('责任单位'), x.cell('责任人'), x.cell('进展情况')]),
      x.row([x.cell('1'), x.cell('任务'), x.cell('（1）子项'), x.cell('市发展改革局'), x.cell('张三'), x.cell('按进度完成。')]),
      x.row([x.cell('2'), x.cell('另一任务', '<w:gridSpan w:val="2"/>'), x.cell('市发展改革局'), x.cell('张三'), x.cell('进展顺利。')]),
    ],
    6,
  );
  const sheet = sheetOf(buildDocx({ body }));
  const finding = run(sheet.grid).findings.find((f) => f.rule === 'status.unknown');
  expect(finding?.cell).toBe('F3');
  if (finding) expect(describeDocxFinding(sheet.positions, finding, 'zh-CN')).toBe('第1个表格第3行第5列');
  expect(describeDocxPosition(sheet.positions, 2, 6, 'zh-CN')).toBe('第1个表格第2行第6列');
});

describe('refusals: one line a clerk can act on', () => {
  const x = xml();
  const table = x.table([x.row(HEADER.map((h) => x.cell(h)))], 5);

  test('an encrypted .docx (compound-file container) is refused with the instruction', () => {
    const error = refusal(() => readDocx(compoundFile(['EncryptionInfo', 'EncryptedPackage'])));
    expect(error.code).toBe('docx-encrypted');
    expect(error.messages['zh-CN']).toContain('请在 Word 中另存为 .docx');
    expect(error.messages['en-US']).toMatch(/password/);
  });

  test('a .wps and an unknown binary are refused with the instruction', () => {
    const wps = refusal(() => readDocx(compoundFile(['WordDocument']), { fileName: '汇总表.wps' }));
    expect([wps.code, wps.messages['zh-CN']]).toEqual(['docx-legacy-format', expect.stringContaining('请在 Word 中另存为 .docx')]);
    const doc = refusal(() => readDocx(compoundFile(['WordDocument', '1Table'])));
    expect(doc.messages['zh-CN']).toContain('.doc');
  });

  test('not a zip, a workbook, a DOCTYPE, a document without tables', () => {
    expect(refusal(() => readDocx(strToU8('hello'))).code).toBe('docx-not-word');
    const workbook = zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`),
    });
    expect(refusal(() => readDocx(workbook)).code).toBe('docx-not-word');
    expect(refusal(() => readDocx(buildDocx({ body: table, prolog: '<!DOCTYPE d [<!ENTITY e "x">]>' }))).code).toBe('xml-doctype');
    const deep = refusal(() => readDocx(buildDocx({ body: '<w:sdt><w:sdtContent>'.repeat(5000) + table + '</w:sdtContent></w:sdt>'.repeat(5000) })));
    expect(deep.code).toBe('docx-too-deep');
    const none = refusal(() => readDocx(buildDocx({ body: x.para('只有文字') })));
    expect([none.code, none.messages['zh-CN']]).toEqual(['docx-no-table', expect.stringContaining('没有表格')]);
  });
});

describe('behind openWorkbook', () => {
  test('a .docx opens as one sheet; a range reads part of it with positions to match', () => {
    installDocxReader();
    const x = xml();
    const body = x.table([x.row(HEADER.map((h) => x.cell(h))), ...['1', '2', '3'].map((n) => x.row([n, `任务${n}`, '单位', '人', '已完成。'].map((t) => x.cell(t))))], 5);
    const bytes = buildDocx({ body });
    const book = openWorkbook(bytes, { fileName: 'a.docx' });
    expect(book.format).toBe('docx');
    expect(book.sheets).toEqual([{ name: 'Word表格', hidden: false }]);
    expect(book.readSheet('Word表格').grid.values).toHaveLength(4);
    const part = openDocx(bytes).readSheet('Word表格', { range: 'A3:E4' });
    expect(part.grid.origin).toEqual({ row: 3, column: 1 });
    expect(part.grid.values.map((r) => r[1])).toEqual(['任务2', '任务3']);
    expect(describeDocxPosition(part.positions, 4, 2, 'zh-CN')).toBe('第1个表格第4行第2列');
    expect(part.locate(4, null, 'en-US')).toBe('table 1, row 4');
  });
});
