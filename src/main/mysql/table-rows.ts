import type { Connection, FieldPacket } from 'mysql2';
import type { Cell } from '../../shared/models/sql';
import type { TableInfo, TableRowsPage } from '../../shared/models/table-edit';
import { qualifiedName, quoteName } from './table-edit-sql';

/** A wire-safe cell (see models/sql.ts): binary tagged, NULL kept, structured values as JSON text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return { $binary: value.toString('base64') };
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One page of the table's rows, in primary-key order so pages stay stable while the user edits. */
export async function readTableRows(
  conn: Connection,
  info: TableInfo,
  offset: number,
  limit: number,
): Promise<TableRowsPage> {
  const order = info.primaryKey.length > 0 ? ` ORDER BY ${info.primaryKey.map(quoteName).join(', ')}` : '';
  const sql = `SELECT * FROM ${qualifiedName(info)}${order} LIMIT ${limit + 1} OFFSET ${offset}`;
  const [rows, fields] = await conn.promise().query({ sql, rowsAsArray: true });
  const all = (rows as unknown[][]).map((r) => r.map(toCell));
  return {
    columns: (fields as FieldPacket[]).map((f) => f.name),
    rows: all.slice(0, limit),
    offset,
    more: all.length > limit,
  };
}
