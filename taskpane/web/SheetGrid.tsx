/**
 * The sheet as a grid: only the rows on screen are in the DOM (@tanstack/react-virtual), so 100k rows scroll as
 * smoothly as 100. Findings marked by the check are coloured by severity with their message as a tooltip; going to a
 * finding scrolls its row into the middle and outlines the cell.
 */
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { columnLetter } from '../../src/core/grid/address';
import type { CellMark } from '../../src/web/memoryHost';
import { markAt, mergedAt, packedCell, type PackedGrid, type PackedMarks } from '../../src/web/transfer';
import type { ScrollTarget } from './useWebWorkbench';

const ROW_HEIGHT = 26;
const ROW_NUMBER_WIDTH = 64;
/** Wider columns for longer text, judged from the first rows. */
const SAMPLE_ROWS = 60;
/** A sheet wider than this shows its first columns; the table itself is never that wide. */
const MAX_COLUMNS = 40;

const SEVERITY_FILL: Record<CellMark['severity'], string> = { error: '#FDE7E9', warning: '#FFF4CE', info: '#E8F1FB' };
const SEVERITY_EDGE: Record<CellMark['severity'], string> = { error: '#C50F1F', warning: '#BC4B09', info: '#0F6CBD' };

const useStyles = makeStyles({
  scroller: {
    height: '100%',
    minHeight: '320px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
    contain: 'strict',
  },
  row: { display: 'flex', position: 'absolute', left: 0, height: `${ROW_HEIGHT}px` },
  header: {
    display: 'flex',
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  cell: {
    boxSizing: 'border-box',
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 2}px`,
    padding: '0 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase200,
    flexShrink: 0,
  },
  headCell: { textAlign: 'center', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  rowNumber: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    textAlign: 'end',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  target: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

function columnWidths(grid: PackedGrid, columns: number): number[] {
  const widths = new Array<number>(columns).fill(60);
  const rows = Math.min(grid.rowCount, SAMPLE_ROWS);
  for (let r = 0; r < rows; r += 1) {
    // A title line or section heading sits alone in its row and spills over the columns to its right, as in Excel.
    let filled = 0;
    for (let c = 0; c < columns; c += 1) if (packedCell(grid, r, c) !== '') filled += 1;
    if (filled < 2) continue;
    for (let c = 0; c < columns; c += 1) {
      const text = packedCell(grid, r, c);
      if (text === '') continue;
      // Roughly 13 px per CJK character, 7 per Latin one; long progress text is cut with an ellipsis.
      let width = 12;
      for (const ch of text.slice(0, 40)) width += ch.charCodeAt(0) > 0x2e80 ? 13 : 7;
      widths[c] = Math.min(360, Math.max(widths[c], width));
    }
  }
  return widths;
}

export function SheetGrid(props: { grid: PackedGrid; marks: PackedMarks; target: ScrollTarget | null; label: string }) {
  const { grid, marks, target } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const columns = Math.min(grid.columnCount, MAX_COLUMNS);
  const widths = useMemo(() => columnWidths(grid, columns), [grid, columns]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? 0) + w], [0]), [widths]);
  const totalWidth = ROW_NUMBER_WIDTH + (lefts[columns] ?? 0);
  const { origin } = grid;

  /**
   * Merged areas drawn as one cell: the area's first column spans its width in every row of the area (the others are
   * not drawn), and the rows inside it have no border between them. The worker resolved each cell's place in its
   * area (transfer.ts), so nothing here walks the sheet's merged areas.
   */
  const mergeAt = (r: number, c: number) => mergedAt(grid, r, c);
  const spanWidth = (c: number, lastColumn: number): number | undefined => {
    const last = Math.min(lastColumn, columns - 1);
    return last > c ? (lefts[last + 1] ?? 0) - (lefts[c] ?? 0) : undefined;
  };

  const virtualizer = useVirtualizer({
    count: grid.rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Few rows beyond the screen: a jump of the scroll bar redraws them all (and Fluent's focus manager walks each new node).
    overscan: 6,
  });

  useEffect(() => {
    if (!target) return;
    const row = target.row - origin.row;
    if (row < 0 || row >= grid.rowCount) return;
    virtualizer.scrollToIndex(row, { align: 'center' });
    const column = target.column - origin.column;
    const element = scroller.current;
    if (element && column >= 0 && column < columns) {
      const left = (lefts[column] ?? 0) + ROW_NUMBER_WIDTH;
      if (left < element.scrollLeft || left + (widths[column] ?? 0) > element.scrollLeft + element.clientWidth) element.scrollLeft = Math.max(0, left - ROW_NUMBER_WIDTH);
    }
  }, [target]);

  const targetClass = mergeClasses(styles.cell, styles.target);
  /** An empty cell that is not part of a merged area and carries no mark: text to its left may run over it. */
  const isFree = (r: number, c: number): boolean => packedCell(grid, r, c) === '' && mergeAt(r, c) === null && markAt(marks, grid.columnCount, r, c) === null;
  const targetRow = target ? target.row - origin.row : -1;
  const targetColumn = target ? target.column - origin.column : -1;

  return (
    <div ref={scroller} className={styles.scroller} role="grid" aria-label={props.label} aria-rowcount={grid.rowCount} data-testid="sheet-grid">
      <div className={styles.header} style={{ width: totalWidth }} role="row">
        <div className={mergeClasses(styles.cell, styles.headCell, styles.rowNumber)} style={{ width: ROW_NUMBER_WIDTH, zIndex: 3 }} />
        {widths.map((width, c) => (
          <div key={c} className={mergeClasses(styles.cell, styles.headCell)} style={{ width }} role="columnheader">
            {columnLetter(origin.column + c)}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const r = item.index;
          let spillEnd = -1;
          return (
            <div key={r} className={styles.row} style={{ top: item.start, width: totalWidth }} role="row" data-row={origin.row + r}>
              <div className={mergeClasses(styles.cell, styles.rowNumber)} style={{ width: ROW_NUMBER_WIDTH }} role="rowheader">
                {origin.row + r}
              </div>
              {widths.map((width, c) => {
                const text = packedCell(grid, r, c);
                const merge = mergeAt(r, c);
                if (merge?.hidden || c <= spillEnd) return null;
                const mark = markAt(marks, grid.columnCount, r, c);
                const isTarget = r === targetRow && c === targetColumn;
                let cellWidth = (merge?.first ? spanWidth(c, merge.lastColumn) : undefined) ?? width;
                // As in Excel, text runs on over empty cells to its right (a title line that is not merged).
                if (text !== '' && merge === null) {
                  let end = c;
                  while (end + 1 < columns && isFree(r, end + 1)) end += 1;
                  if (end > c) {
                    cellWidth = (lefts[end + 1] ?? 0) - (lefts[c] ?? 0);
                    spillEnd = end;
                  }
                }
                const style: CSSProperties = { width: cellWidth };
                if (merge?.down) style.borderBottomColor = 'transparent';
                if (mark) {
                  style.backgroundColor = SEVERITY_FILL[mark.severity];
                  style.boxShadow = `inset 3px 0 0 ${SEVERITY_EDGE[mark.severity]}`;
                }
                return (
                  <div
                    key={c}
                    role="gridcell"
                    className={isTarget ? targetClass : styles.cell}
                    style={style}
                    title={mark ? `${mark.message}\n${text}` : text.length > 20 ? text : undefined}
                    data-mark={mark?.severity}
                  >
                    {text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {grid.rowCount === 0 && <Text>—</Text>}
    </div>
  );
}
