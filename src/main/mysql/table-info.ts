import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { TableColumn, TableInfo } from '../../shared/models/table-edit';

const COLUMNS_SQL = `SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
  CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, COLUMN_KEY
  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`;

const KEY_SQL = `SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
  WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION`;

const TABLE_SQL = `SELECT TABLE_TYPE, TABLE_ROWS FROM information_schema.TABLES
  WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?`;

type Row = Record<string, string | number | null>;

function toColumn(row: Row, keys: Set<string>): TableColumn {
  const extra = String(row.EXTRA ?? '').toLowerCase();
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const name = String(row.COLUMN_NAME);
  return {
    name,
    columnType: String(row.COLUMN_TYPE),
    dataType: String(row.DATA_TYPE).toLowerCase(),
    nullable: row.IS_NULLABLE === 'YES',
    // MariaDB reports a NULL default as the text NULL, MySQL as SQL NULL.
    defaultValue:
      row.COLUMN_DEFAULT === null || row.COLUMN_DEFAULT === 'NULL' ? null : String(row.COLUMN_DEFAULT),
    autoIncrement: extra.includes('auto_increment'),
    generated: /virtual|stored|persistent/.test(extra) && !extra.includes('default_generated'),
    maxLength: num(row.CHARACTER_MAXIMUM_LENGTH),
    numericPrecision: num(row.NUMERIC_PRECISION),
    numericScale: num(row.NUMERIC_SCALE),
    primaryKey: keys.has(name),
  };
}

/** The table's columns and primary key, and whether (and why not) it can be edited. */
export async function readTableInfo(
  conn: Connection,
  database: string,
  table: string,
  profileReadOnly = false,
): Promise<TableInfo> {
  const db = conn.promise();
  const [tables] = await db.query(TABLE_SQL, [database, table]);
  const meta = (tables as Row[])[0];
  if (!meta) throw new AppError('NOT_FOUND', `Table ${database}.${table} does not exist.`);
  const [keyRows] = await db.query(KEY_SQL, [database, table]);
  const primaryKey = (keyRows as Row[]).map((r) => String(r.COLUMN_NAME));
  const [colRows] = await db.query(COLUMNS_SQL, [database, table]);
  const keys = new Set(primaryKey);
  const columns = (colRows as Row[]).map((r) => toColumn(r, keys));
  return {
    database,
    table,
    columns,
    primaryKey,
    readOnlyReason: readOnlyReason(String(meta.TABLE_TYPE), primaryKey, profileReadOnly),
    estimatedRows: meta.TABLE_ROWS === null ? null : Number(meta.TABLE_ROWS),
  };
}

function readOnlyReason(tableType: string, primaryKey: string[], profileReadOnly: boolean): string | null {
  if (profileReadOnly) return 'This connection profile is read-only.';
  if (tableType !== 'BASE TABLE') return 'Views and system tables are shown read-only.';
  if (primaryKey.length === 0)
    return 'This table has no primary key, so a changed row cannot be told apart from its twins. Add a primary key to edit it here.';
  return null;
}
