import type { Connection } from 'mysql2';
import { queryArrays } from './node-query';
import { sqlLiteral } from './sql-literal';
import type { TableName } from './sql-names';

export interface TableShape {
  columns: { name: string; dataType: string }[];
  /** The primary key's columns in key order; empty when the table has none. */
  keyColumns: string[];
}

// Names as literals no sql_mode misreads (a table may be named `it's\`), not `?` placeholders.
const COLUMNS_SQL = (schema: string, table: string): string => `SELECT COLUMN_NAME, DATA_TYPE
  FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = ${schema} AND TABLE_NAME = ${table} ORDER BY ORDINAL_POSITION`;
const PRIMARY_KEY_SQL = (schema: string, table: string): string => `SELECT COLUMN_NAME
  FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = ${schema} AND TABLE_NAME = ${table} AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX`;

/** The table's columns and primary key as the server describes them; throws when it does not exist. */
export async function readTableShape(conn: Connection, name: TableName): Promise<TableShape> {
  const [schema, table] = [sqlLiteral(name.schema), sqlLiteral(name.table)];
  const [columns, keys] = [
    await queryArrays(conn, COLUMNS_SQL(schema, table)),
    await queryArrays(conn, PRIMARY_KEY_SQL(schema, table)),
  ];
  if (columns.length === 0) throw new Error(`Table ${name.schema}.${name.table} does not exist`);
  return {
    columns: columns.map(([column, type]) => ({
      name: String(column),
      dataType: String(type).toLowerCase(),
    })),
    keyColumns: keys.map(([column]) => String(column)),
  };
}
