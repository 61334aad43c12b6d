/**
 * The ribbon's function file. The only ribbon button opens the task pane (ShowTaskpane needs no code), but Office
 * requires a FunctionFile, and it must call Office.onReady.
 */
if (typeof Office !== 'undefined') void Office.onReady();
