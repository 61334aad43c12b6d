/** WPS 表格: the WorkbookHost over `window.Application`, and how the pane knows it runs there. */
export { WpsHost, createWpsHost, CONFIG_KEY } from './wpsHost';
export type { WpsHostOptions } from './wpsHost';
export { detectWpsApplication } from './detect';
export { STORE_SHEET } from './documentStore';
export { HIGHLIGHT_KEY } from './highlight';
export type { WpsApplication } from './api';
