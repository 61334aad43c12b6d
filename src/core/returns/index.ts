/**
 * A reporting round, as pure data: split the master into one sheet per unit, read the returns back and merge them
 * into the master, compare this period with the last. No I/O: the CLI and the panes read and write the files.
 */
export * from './types';
export { planSplit, safeFileName, SPLIT_LABELS, ROLE_LEAD, ROLE_SHARE } from './split';
export type { SplitOptions, SplitPlan, UnitSplit } from './split';
export { matchReturns } from './merge';
export type { MergeOptions } from './merge';
export { compareTables, STATUS_CHANGES, taskPlaceLabel, taskPlaces } from './compare';
export type { Comparison, ComparedTask, CompareOptions, OfficialChanges, StatusChange, TaskPlaces } from './compare';
export { masterTasks } from './tasks';
export { matchTasks, MATCH_THRESHOLD, MATCH_THRESHOLD_SAME_NUMBER } from './match';
export { diffText, diffMarkup, normalizeTask, periodOf, similarity, taskKey } from './text';
export { roundRules, roundRuleCatalog } from './rules';
export { mergeSheets, mergedSheet, mergeLogSheet, answersSheet, findingsSheet, compareSheets } from './sheets';
export { roundSheetNames, changeLabels } from './labels';
export { mergedRepairPlan, TAKE_RETURN } from './repairPlan';
