import { useCallback, useEffect, useState } from 'react';
import type { SessionStatus, SqlSession } from '@shared/models/sql';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';

export interface LiveSession {
  /** The session as last reported: autocommit, open transaction, current database. */
  session: SqlSession | null;
  /** Reconnecting after a dropped connection, back after one, or given up (null: nothing to tell). */
  notice: Pick<SessionStatus, 'status' | 'message' | 'attempt'> | null;
  dismissNotice: () => void;
  /** Switches autocommit, commits or rolls back; failures land in `commandError`. */
  command: (kind: 'autocommit-on' | 'autocommit-off' | 'commit' | 'rollback') => void;
  commandBusy: boolean;
  commandError: ApiError | null;
}

/**
 * The tab's session as the main process reports it through `sql.sessionStatus` (after a statement
 * changes autocommit, the transaction or the database, and while it reconnects), plus the session
 * commands of the toolbar.
 */
export function useLiveSession(opened: SqlSession | null): LiveSession {
  const api = useApi();
  const sessionId = opened?.sessionId ?? null;
  // Reports are kept with the session they belong to, so a reopened session starts from its own state.
  const [reported, setReported] = useState<{ sessionId: string; session: SqlSession } | null>(null);
  const [noticeOf, setNoticeOf] = useState<{ sessionId: string; notice: LiveSession['notice'] } | null>(null);
  const [errorOf, setErrorOf] = useState<{ sessionId: string; error: ApiError } | null>(null);
  const [commandBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!sessionId) return;
    return api.on('sql.sessionStatus', (status) => {
      if (status.sessionId !== sessionId) return;
      if (status.session) setReported({ sessionId, session: status.session });
      // A plain state change (status open, no message) is not news; a reconnect or its end is.
      if (status.status !== 'open' || status.message)
        setNoticeOf({
          sessionId,
          notice: { status: status.status, message: status.message, attempt: status.attempt },
        });
    });
  }, [api, sessionId]);

  const command = useCallback(
    (kind: 'autocommit-on' | 'autocommit-off' | 'commit' | 'rollback') => {
      if (!sessionId) return;
      setBusy(true);
      setErrorOf(null);
      const call =
        kind === 'commit'
          ? api.call('sql.commit', { sessionId })
          : kind === 'rollback'
            ? api.call('sql.rollback', { sessionId })
            : api.call('sql.setAutocommit', { sessionId, autocommit: kind === 'autocommit-on' });
      call
        .then(
          (session) => setReported({ sessionId, session }),
          (err: unknown) => setErrorOf({ sessionId, error: toApiError(err) }),
        )
        .finally(() => setBusy(false));
    },
    [api, sessionId],
  );

  const mine = <T extends { sessionId: string }>(value: T | null): T | null =>
    value && value.sessionId === sessionId ? value : null;
  return {
    session: mine(reported)?.session ?? opened,
    notice: mine(noticeOf)?.notice ?? null,
    dismissNotice: useCallback(() => setNoticeOf(null), []),
    command,
    commandBusy,
    commandError: mine(errorOf)?.error ?? null,
  };
}
