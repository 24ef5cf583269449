import type { Cell } from './sql';

/** A column of a table as the table editor and the CSV import need it (from information_schema). */
export interface TableColumn {
  name: string;
  /** The full column type, e.g. `varchar(40)`, `int(10) unsigned`, `enum('a','b')`. */
  columnType: string;
  /** The bare type name in lower case, e.g. `varchar`, `int`, `datetime`. */
  dataType: string;
  nullable: boolean;
  /** The default as information_schema shows it; null when there is none (or it is NULL). */
  defaultValue: string | null;
  autoIncrement: boolean;
  /** Generated (virtual or stored) columns cannot be written. */
  generated: boolean;
  /** Characters for text types, bytes for binary ones; null for other types. */
  maxLength: number | null;
  numericPrecision: number | null;
  numericScale: number | null;
  primaryKey: boolean;
}

export interface TableInfo {
  database: string;
  table: string;
  columns: TableColumn[];
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Set when the table cannot be edited, saying why (no primary key, a view, a read-only profile). */
  readOnlyReason: string | null;
  estimatedRows: number | null;
}

/** Values by column name. */
export type RowValues = Record<string, Cell>;

/**
 * One pending change. `original` is the whole row as it was loaded: updates and deletes are keyed by the
 * primary key and checked against it, so a row changed by someone else in between is never overwritten.
 */
export type RowEdit =
  | { kind: 'update'; original: RowValues; changes: RowValues }
  | { kind: 'insert'; values: RowValues }
  | { kind: 'delete'; original: RowValues };

export interface EditStatement {
  /** Index of the edit in the request. */
  index: number;
  sql: string;
}

export interface EditPreview {
  statements: EditStatement[];
}

export interface ApplyEditsResult {
  applied: number;
  /** Rows changed by each statement, in order. */
  affected: number[];
}

/** A page of a table's rows, ordered by its primary key when it has one. */
export interface TableRowsPage {
  columns: string[];
  rows: Cell[][];
  offset: number;
  /** True when there are rows after this page. */
  more: boolean;
}
