/** Where the adapter meets the office-js globals: requirement-set checks and Excel.run. */

/** True when the host implements ExcelApi `version`; false outside Office. */
export function supports(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

export interface RunOptions {
  /** Merge every sync of the batch into one undo step (ExcelApi 1.20; older hosts get one step per sync). */
  undoGroup?: boolean;
}

/**
 * Excel.run with the options this host understands (https://learn.microsoft.com/javascript/api/excel/excel.runoptions):
 * `delayForCellEdit` (ExcelApi 1.11) so that a clerk still typing in a cell makes the work wait for Enter instead of
 * failing, and `mergeUndoGroup` (ExcelApi 1.20) so one click of ours is one Ctrl+Z.
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const runOptions: Excel.RunOptions = {};
  if (supports('1.11')) runOptions.delayForCellEdit = true;
  if (options.undoGroup && supports('1.20')) runOptions.mergeUndoGroup = true;
  if (Object.keys(runOptions).length === 0) return Excel.run(batch);
  return Excel.run(runOptions, batch);
}
