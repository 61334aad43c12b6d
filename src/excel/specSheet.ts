/**
 * Writing a SheetSpec (summary or change-log sheet) as an Excel table: header, rows, widths, percent formats, a
 * bold totals row under the table, and the spec's column chart.
 */
import type { SheetSpec } from '../core/sheets';
import type { Progress } from './host';
import { cellA1 } from '../host/addresses';
import { supports } from './runtime';
import { GENERAL_FORMAT, WrittenValue, widthPoints, writeCells } from './writeCells';

export const TABLE_STYLE = 'TableStyleMedium2';
const PERCENT_FORMAT = '0.0%';
/** Columns this wide (characters) hold running text: wrap it. */
const WRAP_FROM_WIDTH = 30;

/** Queues and syncs everything for one spec on an empty sheet. */
export async function writeSpecSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const columnCount = spec.columns.length;
  const rows: WrittenValue[][] = [spec.columns, ...spec.rows.map((row) => spec.columns.map((_, c) => row[c] ?? ''))];
  const percent = new Set(spec.percentColumns ?? []);
  await writeCells(context, sheet, 0, 0, rows, {
    formatOf: (value, r, c) => (typeof value === 'number' && r > 0 && percent.has(c) ? PERCENT_FORMAT : GENERAL_FORMAT),
    onProgress,
    signal,
  });
  const dataRows = spec.totalsRow ? spec.rows.length - 1 : spec.rows.length;
  // A table needs a data row; an empty spec gets one blank row rather than no table.
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 1 + Math.max(1, dataRows), columnCount), true);
  table.style = TABLE_STYLE;
  if (spec.totalsRow && spec.rows.length > 0) {
    // Below the table, so sorting or filtering the table leaves the totals where they are.
    sheet.getRangeByIndexes(spec.rows.length, 0, 1, columnCount).format.font.bold = true;
  }
  spec.widths.slice(0, columnCount).forEach((width, c) => {
    const column = sheet.getRangeByIndexes(0, c, rows.length, 1);
    column.format.columnWidth = widthPoints(width);
    if (width >= WRAP_FROM_WIDTH) column.format.wrapText = true;
  });
  const all = sheet.getRangeByIndexes(0, 0, rows.length, columnCount);
  all.format.verticalAlignment = 'Top';
  all.format.autofitRows();
  sheet.freezePanes.freezeRows(1);
  if (spec.chart && dataRows > 0 && spec.chart.seriesColumns.length > 0 && supports('1.7')) {
    addColumnChart(sheet, spec, dataRows);
  }
  await context.sync();
}

/** A clustered column chart: one series per status column, categories from the category column. */
function addColumnChart(sheet: Excel.Worksheet, spec: SheetSpec, dataRows: number): void {
  const chartSpec = spec.chart!;
  const categories = sheet.getRangeByIndexes(1, chartSpec.categoryColumn, dataRows, 1);
  const [first, ...others] = chartSpec.seriesColumns;
  const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, first!, dataRows + 1, 1), 'Columns');
  chart.title.text = chartSpec.title;
  chart.series.getItemAt(0).setXAxisValues(categories);
  for (const column of others) {
    const series = chart.series.add(spec.columns[column]);
    series.setValues(sheet.getRangeByIndexes(1, column, dataRows, 1));
    series.setXAxisValues(categories);
  }
  chart.setPosition(cellA1(0, spec.columns.length + 1));
}
