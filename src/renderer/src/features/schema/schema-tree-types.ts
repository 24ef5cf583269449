import type { DdlKind, SchemaDatabase, SchemaObjects, TableDetail } from '@shared/models/schema';

export type RowKind =
  | 'database'
  | 'group'
  | 'table'
  | 'view'
  | 'routine'
  | 'trigger'
  | 'column'
  | 'index'
  | 'foreignKey'
  | 'status';

/** One visible line of the tree (the tree is flattened so the list can be virtualised). */
export interface TreeRow {
  key: string;
  depth: number;
  kind: RowKind;
  label: string;
  /** Dim text on the right: rows and size, a column's type, an index's columns. */
  meta?: string;
  /** The full story in a tooltip: default, comment, ON DELETE … */
  title?: string;
  expandable: boolean;
  expanded: boolean;
  database: string;
  /** The table, view, routine or trigger the row belongs to (for actions). */
  name?: string;
  ddlKind?: DdlKind;
  /** PRI, UNI, MUL on a column. */
  columnKey?: string;
  nullable?: boolean;
  system?: boolean;
  status?: 'loading' | 'error' | 'empty';
}

export type Loadable<T> =
  { status: 'pending' } | { status: 'error'; message: string } | { status: 'success'; data: T } | undefined;

export interface TreeInput {
  databases: SchemaDatabase[];
  objects: (database: string) => Loadable<SchemaObjects>;
  table: (database: string, table: string) => Loadable<TableDetail>;
  expanded: ReadonlySet<string>;
  filter: string;
}

export const keys = {
  database: (db: string) => JSON.stringify(['d', db]),
  group: (db: string, group: string) => JSON.stringify(['g', db, group]),
  table: (db: string, table: string) => JSON.stringify(['t', db, table]),
  tableGroup: (db: string, table: string, group: string) => JSON.stringify(['tg', db, table, group]),
};
