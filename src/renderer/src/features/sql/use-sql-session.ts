import { useCallback, useEffect, useState } from 'react';
import type { SqlSession } from '@shared/models/sql';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { useCloseSql, useOpenSql } from '@renderer/api/use-sql';

export type SessionState =
  | { status: 'opening' }
  | { status: 'open'; session: SqlSession }
  | { status: 'failed'; error: ApiError }
  | { status: 'lost'; reason: string };

/**
 * The tab's own server session: opened on mount, closed on unmount (tab closed), reopened on demand.
 * A session that opens after the tab went away is closed at once, so none is left behind.
 */
export function useSqlSession(profileId: string) {
  const api = useApi();
  const { mutateAsync: open } = useOpenSql();
  const { mutate: close } = useCloseSql();
  const [state, setState] = useState<SessionState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let disposed = false;
    let current: SqlSession | null = null;
    open({ profileId }).then(
      (session) => {
        if (disposed) return close({ sessionId: session.sessionId });
        current = session;
        setState({ status: 'open', session });
      },
      (err: unknown) => {
        if (!disposed) setState({ status: 'failed', error: toApiError(err) });
      },
    );
    const off = api.on('sql.sessionClosed', ({ sessionId, reason }) => {
      if (current?.sessionId !== sessionId) return;
      current = null;
      setState({ status: 'lost', reason });
    });
    return () => {
      disposed = true;
      off();
      if (current) close({ sessionId: current.sessionId });
    };
  }, [api, open, close, profileId, attempt]);

  /** The server forgot the session (e.g. a NOT_FOUND on run): same screen as a pushed close. */
  const markLost = useCallback((reason: string) => setState({ status: 'lost', reason }), []);
  const reconnect = useCallback(() => {
    setState({ status: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reconnect, markLost };
}
