/** A cell as it crosses the wire: BIGINT/DECIMAL/dates as strings, binary tagged, NULL as null. */
export type Cell = string | number | null | { $binary: string };

export interface ColumnMeta {
  name: string;
  /** The server's type name, e.g. `BIGINT`, `VARCHAR`, `DATETIME`. */
  type: string;
  /** Where the column comes from, when it is a plain table column (what table editing needs). */
  database?: string;
  table?: string;
  /** The column's name in its table (`name` may be an alias). */
  orgName?: string;
  nullable?: boolean;
  primaryKey?: boolean;
}

/**
 * A statement that returned rows. The rows live in the main process's result store; the answer carries
 * the first window and the renderer pulls the others with `sql.rows` as it scrolls. While `complete` is
 * false, rows keep arriving and `sql.resultProgress` events report the count.
 */
export interface RowsResult {
  kind: 'rows';
  resultId: string;
  columns: ColumnMeta[];
  /** The first rows (up to FIRST_WINDOW_ROWS). */
  rows: Cell[][];
  /** Rows stored so far. */
  rowCount: number;
  complete: boolean;
  /** The row limit the statement ran with; null = fetch all. */
  limit: number | null;
  /** True when reading stopped at `limit` and the server had more rows ("fetch all" re-runs it). */
  stoppedAtLimit: boolean;
  durationMs: number;
}

export interface OkResult {
  kind: 'ok';
  affectedRows: number;
  insertId: string | null;
  warningCount: number;
  info: string;
  durationMs: number;
}

export type QueryResult = RowsResult | OkResult;

/** How many rows `sql.run` answers with; later windows come from `sql.rows` (at most ROW_WINDOW_MAX). */
export const FIRST_WINDOW_ROWS = 500;
export const ROW_WINDOW_MAX = 2000;
/** Rows kept per result unless the user asks for all of them. */
export const DEFAULT_ROW_LIMIT = 10_000;

export interface ResultProgress {
  resultId: string;
  sessionId: string;
  rowCount: number;
  complete: boolean;
  stoppedAtLimit: boolean;
  /** Set when reading failed after the first window (the rows read so far stay). */
  error?: { code: string; message: string };
  durationMs: number;
}

export interface SqlSession {
  sessionId: string;
  profileId: string;
  serverVersion: string;
  /** The server's connection id (what KILL QUERY names). */
  connectionId?: number;
  readOnly?: boolean;
  autocommit?: boolean;
  /** True between a write in manual-commit mode (or START TRANSACTION) and COMMIT/ROLLBACK. */
  inTransaction?: boolean;
  /** The current default database (USE), null when none. */
  database?: string | null;
}

/** Pushed while a session reconnects after a dropped connection or a failover. */
export interface SessionStatus {
  sessionId: string;
  status: 'reconnecting' | 'open' | 'lost';
  message: string;
  attempt?: number;
  /** The session as it is now (autocommit, transaction, database, connection id). */
  session?: SqlSession;
}

export interface ConnectionTestResult {
  serverVersion: string;
  latencyMs: number;
  tls: boolean;
}
