/**
 * Properties of the Word reader on generated documents (random tables, spans, vertical merges, paragraphs between
 * them): nothing is lost — every paragraph of every cell and every heading is a line of the grid — and the merged
 * areas are a valid grid (inside it, not overlapping, nothing hidden under them).
 */
import fc from 'fast-check';
import { readDocx } from '../../src/files/docx';
import { buildDocx, xml } from './support/packages';

interface CellSpec {
  span: number;
  vMerge: 'none' | 'restart' | 'continue';
  paragraphs: string[];
}

const piece = fc.constantFrom('市发展改革局', '张三', '按进度完成。', 'a & b', '<x>', '▲', '  ', '1', '（1）子项', '一、');
const paragraph = fc.array(piece, { minLength: 0, maxLength: 3 }).map((parts) => parts.join(''));
const cell = fc.record({
  span: fc.integer({ min: 1, max: 2 }),
  vMerge: fc.constantFrom<CellSpec['vMerge']>('none', 'none', 'restart', 'continue'),
  paragraphs: fc.array(paragraph, { minLength: 0, maxLength: 3 }),
});
const table = fc.record({ width: fc.integer({ min: 2, max: 6 }), rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }) });
const block = fc.oneof(fc.record({ kind: fc.constant('paragraph' as const), text: paragraph }), fc.record({ kind: fc.constant('table' as const), table }));

test('every paragraph is a line of the grid, and the merged areas form a valid grid', () => {
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
      const x = xml();
      let counter = 0;
      // Unique texts: a row identical to the header above it is a repeated header by design, not a loss.
      const unique = (text: string) => (text.trim() === '' ? text : `${text}#${counter++}`);
      const expected: string[] = [];
      let lastTable = -1;
      blocks.forEach((b, i) => {
        if (b.kind === 'table') lastTable = i;
      });
      const body = blocks
        .map((b, i) => {
          if (b.kind === 'paragraph') {
            const text = unique(b.text);
            // Paragraphs after the last table are reported, not read.
            if (text.trim() !== '' && i < lastTable) expected.push(text.trim());
            return x.para(text);
          }
          const rows = b.table.rows.map((cells) => {
            let used = 0;
            const xmlCells: string[] = [];
            for (const c of cells) {
              if (used >= b.table.width) break;
              const span = Math.min(c.span, b.table.width - used);
              used += span;
              const paragraphs = c.paragraphs.map(unique);
              for (const p of paragraphs) if (p.trim() !== '') expected.push(p);
              const tcPr = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''}`;
              xmlCells.push(x.cell(paragraphs, tcPr));
            }
            return x.row(xmlCells);
          });
          return x.table(rows, b.table.width);
        })
        .join('');
      if (lastTable < 0) return; // no table: refused, tested elsewhere
      const { grid } = readDocx(buildDocx({ body })).sheets[0];
      const lines = new Set(grid.values.flatMap((row) => row.flatMap((v) => (v === null ? [] : String(v).split('\n').map((l) => l.trim())))));
      for (const text of expected) expect(lines).toContain(text.trim());

      const height = grid.values.length;
      const width = grid.values[0]?.length ?? 0;
      const covered = new Set<string>();
      for (const m of grid.merges) {
        expect(m.row >= 0 && m.column >= 0 && m.row + m.rowCount <= height && m.column + m.columnCount <= width).toBe(true);
        expect(m.rowCount * m.columnCount).toBeGreaterThan(1);
        for (let r = m.row; r < m.row + m.rowCount; r++) {
          for (let c = m.column; c < m.column + m.columnCount; c++) {
            const key = `${r}:${c}`;
            expect(covered.has(key)).toBe(false);
            covered.add(key);
            if (r !== m.row || c !== m.column) expect(grid.values[r][c]).toBeNull();
          }
        }
      }
    }),
    { numRuns: 150 },
  );
});
