import type { ColumnInfo } from '@shared/models/schema';
import { keys, type Loadable, type TreeInput, type TreeRow } from './schema-tree-types';

/** A table or view; `columnsOnly` shows just its matching columns (a filter matched them, not it). */
export function addTable(
  rows: TreeRow[],
  input: TreeInput,
  db: string,
  name: string,
  kind: 'table' | 'view',
  meta: string,
  comment: string,
  columnsOnly: boolean,
  match: (name: string) => boolean,
): void {
  const key = keys.table(db, name);
  const expanded = columnsOnly || input.expanded.has(key);
  rows.push({
    key,
    depth: 2,
    kind,
    label: name,
    meta,
    title: comment || undefined,
    expandable: true,
    expanded,
    database: db,
    name,
    ddlKind: kind,
  });
  if (!expanded) return;
  const loaded = input.table(db, name);
  if (loaded?.status !== 'success') {
    rows.push(statusRow(key, 3, db, loaded));
    return;
  }
  const detail = loaded.data;
  const columns = columnsOnly ? detail.columns.filter((c) => match(c.name)) : detail.columns;
  for (const c of columns) rows.push(columnRow(db, name, c));
  if (columnsOnly) return;
  const sub = (id: string, label: string, count: number): boolean => {
    if (count === 0) return false;
    const subKey = keys.tableGroup(db, name, id);
    const open = input.expanded.has(subKey);
    rows.push({
      key: subKey,
      depth: 3,
      kind: 'group',
      label,
      meta: String(count),
      expandable: true,
      expanded: open,
      database: db,
      name,
    });
    return open;
  };
  if (sub('indexes', 'Indexes', detail.indexes.length)) {
    for (const i of detail.indexes) {
      rows.push({
        key: JSON.stringify(['i', db, name, i.name]),
        depth: 4,
        kind: 'index',
        label: i.name,
        meta: `${i.unique ? 'unique · ' : ''}${i.columns.join(', ')}`,
        title: `${i.type} index on (${i.columns.join(', ')})`,
        expandable: false,
        expanded: false,
        database: db,
        name,
        columnKey: i.primary ? 'PRI' : i.unique ? 'UNI' : 'MUL',
      });
    }
  }
  if (sub('foreignKeys', 'Foreign keys', detail.foreignKeys.length)) {
    for (const fk of detail.foreignKeys) {
      const target = `${fk.referencedDatabase === db ? '' : `${fk.referencedDatabase}.`}${fk.referencedTable}`;
      rows.push({
        key: JSON.stringify(['f', db, name, fk.name]),
        depth: 4,
        kind: 'foreignKey',
        label: fk.name,
        meta: `${fk.columns.join(', ')} → ${target}(${fk.referencedColumns.join(', ')})`,
        title: `ON UPDATE ${fk.onUpdate} · ON DELETE ${fk.onDelete}`,
        expandable: false,
        expanded: false,
        database: db,
        name,
      });
    }
  }
  if (sub('triggers', 'Triggers', detail.triggers.length)) {
    for (const t of detail.triggers) rows.push(triggerRow(db, t.name, `${t.timing} ${t.event}`, 4));
  }
}

function columnRow(db: string, table: string, c: ColumnInfo): TreeRow {
  const title = [
    `${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`,
    c.default !== null ? `DEFAULT ${c.default}` : '',
    c.extra,
    c.comment ? `— ${c.comment}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    key: JSON.stringify(['c', db, table, c.name]),
    depth: 3,
    kind: 'column',
    label: c.name,
    meta: `${c.type}${c.nullable ? ' · null' : ''}${c.default !== null ? ` = ${c.default}` : ''}`,
    title,
    expandable: false,
    expanded: false,
    database: db,
    name: table,
    columnKey: c.key,
    nullable: c.nullable,
  };
}

export function triggerRow(db: string, name: string, meta: string, depth: number): TreeRow {
  return {
    key: JSON.stringify(['tr', db, name, depth]),
    depth,
    kind: 'trigger',
    label: name,
    meta,
    expandable: false,
    expanded: false,
    database: db,
    name,
    ddlKind: 'trigger',
  };
}

export function emptyRow(parent: string, depth: number, db: string): TreeRow {
  return {
    key: `${parent}:empty`,
    depth,
    kind: 'status',
    label: '',
    expandable: false,
    expanded: false,
    database: db,
    status: 'empty',
  };
}

export function statusRow(parent: string, depth: number, db: string, loaded: Loadable<unknown>): TreeRow {
  const failed = loaded?.status === 'error';
  return {
    key: `${parent}:status`,
    depth,
    kind: 'status',
    label: failed ? loaded.message : 'Loading…',
    expandable: false,
    expanded: false,
    database: db,
    status: failed ? 'error' : 'loading',
  };
}
