import { setTimeout as delay } from 'node:timers/promises';
import type { Connection, FieldPacket } from 'mysql2';
import type { ExportSource } from '../../shared/models/export';
import type { Cell } from '../../shared/models/sql';
import { columnTypeName } from './column-types';
import type { ExportColumn } from './export-writers';
import { qualifiedName, quoteName } from './table-edit-sql';
import { toCell } from './table-rows';

const BATCH = 1000;
const WINDOW = 2000;
const STREAMING_POLL_MS = 50;

/** Rows of a stored result, a window at a time (the result store's `sql.rows`). */
export type ResultWindowReader = (
  resultId: string,
  offset: number,
  limit: number,
) => Promise<{ rows: Cell[][]; total: number; complete?: boolean }>;

export interface RowSource {
  columns: ExportColumn[];
  /** The table name SQL INSERTs are written for. */
  table: string;
  batches: AsyncIterable<Cell[][]>;
}

/**
 * Streams a statement's rows with backpressure (mysql2's stream pauses the socket while the file
 * catches up). Resolves once the columns are known, before the first row is read.
 */
export function streamStatement(conn: Connection, sql: string, table: string): Promise<RowSource> {
  return new Promise((resolve, reject) => {
    const query = conn.query({ sql, rowsAsArray: true });
    const stream = query.stream({ highWaterMark: BATCH });
    let settled = false;
    query.on('fields', (fields: FieldPacket[] | undefined) => {
      if (settled || !fields) return;
      settled = true;
      const columns = fields.map((f) => ({
        name: f.name,
        type: columnTypeName(f.columnType ?? f.type, f.characterSet),
      }));
      resolve({ columns, table, batches: batchesOf(stream) });
    });
    stream.once('error', (err) => {
      if (!settled) reject(err);
    });
    stream.once('end', () => {
      if (!settled) reject(new Error('The statement returned no rows to export.'));
    });
  });
}

async function* batchesOf(stream: AsyncIterable<unknown>): AsyncIterable<Cell[][]> {
  let batch: Cell[][] = [];
  for await (const row of stream) {
    batch.push((row as unknown[]).map(toCell));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function tableStatement(source: Extract<ExportSource, { kind: 'table' }>): string {
  return `SELECT * FROM ${qualifiedName(source)}`;
}

export async function useDatabase(conn: Connection, database: string | null | undefined): Promise<void> {
  if (database) await conn.promise().query(`USE ${quoteName(database)}`);
}

export function resultSource(
  source: Extract<ExportSource, { kind: 'result' }>,
  read: ResultWindowReader,
): RowSource {
  const tables = new Set(source.columns.map((c) => c.table).filter(Boolean));
  async function* batches(): AsyncIterable<Cell[][]> {
    for (let offset = 0; ;) {
      const { rows, total, complete } = await read(source.resultId, offset, WINDOW);
      if (rows.length > 0) {
        yield rows;
        offset += rows.length;
      }
      if (offset >= total && complete !== false) return;
      // The result is still streaming in: wait for more rows rather than stop short.
      if (rows.length === 0) await delay(STREAMING_POLL_MS);
    }
  }
  return {
    columns: source.columns.map((c) => ({ name: c.name, type: c.type })),
    table: tables.size === 1 ? [...tables][0]! : 'exported_rows',
    batches: batches(),
  };
}
