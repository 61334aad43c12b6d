/**
 * The report-table engine: a grid goes in; the table, findings, a repair plan and summaries come out.
 * Pure TypeScript: no office-js, no DOM, no I/O.
 */
export * from './types';
export { parseConfig, parseConfigJson, defaultConfig, configSchema, ConfigError } from './config/schema';
export type { Config, ConfigInput, StatusEntry, UnitEntry } from './config/schema';
export { readTable } from './table/readTable';
export { validate, ruleCatalog } from './rules';
export { buildPlan, planToValues } from './plan/buildPlan';
export { summarize } from './summary/summarize';
export { analyze } from './analyze';
export type { AnalyzeOptions, Progress } from './analyze';
export { toA1, columnLetter, rangeA1 } from './grid/address';
export { analyzeWorkbook, officialFromSheetName } from './workbook';
export type { WorkbookSheet, SheetAnalysis, WorkbookAnalysis, WorkbookOptions } from './workbook';
export type { ReadOptions } from './table/readTable';
export type { SummarizeOptions } from './summary/summarize';
export { parseDeadline } from './text/deadline';
export { parseNumber, formatNumber } from './text/numbering';
