/** The office-js side: the only code in the project that talks to Excel. */
export { createOfficeHost, OfficeWorkbookHost } from './officeHost';
export type { OfficeHostOptions } from './officeHost';
export { HostError } from './host';
export type { WorkbookHost, SourceSnapshot, Progress, ApplyMode, HostKind, HostCapabilities } from './host';
export { SEVERITY_FILL, HIGHLIGHT_SETTING } from './highlight';
export { CONFIG_SETTING } from './settings';
export { excelTooOld, excelLimitations, REQUIRED_EXCEL_API } from './requirements';
export { supports } from './runtime';
