import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { Cell, ColumnMeta } from '@shared/models/sql';
import { cellText, columnWidth, isNumericColumn } from './cell-format';
import { CellValue } from './cell-value';
import type { RowWindowCache } from './row-window-cache';
import { isSelected, type RowRanges } from '@renderer/components/selection';
import type { RowSort } from './use-result-rows';
import classes from '@renderer/components/result-grid.module.css';

const ROW_HEIGHT = 26;
const SORT_MARK_PX = 14;

export type RowEditState = 'edited' | 'inserted' | 'deleted';

/** What the table editor (or any owner of pending changes) shows in place of the stored value. */
export type CellOverride = (row: number, col: number) => { value: Cell; state: RowEditState } | undefined;

export interface GridExtensions {
  cellOverride?: CellOverride;
  /** Double-click on a cell: edit it (when set) instead of opening the cell viewer. */
  onCellEdit?: (row: number, col: number, value: Cell) => void;
  rowState?: (row: number) => RowEditState | undefined;
  /** Rows shown after the stored ones (new rows not yet inserted); their indexes follow the stored rows. */
  extraRows?: Cell[][];
}

interface ResultGridProps extends GridExtensions {
  columns: ColumnMeta[];
  /** The first rows, for column widths. */
  sample: Cell[][];
  cache: RowWindowCache;
  /** Rows in the view (stored rows; extra rows come on top). */
  total: number;
  sort: RowSort[];
  /** Absent while sorting is unavailable (rows still loading). */
  onSort?: (column: number) => void;
  selection: RowRanges;
  onSelectRow: (row: number, mode: 'single' | 'range' | 'toggle') => void;
  onSelectAll: () => void;
  active: { row: number; col: number } | null;
  onActivate: (cell: { row: number; col: number }) => void;
  onOpenCell: (row: number, col: number, value: Cell) => void;
  onCopy: () => void;
}

function modeOf(e: MouseEvent): 'single' | 'range' | 'toggle' {
  return e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'single';
}

/**
 * Rows virtualized (only the visible ~40 are in the DOM) and pulled from the window cache as they
 * scroll into view, so the renderer never holds the whole result. Header sticky, row numbers in a gutter.
 */
export function ResultGrid(props: ResultGridProps) {
  const {
    columns,
    sample,
    cache,
    total,
    sort,
    extraRows = [],
    cellOverride,
    rowState,
    selection,
    active,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Room for the sort mark, so sorting never truncates the header it marks.
  const widths = useMemo(
    () => columns.map((c, i) => columnWidth(c, sample, i) + SORT_MARK_PX),
    [columns, sample],
  );
  const numeric = useMemo(() => columns.map(isNumericColumn), [columns]);
  const count = total + extraRows.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // Prefetch a window's worth around the viewport; the cache fetches only what it lacks.
  useEffect(() => {
    cache.ensure(first - cache.windowSize / 2, Math.min(total, last + cache.windowSize / 2));
  }, [cache, first, last, total]);

  const gutter = Math.max(36, String(count).length * 8 + 16);
  const width = gutter + widths.reduce((a, b) => a + b, 0);
  const rowAt = (index: number): Cell[] | undefined =>
    index < total ? cache.row(index) : extraRows[index - total];

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.metaKey || e.ctrlKey;
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      props.onCopy();
    } else if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      props.onSelectAll();
    } else if (e.key === 'Enter' && active) {
      const value = cellOverride?.(active.row, active.col)?.value ?? rowAt(active.row)?.[active.col];
      if (value !== undefined) props.onOpenCell(active.row, active.col, value);
    }
  };

  return (
    <div
      ref={scrollRef}
      className={classes.scroll}
      role="grid"
      tabIndex={0}
      aria-rowcount={count + 1}
      data-testid="result-grid"
      data-total={count}
      onKeyDown={onKeyDown}
    >
      <div style={{ width, minWidth: '100%' }}>
        <div className={classes.headerRow} role="row" style={{ width }}>
          <div className={classes.gutterHeader} style={{ width: gutter }} />
          {columns.map((column, i) => {
            const sorted = sort.find((s) => s.column === i);
            return (
              <div
                key={i}
                role="columnheader"
                aria-sort={sorted ? (sorted.desc ? 'descending' : 'ascending') : 'none'}
                className={classes.headerCell}
                data-numeric={numeric[i] || undefined}
                data-sortable={props.onSort ? true : undefined}
                style={{ width: widths[i] }}
                title={`${column.name} · ${column.type}${props.onSort ? ' — click to sort' : ''}`}
                data-testid="result-header"
                onClick={() => props.onSort?.(i)}
              >
                <span className={classes.headerName}>{column.name}</span>
                <span className={classes.headerType}>{column.type}</span>
                {sorted && <span className={classes.sortMark}>{sorted.desc ? '▼' : '▲'}</span>}
              </div>
            );
          })}
        </div>
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const index = item.index;
            const row = rowAt(index);
            const state = rowState?.(index) ?? (index >= total ? 'inserted' : undefined);
            return (
              <div
                key={index}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={isSelected(selection, index)}
                className={classes.row}
                data-odd={index % 2 === 1 || undefined}
                data-state={state}
                data-selected={isSelected(selection, index) || undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
              >
                <div
                  className={classes.gutter}
                  style={{ width: gutter }}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    props.onSelectRow(index, modeOf(e));
                  }}
                >
                  {index + 1}
                </div>
                {columns.map((_, ci) => {
                  const override = cellOverride?.(index, ci);
                  const value = override ? override.value : row?.[ci];
                  return (
                    <div
                      key={ci}
                      role="gridcell"
                      className={classes.cell}
                      data-numeric={numeric[ci] || undefined}
                      data-edit={override?.state}
                      data-active={(active?.row === index && active.col === ci) || undefined}
                      style={{ width: widths[ci] }}
                      title={value === undefined ? undefined : cellText(value)}
                      data-testid="result-cell"
                      data-row={index}
                      data-col={ci}
                      onMouseDown={(e) => {
                        // A double-click opens the cell; it should not select words in it.
                        if (e.detail > 1) e.preventDefault();
                        props.onActivate({ row: index, col: ci });
                        props.onSelectRow(index, modeOf(e));
                      }}
                      onDoubleClick={() => {
                        if (value === undefined) return;
                        if (props.onCellEdit) props.onCellEdit(index, ci, value);
                        else props.onOpenCell(index, ci, value);
                      }}
                    >
                      {value === undefined ? (
                        <span className={classes.pending}>…</span>
                      ) : (
                        <CellValue value={value} />
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
