import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type MouseEvent } from 'react';
import type { DynamoItem, DynamoValue } from '@shared/models/dynamo';
import { isSelected, type RowRanges } from '@renderer/components/selection';
import grid from '@renderer/components/result-grid.module.css';
import { compactValue, typeOf } from './item-columns';

const ROW_HEIGHT = 26;

interface ItemGridProps {
  columns: string[];
  keyNames: readonly string[];
  items: readonly DynamoItem[];
  count: number;
  /** Changes when `items` grew in place. */
  version: number;
  widths: number[];
  selection: RowRanges;
  onSelectRow: (row: number, mode: 'single' | 'range' | 'toggle') => void;
  onOpenValue: (row: number, column: string, value: DynamoValue) => void;
  onOpenItem: (row: number) => void;
}

const modeOf = (e: MouseEvent) => (e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'single');

/**
 * Items in a virtualized grid (the SQL grid's look): columns are the union of attributes, keys first;
 * a missing attribute is blank, documents are compact JSON. Double-click a cell for the full value,
 * the row number to open the item.
 */
export function ItemGrid(p: ItemGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const gutter = Math.max(40, String(p.count).length * 8 + 18);
  const width = gutter + p.widths.reduce((a, b) => a + b, 0);

  return (
    <div
      ref={scrollRef}
      className={grid.scroll}
      role="grid"
      tabIndex={0}
      data-testid="dynamo-grid"
      data-total={p.count}
    >
      <div style={{ width, minWidth: '100%' }}>
        <div className={grid.headerRow} role="row" style={{ width }}>
          <div className={grid.gutterHeader} style={{ width: gutter }} />
          {p.columns.map((c, i) => (
            <div
              key={c}
              role="columnheader"
              className={grid.headerCell}
              style={{ width: p.widths[i] }}
              title={c}
              data-testid="dynamo-grid-header"
            >
              <span className={grid.headerName}>{c}</span>
              {p.keyNames.includes(c) && (
                <span className={grid.headerType}>{p.keyNames[0] === c ? 'partition key' : 'sort key'}</span>
              )}
            </div>
          ))}
        </div>
        <div className={grid.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = p.items[v.index];
            const selected = isSelected(p.selection, v.index);
            return (
              <div
                key={v.index}
                role="row"
                aria-selected={selected}
                className={grid.row}
                data-odd={v.index % 2 === 1 || undefined}
                data-selected={selected || undefined}
                data-testid="dynamo-grid-row"
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, width }}
              >
                <div
                  className={grid.gutter}
                  style={{ width: gutter }}
                  title="Click to select, double-click to open the item"
                  onMouseDown={(e) => {
                    e.preventDefault();
                    p.onSelectRow(v.index, modeOf(e));
                  }}
                  onDoubleClick={() => p.onOpenItem(v.index)}
                >
                  {v.index + 1}
                </div>
                {p.columns.map((c, ci) => {
                  const value = item?.[c];
                  const numeric = value !== undefined && 'N' in value;
                  return (
                    <div
                      key={c}
                      role="gridcell"
                      className={grid.cell}
                      data-numeric={numeric || undefined}
                      style={{ width: p.widths[ci] }}
                      data-testid="dynamo-grid-cell"
                      data-column={c}
                      data-type={value ? typeOf(value) : undefined}
                      onMouseDown={(e) => {
                        if (e.detail > 1) e.preventDefault();
                        p.onSelectRow(v.index, modeOf(e));
                      }}
                      onDoubleClick={() => value && p.onOpenValue(v.index, c, value)}
                    >
                      {value === undefined ? null : 'NULL' in value ? (
                        <span className={grid.null}>null</span>
                      ) : 'M' in value ||
                        'L' in value ||
                        'SS' in value ||
                        'NS' in value ||
                        'BS' in value ||
                        'B' in value ? (
                        <span className={grid.special}>{compactValue(value)}</span>
                      ) : (
                        compactValue(value)
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
