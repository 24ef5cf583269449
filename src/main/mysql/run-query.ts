import type { Connection, FieldPacket, ResultSetHeader } from 'mysql2';
import { AppError } from '../../shared/errors';
import { FIRST_WINDOW_ROWS, type Cell, type ColumnMeta, type QueryResult } from '../../shared/models/sql';
import { columnTypeName } from './column-types';
import type { ResultStore } from './result-store';

/** How a run ended, once every row is stored (or reading stopped). */
export interface RunOutcome {
  rowCount: number;
  stoppedAtLimit: boolean;
  error?: AppError;
  /** The OK packet of a statement without rows (transaction flags live in its serverStatus). */
  header?: ResultSetHeader;
  durationMs: number;
}

export interface RunOptions {
  /** null = every row. */
  rowLimit: number | null;
  /** A store for the result's rows, made once the columns are known. */
  createStore(columns: ColumnMeta[]): { resultId: string; store: ResultStore };
  /** Stops the statement on the server (KILL QUERY over a side connection). */
  stopOnServer(): Promise<void>;
  /** Turns a driver error into the user's error. */
  mapError(err: unknown): AppError;
  /** Counts while reading, throttled by the caller. */
  onProgress(rowCount: number): void;
}

export interface RunningQuery {
  /** Settles with the first window (or the whole answer, for statements without rows). */
  first: Promise<QueryResult>;
  /** Settles when reading is over; never rejects. */
  done: Promise<RunOutcome>;
  /** The user's cancel: the statement ends with CANCELLED, the rows read so far stay. */
  cancel(): Promise<void>;
  /** Ends the run with `err` (the connection died: mysql2 then tells the connection, not the query). */
  abort(err: AppError): void;
}

const ER_QUERY_INTERRUPTED = 1317;
// MariaDB answers a KILL QUERY with 1927 on some paths ("Connection was killed") for the query only.
const INTERRUPTED_ERRNOS = new Set([ER_QUERY_INTERRUPTED, 3024]);

function toColumns(fields: FieldPacket[]): ColumnMeta[] {
  return fields.map((f) => {
    const meta: ColumnMeta = { name: f.name, type: columnTypeName(f.columnType ?? f.type, f.characterSet) };
    if (f.table) {
      meta.table = f.orgTable || f.table;
      if (f.db) meta.database = f.db;
      if (f.orgName) meta.orgName = f.orgName;
    }
    const flags = typeof f.flags === 'number' ? f.flags : 0;
    if (f.table) {
      meta.nullable = (flags & 1) === 0; // NOT_NULL_FLAG
      meta.primaryKey = (flags & 2) !== 0; // PRI_KEY_FLAG
    }
    return meta;
  });
}

/** In place: only binary (and rare structured) values need converting, so most rows pass as they are. */
function toCells(row: unknown[]): Cell[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || typeof v === 'string' || typeof v === 'number') continue;
    if (v === undefined) row[i] = null;
    else if (Buffer.isBuffer(v)) row[i] = { $binary: v.toString('base64') };
    else if (typeof v === 'bigint' || typeof v === 'boolean') row[i] = String(v);
    else row[i] = JSON.stringify(v); // geometry and other structured values: their JSON text
  }
  return row as Cell[];
}

const elapsed = (since: number): number => Math.round((performance.now() - since) * 10) / 10;

/**
 * Runs one statement with mysql2's streaming API into a result store: the answer comes with the first
 * window, reading goes on behind it with backpressure (the socket pauses while the spool catches up).
 * At the row limit the rest is cancelled on the server, not read and dropped. User SQL goes through
 * `query()`, never `execute()` (prepared statements would pile up on the server).
 */
export function runStatement(conn: Connection, sql: string, opts: RunOptions): RunningQuery {
  const started = performance.now();
  let columns: ColumnMeta[] | undefined;
  let stored: { resultId: string; store: ResultStore } | undefined;
  let header: ResultSetHeader | undefined;
  let stoppedAtLimit = false;
  let cancelled = false;
  let stopping: Promise<void> | undefined;
  let answered = false;
  let paused = false;
  let resolveFirst!: (r: QueryResult) => void;
  let rejectFirst!: (e: AppError) => void;
  const first = new Promise<QueryResult>((res, rej) => {
    resolveFirst = res;
    rejectFirst = rej;
  });

  const answerRows = (complete: boolean): void => {
    if (answered || !stored || !columns) return;
    answered = true;
    const { resultId, store } = stored;
    store.window(0, FIRST_WINDOW_ROWS).then(({ rows }) =>
      resolveFirst({
        kind: 'rows',
        resultId,
        columns: columns!,
        rows,
        rowCount: store.rowCount,
        complete,
        limit: opts.rowLimit,
        stoppedAtLimit,
        durationMs: elapsed(started),
      }),
    );
  };

  const stop = (): Promise<void> => {
    stopping ??= opts.stopOnServer().catch(() => undefined);
    return stopping;
  };

  let finish!: () => void;
  let failure: AppError | undefined;
  const done = new Promise<RunOutcome>((resolveDone) => {
    let finished = false;
    finish = () => {
      if (finished) return;
      finished = true;
      void (async () => {
        await stopping;
        if (cancelled && !failure) failure = new AppError('CANCELLED', 'Query cancelled');
        if (stored) await stored.store.finish().catch(() => undefined);
        const outcome: RunOutcome = {
          rowCount: stored?.store.rowCount ?? 0,
          stoppedAtLimit,
          error: failure,
          header,
          durationMs: elapsed(started),
        };
        if (!answered && failure) {
          answered = true;
          rejectFirst(failure);
        } else if (stored) {
          answerRows(true);
        } else if (!answered) {
          answered = true;
          resolveFirst({
            kind: 'ok',
            affectedRows: header?.affectedRows ?? 0,
            insertId: header?.insertId ? String(header.insertId) : null,
            warningCount: header?.warningStatus ?? 0,
            info: header?.info ?? '',
            durationMs: outcome.durationMs,
          });
        }
        resolveDone(outcome);
      })();
    };
    const query = conn.query({ sql, rowsAsArray: true });
    // mysql2 emits 'fields' with undefined for statements that return no rows; only the first result
    // set of a CALL is kept.
    query.on('fields', (fields: FieldPacket[] | undefined) => {
      if (!fields || columns) return;
      columns = toColumns(fields);
      stored = opts.createStore(columns);
    });
    query.on('result', (row: unknown, index?: number) => {
      if (!Array.isArray(row)) {
        header ??= row as ResultSetHeader;
        return;
      }
      if (!stored || (index ?? 0) > 0 || stopping) return;
      const { store } = stored;
      if (opts.rowLimit !== null && store.rowCount >= opts.rowLimit) {
        stoppedAtLimit = true;
        void stop();
        return;
      }
      store.append(toCells(row));
      if (store.rowCount === FIRST_WINDOW_ROWS) answerRows(false);
      if (store.busy && !paused) {
        paused = true;
        conn.pause();
        void store.drained().then(() => {
          paused = false;
          conn.resume();
        });
      }
      // Every 256 rows is plenty for a throttled count, and keeps the clock off the per-row path.
      if ((store.rowCount & 255) === 0) opts.onProgress(store.rowCount);
    });
    query.on('error', (err: unknown) => {
      const errno = (err as { errno?: number }).errno ?? 0;
      // The interruption we caused at the row limit is the expected end, not an error.
      if (stoppedAtLimit && !cancelled && INTERRUPTED_ERRNOS.has(errno)) return;
      failure =
        cancelled && !(err as { fatal?: boolean }).fatal
          ? new AppError('CANCELLED', 'Query cancelled')
          : opts.mapError(err);
    });
    query.on('end', () => finish());
  });

  return {
    first,
    done,
    cancel: async () => {
      cancelled = true;
      await stop();
    },
    abort: (err) => {
      failure ??= err;
      finish();
    },
  };
}
