import type { Connection } from 'mysql2';
import type { SqlSession } from '../../shared/models/sql';

type ServerState = Pick<SqlSession, 'serverVersion' | 'connectionId' | 'database' | 'autocommit'>;

/** What the tab shows about its session, read from the server in one round trip. */
export async function readSessionState(conn: Connection): Promise<ServerState> {
  const [rows] = await conn
    .promise()
    .query({ sql: 'SELECT VERSION(), CONNECTION_ID(), DATABASE(), @@autocommit', rowsAsArray: true });
  const [version, id, database, autocommit] = ((rows as unknown[][])[0] ?? []) as unknown[];
  return {
    serverVersion: String(version ?? 'unknown'),
    connectionId: Number(id),
    database: database === null || database === undefined ? null : String(database),
    autocommit: Number(autocommit) === 1,
  };
}

const quoteIdentifier = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * Puts a new connection in the state the lost one had: READ ONLY for read-only profiles, the default
 * database, the autocommit setting. A transaction cannot be restored: the server rolled it back.
 */
export async function restoreSessionState(
  conn: Connection,
  info: SqlSession,
  readOnly: boolean,
): Promise<void> {
  const db = conn.promise();
  if (readOnly) await db.query('SET SESSION TRANSACTION READ ONLY');
  // The database may have been dropped meanwhile: then the session simply has none.
  if (info.database) await db.query(`USE ${quoteIdentifier(info.database)}`).catch(() => undefined);
  if (info.autocommit === false) await db.query('SET autocommit = 0');
}
