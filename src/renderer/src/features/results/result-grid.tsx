import { columnSizingFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { Cell, ColumnMeta, RowsResult } from '@shared/models/sql';
import { cellText, columnWidth, isNumericColumn } from './cell-format';
import { CellValue } from './cell-value';
import classes from './result-grid.module.css';

type Row = Cell[];

const ROW_HEIGHT = 26;
const features = tableFeatures({ columnSizingFeature });
const helper = createColumnHelper<typeof features, Row>();

function buildColumns(columns: ColumnMeta[], rows: Row[]) {
  return helper.columns(
    columns.map((column, index) =>
      helper.accessor((row: Row): Cell => row[index] ?? null, {
        id: `c${index}`,
        size: columnWidth(column, rows, index),
        header: () => (
          <>
            <span className={classes.headerName}>{column.name}</span>
            <span className={classes.headerType}>{column.type}</span>
          </>
        ),
        cell: (ctx) => <CellValue value={ctx.getValue()} />,
      }),
    ),
  );
}

/** Rows virtualized (only the visible ~40 are in the DOM), header sticky, row numbers in a gutter. */
export function ResultGrid({ result }: { result: RowsResult }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => buildColumns(result.columns, result.rows), [result]);
  const numeric = useMemo(() => result.columns.map(isNumericColumn), [result]);
  const table = useTable({ features, columns, data: result.rows });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const gutter = Math.max(36, String(rows.length).length * 8 + 16);
  const width = gutter + table.getTotalSize();

  return (
    <div
      ref={scrollRef}
      className={classes.scroll}
      role="grid"
      aria-rowcount={rows.length + 1}
      data-testid="result-grid"
    >
      <div style={{ width, minWidth: '100%' }}>
        <div className={classes.headerRow} role="row" style={{ width }}>
          <div className={classes.gutterHeader} style={{ width: gutter }} />
          {table.getHeaderGroups()[0]?.headers.map((header, i) => (
            <div
              key={header.id}
              role="columnheader"
              className={classes.headerCell}
              data-numeric={numeric[i] || undefined}
              style={{ width: header.getSize() }}
              title={`${result.columns[i]?.name} · ${result.columns[i]?.type}`}
              data-testid="result-header"
            >
              <table.FlexRender header={header} />
            </div>
          ))}
        </div>
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                className={classes.row}
                data-odd={item.index % 2 === 1 || undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
              >
                <div className={classes.gutter} style={{ width: gutter }}>
                  {item.index + 1}
                </div>
                {row.getAllCells().map((cell, ci) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={classes.cell}
                    data-numeric={numeric[ci] || undefined}
                    style={{ width: cell.column.getSize() }}
                    title={cellText(row.original[ci] ?? null)}
                    data-testid="result-cell"
                    data-row={item.index}
                    data-col={ci}
                  >
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
