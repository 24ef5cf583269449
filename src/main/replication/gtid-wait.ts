import type { Connection } from 'mysql2';
import type { ServerFlavor } from '../../shared/models/replication';
import { queryScalar } from './node-query';

export async function serverFlavor(conn: Connection): Promise<ServerFlavor> {
  const version = String(await queryScalar(conn, 'SELECT VERSION()'));
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/** What the primary has written: MariaDB's @@gtid_binlog_pos, MySQL's @@gtid_executed ('' without GTIDs). */
export async function gtidPosition(conn: Connection, flavor: ServerFlavor): Promise<string> {
  const sql = flavor === 'mariadb' ? 'SELECT @@GLOBAL.gtid_binlog_pos' : 'SELECT @@GLOBAL.gtid_executed';
  return String((await queryScalar(conn, sql)) ?? '').trim();
}

/**
 * Blocks until the replica has applied `position` or the timeout passes; true when it got there.
 * MariaDB's MASTER_GTID_WAIT answers 0 or -1 on timeout; MySQL's WAIT_FOR_EXECUTED_GTID_SET 0 or 1.
 */
export async function waitForPosition(
  conn: Connection,
  flavor: ServerFlavor,
  position: string,
  timeoutSeconds: number,
): Promise<boolean> {
  const sql =
    flavor === 'mariadb' ? 'SELECT MASTER_GTID_WAIT(?, ?)' : 'SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)';
  return Number(await queryScalar(conn, sql, [position, timeoutSeconds])) === 0;
}
