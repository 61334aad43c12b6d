/**
 * A native column chart for a written sheet (status counts per official …): a drawing part anchoring a chart part
 * whose series refer to the sheet's cells, with cached values so a reader that does not calculate still shows it.
 */
import { columnLetter } from '../../core/grid/address';
import type { OutputSheet } from '../types';
import { escapeText } from './escape';

export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The drawing part: the chart to the right of the table, 8 columns by 18 rows. */
export function drawingXml(sheet: OutputSheet, chartRelId: string): string {
  const firstColumn = Math.max(sheet.columns.length, 1) + 1;
  const top = (sheet.title?.length ?? 0) + 1;
  return (
    `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${firstColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${firstColumn + 8}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top + 18}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeText(sheet.chart?.title ?? 'Chart')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

/** The chart part: one clustered column series per value column, categories from the category column, totals row left out. */
export function chartXml(sheet: OutputSheet, sheetName: string): string {
  const chart = sheet.chart;
  if (!chart) return '';
  const header = (sheet.title?.length ?? 0) + 1;
  const bodyRows = sheet.totalsRow ? sheet.rows.length - 1 : sheet.rows.length;
  const first = header + 1;
  const last = header + Math.max(bodyRows, 1);
  const ref = (column: number, from: number, to: number): string =>
    `${quoteSheet(sheetName)}!$${columnLetter(column + 1)}$${from}:$${columnLetter(column + 1)}$${to}`;
  const categories = sheet.rows.slice(0, bodyRows).map((row) => String(row[chart.categoryColumn] ?? ''));
  const strCache = (values: string[]): string =>
    `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const series = chart.seriesColumns
    .map((column, i) => {
      const values = sheet.rows.slice(0, bodyRows).map((row) => (typeof row[column] === 'number' ? (row[column] as number) : Number(row[column]) || 0));
      const name = sheet.columns[column] ?? '';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(`${quoteSheet(sheetName)}!$${columnLetter(column + 1)}$${header}`)}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${escapeText(ref(chart.categoryColumn, first, last))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(ref(column, first, last))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
          .map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)
          .join('')}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  return (
    `${HEAD}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="10"/><c:axId val="20"/></c:barChart>` +
    '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="20"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="10"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}
