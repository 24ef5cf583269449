import type { Connection } from 'mysql2';
import type { NodeConnector } from './node-connector';

/**
 * Options for every query of the heartbeat and the check: exact text for dates, BIGINT and DECIMAL,
 * so key values round-trip unchanged when passed back as parameters and cells show as the server has them.
 */
const EXACT = {
  rowsAsArray: true,
  dateStrings: true,
  supportBigNumbers: true,
  bigNumberStrings: true,
} as const;

/** Runs one statement and returns its rows as arrays. */
export async function queryArrays(
  conn: Connection,
  sql: string,
  values: unknown[] = [],
): Promise<unknown[][]> {
  const [rows] = await conn.promise().query({ sql, values, ...EXACT });
  return Array.isArray(rows) ? (rows as unknown[][]) : [];
}

/** The first column of the first row, or undefined when there is no row. */
export async function queryScalar(conn: Connection, sql: string, values: unknown[] = []): Promise<unknown> {
  const rows = await queryArrays(conn, sql, values);
  return rows[0]?.[0];
}

/** A cell as text for the user (NULL stays null, binary as hex). */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Ends a connection without waiting on a server that may be gone. */
export function endQuietly(conn: Connection | undefined): void {
  if (!conn) return;
  try {
    conn.end(() => conn.destroy());
  } catch {
    conn.destroy();
  }
}

/**
 * Opens a connection through the monitor's connector. An 'error' event with no listener would crash
 * the process when a server drops an idle connection; the next query fails instead and says why.
 */
export async function openNode(connect: NodeConnector, nodeKey: string): Promise<Connection> {
  const conn = await connect(nodeKey);
  conn.on('error', () => undefined);
  return conn;
}

/** The server's message of a mysql2 error, else the error's text. */
export function errorText(error: unknown): string {
  const e = error as { sqlMessage?: string; message?: string } | null;
  return e?.sqlMessage ?? e?.message ?? String(error);
}

/** The server's error number of a mysql2 error (1146 = no such table), else undefined. */
export function errorNumber(error: unknown): number | undefined {
  const errno = (error as { errno?: unknown } | null)?.errno;
  return typeof errno === 'number' ? errno : undefined;
}
