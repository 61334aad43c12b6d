/**
 * Word documents built by producers we did not write, from the seed tables:
 * - python-docx (Debian's /usr/bin/python3, scripts/docx/build_docx.py),
 * - LibreOffice Writer (soffice --headless --convert-to docx), from an HTML table or by re-saving a python-docx file.
 * One process per producer for a whole batch: the machine is shared.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gridCells, type LogicalLine, type LogicalTable } from '../../fixtures/seedTable';

export const PYTHON = '/usr/bin/python3';
export const SOFFICE = 'soffice';
const REPO = path.resolve(__dirname, '../../..');

export interface CellSpec {
  text: string;
  span?: number;
  vmerge?: 'restart' | 'continue' | null;
}
export interface RowSpec {
  header?: boolean;
  cells: CellSpec[];
}
export type BlockSpec =
  | { kind: 'paragraph'; text: string; style?: string | null; bold?: boolean }
  | { kind: 'pagebreak' }
  | { kind: 'table'; width: number; rows: RowSpec[] };
export interface DocumentSpec {
  path: string;
  landscape?: boolean;
  blocks: BlockSpec[];
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `report-tables-${prefix}-`));
}

/**
 * A seed table as its office writes it in Word: title paragraphs, per official a heading paragraph (Heading 2) and a
 * table whose first row is the header (repeated on every page); a header met in the middle of a table (the seed was
 * printed over several pages) splits the table there: a page break, then a new table that repeats the header.
 * Continued cells are vertical merges, spanning cells grid spans.
 */
export function documentBlocks(table: LogicalTable, options: { headingStyle?: string | null } = {}): BlockSpec[] {
  const blocks: BlockSpec[] = [];
  let current: Extract<BlockSpec, { kind: 'table' }> | null = null;
  let previous: LogicalLine | null = null;
  for (const line of table.lines) {
    if (line.kind === 'title') {
      blocks.push({ kind: 'paragraph', text: line.text });
      current = null;
    } else if (line.kind === 'section') {
      blocks.push({ kind: 'paragraph', text: line.text, style: options.headingStyle === undefined ? 'Heading 2' : options.headingStyle, bold: true });
      current = null;
    } else {
      if (line.kind === 'header' && current !== null && previous?.kind === 'row') {
        blocks.push({ kind: 'pagebreak' });
        current = null;
      }
      if (current === null) {
        current = { kind: 'table', width: table.width, rows: [] };
        blocks.push(current);
      }
      const row: RowSpec = { header: line.kind === 'header', cells: [] };
      gridCells(line.cells, table.width).forEach((ref, column) => {
        if (!ref.first) return;
        const continued = ref.cell.continued === true && current !== null && current.rows.length > 0;
        row.cells.push({ text: continued ? '' : ref.cell.text, span: ref.cell.span ?? 1, vmerge: continued ? 'continue' : null });
        if (continued) markRestart(current!, column);
      });
      current.rows.push(row);
    }
    previous = line;
  }
  return blocks;
}

/** The cell above a continued cell starts the vertical merge (unless it continues one itself). */
function markRestart(table: Extract<BlockSpec, { kind: 'table' }>, column: number): void {
  const above = table.rows[table.rows.length - 1];
  let c = 0;
  for (const cell of above.cells) {
    if (c === column) {
      if (cell.vmerge !== 'continue') cell.vmerge = 'restart';
      return;
    }
    c += cell.span ?? 1;
  }
}

/** Build documents with python-docx, all in one python process. */
export function buildWithPythonDocx(documents: DocumentSpec[]): void {
  execFileSync(PYTHON, [path.join(REPO, 'scripts/docx/build_docx.py')], { input: JSON.stringify({ documents }), stdio: ['pipe', 'pipe', 'inherit'], timeout: 300000 });
}

/** Convert files with LibreOffice in one call; returns the output paths (same base names, new extension, in outDir). */
export function convertWithLibreOffice(files: string[], target: string, outDir: string, inputFilter?: string): string[] {
  // A profile of our own: a user's LibreOffice (or another test) holding the default profile's lock blocks headless runs.
  const profile = `file://${tempDir('lo-profile')}`;
  const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`];
  if (inputFilter) args.push(`--infilter=${inputFilter}`);
  args.push('--convert-to', target, '--outdir', outDir, ...files);
  execFileSync(SOFFICE, args, { stdio: 'pipe', timeout: 600000 });
  const extension = target.split(':')[0];
  return files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${extension}`));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The same document as HTML for LibreOffice Writer to import and save as .docx: rowspan/colspan for merged cells, a
 * <thead> for the header row, a <p> per cell paragraph.
 */
export function documentHtml(blocks: BlockSpec[]): string {
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'];
  for (const block of blocks) {
    if (block.kind === 'paragraph') parts.push(block.style ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`);
    else if (block.kind === 'pagebreak') parts.push('<p style="page-break-before: always"></p>');
    else parts.push(tableHtml(block));
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

function tableHtml(table: Extract<BlockSpec, { kind: 'table' }>): string {
  // rowspan of each restart cell: how many rows below continue it, by column.
  const columnsOf = table.rows.map((row) => {
    let c = 0;
    return row.cells.map((cell) => {
      const column = c;
      c += cell.span ?? 1;
      return column;
    });
  });
  const rowspan = (r: number, column: number): number => {
    let n = 1;
    for (let k = r + 1; k < table.rows.length; k++) {
      const i = columnsOf[k].indexOf(column);
      if (i < 0 || table.rows[k].cells[i].vmerge !== 'continue') break;
      n++;
    }
    return n;
  };
  const out: string[] = ['<table border="1">'];
  table.rows.forEach((row, r) => {
    const cells = row.cells
      .map((cell, i) => {
        if (cell.vmerge === 'continue') return '';
        const tag = row.header ? 'th' : 'td';
        const span = (cell.span ?? 1) > 1 ? ` colspan="${cell.span}"` : '';
        const down = rowspan(r, columnsOf[r][i]);
        const rs = down > 1 ? ` rowspan="${down}"` : '';
        const paragraphs = cell.text === '' ? '<p></p>' : cell.text.split('\n').map((l) => `<p>${escapeHtml(l)}</p>`).join('');
        return `<${tag}${span}${rs}>${paragraphs}</${tag}>`;
      })
      .join('');
    const tr = `<tr>${cells}</tr>`;
    out.push(row.header ? `<thead>${tr}</thead>` : tr);
  });
  out.push('</table>');
  return out.join('\n');
}
