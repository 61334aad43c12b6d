/**
 * The bench's input workbooks, written as Excel writes them (shared strings, wrapped cells, merged areas) with fflate
 * and strings of XML: fast at 200k rows, where exceljs's merge bookkeeping is quadratic, and free of
 * `Math.max(...rows)`, which overflows the stack on long sheets.
 */
import { strToU8, zipSync } from 'fflate';
import type { Grid } from '../src/core/types';
import { columnLetter } from '../src/core/grid/address';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function gridXlsx(grid: Grid, sheetName: string): Uint8Array {
  const strings = new Map<string, number>();
  const order: string[] = [];
  let width = 0;
  for (const row of grid.values) if (row.length > width) width = row.length;
  const rows: string[] = [];
  grid.values.forEach((row, r) => {
    let cells = '';
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      if (typeof value === 'number') cells += `<c r="${ref}" s="1"><v>${value}</v></c>`;
      else {
        const text = String(value);
        let index = strings.get(text);
        if (index === undefined) {
          index = order.length;
          strings.set(text, index);
          order.push(text);
        }
        cells += `<c r="${ref}" s="1" t="s"><v>${index}</v></c>`;
      }
    });
    rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const merges = grid.merges.map((m) => `<mergeCell ref="${columnLetter(m.column + 1)}${m.row + 1}:${columnLetter(m.column + m.columnCount)}${m.row + m.rowCount}"/>`);
  const cols = Array.from({ length: width }, (_, c) => `<col min="${c + 1}" max="${c + 1}" width="${c === width - 1 ? 60 : c === 0 ? 8 : 20}" customWidth="1"/>`).join('');
  const sheet = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${columnLetter(Math.max(width, 1))}${Math.max(grid.values.length, 1)}"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>${merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}</worksheet>`;
  const sst = `${HEAD}<sst xmlns="${MAIN}" count="${order.length}" uniqueCount="${order.length}">${order.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}
