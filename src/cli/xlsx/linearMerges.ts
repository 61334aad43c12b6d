import ExcelJS from 'exceljs';

/** The parts of exceljs' worksheet internals the patch relies on. */
interface MergeInternals {
  _mergeCellsInternal(dimensions: Dimensions, ignoreStyle?: boolean): void;
  _merges: Record<string, Dimensions>;
  getCell(row: number, column: number): MergeCell;
  findCell(row: number, column: number): MergeCell | undefined;
}

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface MergeCell {
  address: string;
  isMerged: boolean;
  merge(master: MergeCell, ignoreStyle?: boolean): void;
}

let installed = false;

/**
 * exceljs checks every new merged area against every existing one, so reading a pasted table with 100k merged areas
 * takes hours. This replaces that check with one over the area's own cells (a cell already merged says so), which
 * makes loading and writing linear and throws on exactly the same overlaps. Installed once for the CLI process;
 * left alone if exceljs' internals are not what they were in 4.4.
 */
export function installLinearMerges(): boolean {
  if (installed) return true;
  const proto: unknown = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe'));
  if (!hasMergeInternals(proto)) return false;
  proto._mergeCellsInternal = function mergeCellsLinear(this: MergeInternals, dimensions: Dimensions, ignoreStyle?: boolean): void {
    for (let row = dimensions.top; row <= dimensions.bottom; row += 1) {
      for (let column = dimensions.left; column <= dimensions.right; column += 1) {
        if (this.findCell(row, column)?.isMerged) throw new Error('Cannot merge already merged cells');
      }
    }
    const master = this.getCell(dimensions.top, dimensions.left);
    for (let row = dimensions.top; row <= dimensions.bottom; row += 1) {
      for (let column = dimensions.left; column <= dimensions.right; column += 1) {
        if (row > dimensions.top || column > dimensions.left) this.getCell(row, column).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = dimensions;
  };
  installed = true;
  return true;
}

function hasMergeInternals(proto: unknown): proto is MergeInternals {
  if (proto === null || typeof proto !== 'object') return false;
  const candidate = proto as Record<string, unknown>;
  return typeof candidate._mergeCellsInternal === 'function' && typeof candidate.findCell === 'function' && typeof candidate.getCell === 'function';
}
