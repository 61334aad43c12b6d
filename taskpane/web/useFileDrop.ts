/**
 * Taking table files from a drop or from the file picker, the same way wherever the web page asks for one (打开文件 for
 * the master, 选择报送文件 for the units' returns): the drop area lights up while files are dragged over it, a file of a
 * type the page does not read is turned away with one message (FilePicker shows it) before anything is read, and a
 * drop never makes the browser leave the page to show the file.
 */
import { useCallback, useState, type DragEvent } from 'react';

/**
 * What the page reads. The file layer tells the formats apart by content (a web-page ".xls" is HTML); the extension
 * only keeps out what is surely not a table, so a name without one is passed on and the file layer decides.
 */
export const TABLE_FILE_TYPES: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.xml', '.htm', '.html', '.docx'];

/** Whether a file's name is one the page reads (or has no extension to say otherwise). */
export function isTableFileName(name: string, types: readonly string[] = TABLE_FILE_TYPES): boolean {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return true;
  return types.includes(name.slice(dot).toLowerCase());
}

export interface FileDropOptions {
  /** The files taken (at least one; only the first unless `multiple`). */
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  /** Drops are turned away (the cursor says so) while the page is busy or has nothing to add them to. */
  disabled?: boolean;
  /** A drop here stays here: the page around it, which opens a dropped file as the master, does not get it too. */
  contained?: boolean;
  types?: readonly string[];
}

export interface DropHandlers {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

export interface FileDrop {
  /** Files are being dragged over the drop area. */
  dropping: boolean;
  /** Names of the files of the last pick or drop that were turned away for their type (empty: none). */
  rejected: string[];
  dismissRejected: () => void;
  /** Takes picked or dropped files: those of a wrong type are turned away, the others handed on. */
  take: (files: readonly File[]) => void;
  /** For the element that receives drops (the drop area itself, or the whole page around it). */
  handlers: DropHandlers;
  /** The picker's `accept`. */
  accept: string;
  multiple: boolean;
}

/** Only a drag that carries files lights the area up: dragging selected text around the page does not. */
function carriesFiles(event: DragEvent<HTMLElement>): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function useFileDrop({ onFiles, multiple = false, disabled = false, contained = false, types = TABLE_FILE_TYPES }: FileDropOptions): FileDrop {
  const [dropping, setDropping] = useState(false);
  const [rejected, setRejected] = useState<string[]>([]);

  const take = useCallback(
    (files: readonly File[]) => {
      const wrong = files.filter((file) => !isTableFileName(file.name, types));
      const good = files.filter((file) => isTableFileName(file.name, types));
      const taken = multiple ? good : good.slice(0, 1);
      setRejected(wrong.map((file) => file.name));
      if (taken.length > 0) onFiles(taken);
    },
    [onFiles, multiple, types],
  );

  const handlers: DropHandlers = {
    onDragOver: (event) => {
      // Without this the browser opens a dropped file in place of the page.
      event.preventDefault();
      if (contained) event.stopPropagation();
      if (!carriesFiles(event)) return;
      event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      if (!disabled) setDropping(true);
    },
    onDragLeave: (event) => {
      // Moving onto a child of the area is not leaving it; leaving the window (no related target) is.
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !event.currentTarget.contains(next)) setDropping(false);
    },
    onDrop: (event) => {
      event.preventDefault();
      if (contained) event.stopPropagation();
      setDropping(false);
      if (!disabled) take(Array.from(event.dataTransfer.files));
    },
  };

  return { dropping, rejected, dismissRejected: useCallback(() => setRejected([]), []), take, handlers, accept: types.join(','), multiple };
}
