/** What one output sheet holds, independent of how it is written (office-js, WPS or the file layer). */
export interface SheetSpec {
  /** Sheet name, at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  /** Header row of the Excel table. */
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Column widths in characters. */
  widths: number[];
  /** The last of `rows` is a totals row (written bold, left out of charts and sorting). */
  totalsRow?: boolean;
  /** Columns formatted as percentages (0..1 values). */
  percentColumns?: number[];
  /** A column chart of status counts per category, e.g. per official. */
  chart?: { title: string; categoryColumn: number; seriesColumns: number[] };
}
