import type { Connection } from 'mysql2';
import type { CheckableTable } from '../../shared/models/replication';
import { queryArrays } from './node-query';

const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];

const TABLES_SQL = `SELECT t.TABLE_SCHEMA, t.TABLE_NAME, COALESCE(t.TABLE_ROWS, 0),
    EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
      WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
        AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')
  FROM information_schema.TABLES t
  WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})
  ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME`;

/** The primary's user tables with the server's row estimate; tables without a primary key cannot be chunked. */
export async function listCheckableTables(conn: Connection): Promise<CheckableTable[]> {
  const rows = await queryArrays(conn, TABLES_SQL, SYSTEM_SCHEMAS);
  return rows.map(([schema, table, estimate, hasKey]) => ({
    table: `${String(schema)}.${String(table)}`,
    estimatedRows: Number(estimate),
    unsupported: Number(hasKey) ? null : 'No primary key: the check compares tables chunk by chunk along it',
  }));
}
