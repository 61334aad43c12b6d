/** An in-memory Excel behind the office-js API subset the adapter uses (see README in this folder's tests). */
export { FakeWorkbook, FakeSheet, PAYLOAD_LIMIT, MERGED_AREAS_LIMIT, NO_FILL } from './model';
export type { FakeCell, FakeTable, FakeChart, FakeChartSeries, SyncStats, Scalar, FakeWorkbookOptions } from './model';
export { FakeOfficeError } from './errors';
export { installFakeOffice, createFakeExcel, createFakeOffice, FakeRequestContext } from './install';
export type { FakeExcelNamespace, FakeOfficeNamespace } from './install';
export { workbookFromGrid, putGrid } from './fromGrid';
export type { GridWorkbookOptions } from './fromGrid';
export { parseRef, rectA1, cellA1, columnLetters, qualifiedA1 } from './address';
export type { Rect } from './address';
