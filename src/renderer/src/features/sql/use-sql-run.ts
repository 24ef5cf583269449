import { useCallback, useState } from 'react';
import { ApiError } from '@renderer/api/api-error';
import { useRunSql } from '@renderer/api/use-sql';
import type { ResultState } from '@renderer/features/results/results-panel';
import type { SessionState } from './use-sql-session';

/**
 * The tab's runs on its session. If the session dies while a statement runs, no answer will come:
 * the run is shown as failed with the reason, and Reconnect clears it. `runCount` counts finished
 * runs (interrupted ones included) so tests can wait for "the next result".
 */
export function useSqlRun(session: SessionState, markLost: (reason: string) => void) {
  const { mutate, reset, isPending, isError, isSuccess, data, error } = useRunSql();
  const [settled, setSettled] = useState(0);
  const sessionId = session.status === 'open' ? session.session.sessionId : null;
  const interrupted = isPending && session.status === 'lost';

  const run = useCallback(
    (sql: string) => {
      if (!sessionId || isPending || sql === '') return;
      mutate(
        { sessionId, sql },
        {
          // The server no longer knows this session (closed behind our back): offer Reconnect.
          onError: (err) => (err.code === 'NOT_FOUND' ? markLost(err.message) : undefined),
          onSettled: () => setSettled((n) => n + 1),
        },
      );
    },
    [sessionId, isPending, mutate, markLost],
  );

  /** Call before reopening the session: forgets a run that can no longer finish. */
  const forgetInterrupted = useCallback(() => {
    if (!interrupted) return;
    reset();
    setSettled((n) => n + 1);
  }, [interrupted, reset]);

  const state: ResultState = interrupted
    ? 'error'
    : isPending
      ? 'running'
      : isError
        ? 'error'
        : isSuccess
          ? 'done'
          : 'idle';
  const shownError =
    interrupted && session.status === 'lost'
      ? new ApiError({ name: 'ConnectionError', code: 'CONNECTION_LOST', message: session.reason })
      : error;

  return {
    run,
    forgetInterrupted,
    state,
    result: data,
    error: shownError,
    running: isPending && !interrupted,
    runCount: settled + (interrupted ? 1 : 0),
  };
}
