/** A cell as it crosses the wire: BIGINT/DECIMAL/dates as strings, binary tagged, NULL as null. */
export type Cell = string | number | null | { $binary: string };

export interface ColumnMeta {
  name: string;
  /** The server's type name, e.g. `BIGINT`, `VARCHAR`, `DATETIME`. */
  type: string;
}

export interface RowsResult {
  kind: 'rows';
  columns: ColumnMeta[];
  rows: Cell[][];
  rowCount: number;
  /** True when the server sent more rows than the result kept. */
  truncated: boolean;
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

export interface SqlSession {
  sessionId: string;
  profileId: string;
  serverVersion: string;
}

export interface ConnectionTestResult {
  serverVersion: string;
  latencyMs: number;
  tls: boolean;
}
