import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import type { SqlSessionManager } from '../mysql/session-manager';
import type { ProfileService } from '../profiles/profile-service';

type SqlChannels =
  | 'sql.open'
  | 'sql.close'
  | 'sql.run'
  | 'sql.rows'
  | 'sql.closeResults'
  | 'sql.cancel'
  | 'sql.setAutocommit'
  | 'sql.commit'
  | 'sql.rollback';

export function sqlHandlers(
  profiles: ProfileService,
  sessions: SqlSessionManager,
  connector: Pick<DbConnector, 'open'>,
): Pick<Handlers, SqlChannels> {
  return {
    'sql.open': async (req) => {
      const { fields } = await profiles.credentials(req.profileId);
      // Credentials are read again for every connection (reconnect, KILL QUERY's side connection), so a
      // rotated secret or a fresh IAM token is used rather than a stale one.
      const connect = async () => {
        const current = await profiles.credentials(req.profileId);
        return connector.open(current.fields, current.password, current.sshPassphrase);
      };
      return sessions.open(req.profileId, fields, connect);
    },
    'sql.close': async (req) => ({ closed: await sessions.close(req.sessionId) }),
    'sql.run': (req) =>
      sessions.run(req.sessionId, req.sql, {
        rowLimit: req.rowLimit,
        confirmed: req.confirmed,
        resultId: req.resultId,
      }),
    'sql.rows': async (req) => {
      const { rows, total } = await sessions.rows(req.resultId, req.offset, req.limit, req.sort, req.filter);
      const finished = sessions.results.get(req.resultId).finished;
      return { rows, offset: req.offset, total, complete: finished !== undefined, ...finished };
    },
    'sql.closeResults': async (req) => {
      const closed = await Promise.all(req.resultIds.map((id) => sessions.results.close(id)));
      return { closed: closed.filter(Boolean).length };
    },
    'sql.cancel': (req) => sessions.cancel(req.sessionId),
    'sql.setAutocommit': (req) => sessions.setAutocommit(req.sessionId, req.autocommit),
    'sql.commit': (req) => sessions.commit(req.sessionId),
    'sql.rollback': (req) => sessions.rollback(req.sessionId),
  };
}
