import type { Connection } from 'mysql2';
import { queryScalar } from './node-query';
import { quoteIdent } from './sql-names';

/** The table `table` mode writes on the primary, one row per primary (several can share a schema). */
export const HEARTBEAT_TABLE = 'heartbeat';

export function heartbeatTableSql(schema: string) {
  const table = `${quoteIdent(schema)}.${quoteIdent(HEARTBEAT_TABLE)}`;
  return {
    createSchema: `CREATE DATABASE IF NOT EXISTS ${quoteIdent(schema)}`,
    createTable: `CREATE TABLE IF NOT EXISTS ${table} (
      server_id INT UNSIGNED NOT NULL PRIMARY KEY,
      ts BIGINT NOT NULL COMMENT 'primary clock at the write, microseconds since the epoch'
    )`,
    // The server id is a literal, not @@server_id, so statement-based replication replays the same row;
    // NOW(6) is replicated with the statement's timestamp and the session runs in UTC.
    write: `REPLACE INTO ${table} (server_id, ts) VALUES (?, UNIX_TIMESTAMP(NOW(6)) * 1000000)`,
    read: `SELECT ts FROM ${table} WHERE server_id = ?`,
  };
}

/** RDS MySQL writes this row on the primary (value = ms since the epoch on the primary's clock). */
export const RDS_HEARTBEAT_READ = 'SELECT MAX(value) FROM mysql.rds_heartbeat2';

/** Whether `schema`.heartbeat exists (the caller asks for consent before creating it). */
export async function heartbeatTableExists(conn: Connection, schema: string): Promise<boolean> {
  const count = await queryScalar(
    conn,
    'SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [schema, HEARTBEAT_TABLE],
  );
  return Number(count) > 0;
}

/** Creates the schema and table when missing (writes on the primary: only with the user's consent). */
export async function ensureHeartbeatTable(conn: Connection, schema: string): Promise<void> {
  const sql = heartbeatTableSql(schema);
  await conn.promise().query(sql.createSchema);
  await conn.promise().query(sql.createTable);
}
