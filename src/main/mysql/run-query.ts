import type { Connection, FieldPacket, ResultSetHeader } from 'mysql2';
import type { Cell, ColumnMeta, QueryResult } from '../../shared/models/sql';
import { columnTypeName } from './column-types';

/** Rows kept per result until the windowed result store lands (issue 6); the rest are read and dropped. */
export const DEFAULT_ROW_LIMIT = 10_000;

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return { $binary: value.toString('base64') };
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  // Geometry and other structured values: shown as their JSON text.
  return JSON.stringify(value);
}

function toColumns(fields: FieldPacket[]): ColumnMeta[] {
  return fields.map((f) => ({ name: f.name, type: columnTypeName(f.columnType ?? f.type, f.characterSet) }));
}

/**
 * Runs one statement with the streaming row API, so memory stays bounded by `rowLimit` whatever the
 * server sends. User SQL goes through `query()`, never `execute()` (prepared statements would pile up).
 */
export function runQuery(conn: Connection, sql: string, rowLimit = DEFAULT_ROW_LIMIT): Promise<QueryResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let columns: ColumnMeta[] | undefined;
    const rows: Cell[][] = [];
    let rowCount = 0;
    let header: ResultSetHeader | undefined;
    const query = conn.query({ sql, rowsAsArray: true });
    // mysql2 also emits 'fields' with undefined for statements that return no rows.
    query.on('fields', (fields: FieldPacket[] | undefined) => {
      if (fields) columns = toColumns(fields);
    });
    query.on('result', (row: unknown) => {
      if (Array.isArray(row)) {
        rowCount += 1;
        if (rows.length < rowLimit) rows.push(row.map(toCell));
      } else {
        header = row as ResultSetHeader;
      }
    });
    query.on('error', reject);
    query.on('end', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      if (columns) {
        resolve({ kind: 'rows', columns, rows, rowCount, truncated: rowCount > rows.length, durationMs });
      } else {
        resolve({
          kind: 'ok',
          affectedRows: header?.affectedRows ?? 0,
          insertId: header?.insertId ? String(header.insertId) : null,
          warningCount: header?.warningStatus ?? 0,
          info: header?.info ?? '',
          durationMs,
        });
      }
    });
  });
}
