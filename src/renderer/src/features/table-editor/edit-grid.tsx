import { useState } from 'react';
import type { Cell } from '@shared/models/sql';
import type { TableColumn, TableInfo } from '@shared/models/table-edit';
import { CellEditor } from './cell-editor';
import { isBinary } from './input-check';
import { rowKey, rowValues, type PendingEdits } from './pending-edits';
import classes from './edit-grid.module.css';

const NUMERIC = /int|decimal|numeric|float|double|real|year/;

export interface EditGridProps {
  info: TableInfo;
  columns: string[];
  rows: Cell[][];
  pending: PendingEdits;
  readOnly: boolean;
  selected: string | null;
  onSelect: (key: string) => void;
  onEditCell: (row: Cell[], column: string, value: Cell) => void;
  onEditInsert: (id: number, column: string, value: Cell) => void;
}

function CellText({ value, inserted }: { value: Cell | undefined; inserted?: boolean }) {
  if (value === undefined) return inserted ? <span className={classes.default}>DEFAULT</span> : null;
  if (value === null) return <span className={classes.null}>NULL</span>;
  if (typeof value === 'object') return <span className={classes.null}>binary</span>;
  if (value === '') return <span className={classes.empty} aria-label="empty string" />;
  return <>{String(value)}</>;
}

/** The table's rows with pending changes drawn over them; double-click a cell to edit it. */
export function EditGrid(p: EditGridProps) {
  const [editing, setEditing] = useState<{ key: string; column: string } | null>(null);
  const columnsByName = new Map(p.info.columns.map((c) => [c.name, c]));
  const meta = p.columns.map((name) => columnsByName.get(name));
  const editable = (c: TableColumn | undefined): c is TableColumn =>
    !p.readOnly && !!c && !c.generated && !isBinary(c);

  const cell = (
    key: string,
    c: TableColumn | undefined,
    name: string,
    shown: Cell | undefined,
    edited: boolean,
    commit: (v: Cell) => void,
    inserted?: boolean,
  ) => {
    const isEditing = editing?.key === key && editing.column === name && c;
    return (
      <td
        key={name}
        className={`${classes.cell} ${isEditing ? classes.editingCell : ''}`}
        data-edited={edited || undefined}
        data-numeric={c && NUMERIC.test(c.dataType) ? true : undefined}
        data-column={name}
        title={typeof shown === 'string' && shown.length > 40 ? shown : undefined}
        onDoubleClick={() => editable(c) && setEditing({ key, column: name })}
      >
        {isEditing ? (
          <CellEditor
            column={c}
            value={shown}
            onCommit={(v) => {
              setEditing(null);
              commit(v);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <CellText value={shown} inserted={inserted} />
        )}
      </td>
    );
  };

  return (
    <div className={classes.scroll} data-testid="table-edit-grid">
      <table className={classes.table}>
        <thead>
          <tr>
            <th className={classes.gutter} aria-label="Row state" />
            {p.columns.map((name, i) => (
              <th key={name}>
                {meta[i]?.primaryKey && (
                  <span className={classes.keyMark} title="Primary key">
                    ⚷
                  </span>
                )}
                <span className={classes.colName}>{name}</span>
                <span className={classes.colType}>{meta[i]?.columnType ?? ''}</span>
              </th>
            ))}
            <th className={classes.filler} aria-hidden />
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => {
            const original = rowValues(p.columns, row);
            const key = rowKey(p.info.primaryKey, original);
            const update = p.pending.updates[key];
            const deleted = !!p.pending.deletes[key];
            const state = deleted ? 'deleted' : update ? 'edited' : undefined;
            return (
              <tr
                key={key}
                className={classes.row}
                data-state={state}
                data-selected={p.selected === key || undefined}
                onClick={() => p.onSelect(key)}
                data-testid="table-row"
              >
                <td className={classes.gutter}>{deleted ? '−' : update ? '●' : ''}</td>
                {p.columns.map((name, i) => {
                  const changed = update && name in update.changes;
                  const shown = changed ? update.changes[name] : row[i];
                  return cell(key, meta[i], name, shown, !!changed && !deleted, (v) =>
                    p.onEditCell(row, name, v),
                  );
                })}
                <td className={classes.filler} />
              </tr>
            );
          })}
          {p.pending.inserts.map((insert) => {
            const key = `new:${insert.id}`;
            return (
              <tr
                key={key}
                className={classes.row}
                data-state="inserted"
                data-selected={p.selected === key || undefined}
                onClick={() => p.onSelect(key)}
                data-testid="table-row-new"
              >
                <td className={classes.gutter}>+</td>
                {p.columns.map((name, i) =>
                  cell(
                    key,
                    meta[i],
                    name,
                    insert.values[name],
                    false,
                    (v) => p.onEditInsert(insert.id, name, v),
                    true,
                  ),
                )}
                <td className={classes.filler} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
