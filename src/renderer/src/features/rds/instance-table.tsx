import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import { instanceKey, sameInstance, type InstanceRef } from './instance-key';
import { instanceColumns, tableFeatureSet } from './instance-columns';
import classes from './instance-table.module.css';

interface InstanceTableProps {
  instances: RdsInstance[];
  selected: InstanceRef | null;
  onSelect: (ref: InstanceRef) => void;
  renderActions: (instance: RdsInstance) => React.ReactNode;
}

const SORT_MARK = { asc: ' ▲', desc: ' ▼' } as const;

/**
 * A dense table of instances. Without a sort, rows keep the topology order they come in (each
 * primary followed by its replicas); a header click sorts, a third click goes back to that order.
 */
export function InstanceTable({ instances, selected, onSelect, renderActions }: InstanceTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => instanceColumns(renderActions), [renderActions]);
  const table = useTable({
    features: tableFeatureSet,
    columns,
    data: instances,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => instanceKey(row),
  });
  const width = table.getTotalSize();

  return (
    <div className={classes.scroll} data-testid="rds-table">
      <table className={classes.table} style={{ width, minWidth: '100%' }}>
        <colgroup>
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort() && header.column.id !== 'actions';
                return (
                  <th
                    key={header.id}
                    data-column={header.column.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className={classes.sort}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        <table.FlexRender header={header} />
                        {sorted && <span className={classes.sortMark}>{SORT_MARK[sorted]}</span>}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const instance = row.original;
            return (
              <tr
                key={row.id}
                onClick={() => onSelect(instance)}
                // Rows are reachable from the keyboard too: Tab to one, Enter opens its details.
                tabIndex={0}
                onKeyDown={(e) =>
                  e.key === 'Enter' && e.target === e.currentTarget ? onSelect(instance) : undefined
                }
                data-selected={sameInstance(selected, instance) || undefined}
                data-testid="rds-row"
                data-instance-id={instance.id}
                data-region={instance.region}
                data-status={instance.status}
                data-role={instance.role}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} data-column={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
