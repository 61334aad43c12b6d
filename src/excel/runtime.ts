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

export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  if (options.undoGroup && supports('1.20')) return Excel.run({ mergeUndoGroup: true }, batch);
  return Excel.run(batch);
}
