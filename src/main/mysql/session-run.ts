import type { Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import type { EventHub } from '../events';
import { killQuery } from './cancel-query';
import { mapMysqlError } from './map-error';
import type { ResultRegistry } from './result-store-registry';
import { runStatement, type RunningQuery, type RunOutcome } from './run-query';

export interface StoredRunOptions {
  sessionId: string;
  /** The id the result gets when the statement returns rows. */
  resultId: string;
  rowLimit: number | null;
  fields: ProfileFields;
  /** Opens a side connection (for KILL QUERY). */
  connect: () => Promise<Connection>;
  events: Pick<EventHub, 'emit'>;
  results: ResultRegistry;
  progressIntervalMs: number;
}

/**
 * One statement of a session into the result store, with its progress events: throttled counts while
 * reading, then one `complete` event (and the store marked finished) however reading ended.
 */
export function runIntoStore(
  conn: Connection,
  sql: string,
  opts: StoredRunOptions,
): { running: RunningQuery; settled: Promise<RunOutcome> } {
  const { sessionId, events, results } = opts;
  let resultId: string | undefined;
  let lastProgress = 0;
  const threadId = conn.threadId ?? 0;
  const running = runStatement(conn, sql, {
    rowLimit: opts.rowLimit,
    createStore: (columns) => {
      const created = results.create(sessionId, columns, opts.resultId);
      resultId = created.resultId;
      return created;
    },
    stopOnServer: () => killQuery(opts.connect, threadId),
    mapError: (err) => mapMysqlError(err, opts.fields),
    onProgress: (rowCount) => {
      const now = performance.now();
      if (now - lastProgress < opts.progressIntervalMs || !resultId) return;
      lastProgress = now;
      events.emit('sql.resultProgress', {
        resultId,
        sessionId,
        rowCount,
        complete: false,
        stoppedAtLimit: false,
        durationMs: 0,
      });
    },
  });
  const settled = running.done.then((outcome) => {
    if (!resultId) return outcome;
    const error = outcome.error
      ? { error: { code: outcome.error.code, message: outcome.error.message } }
      : {};
    const finished = { stoppedAtLimit: outcome.stoppedAtLimit, durationMs: outcome.durationMs, ...error };
    if (results.has(resultId)) results.get(resultId).finished = finished;
    events.emit('sql.resultProgress', {
      resultId,
      sessionId,
      rowCount: outcome.rowCount,
      complete: true,
      ...finished,
    });
    return outcome;
  });
  return { running, settled };
}
