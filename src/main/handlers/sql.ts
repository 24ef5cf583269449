import type { Handlers } from '../../shared/rpc';
import type { ProfileConnector } from '../connect/profile-connector';
import type { SqlSessionManager } from '../mysql/session-manager';

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
  sessions: SqlSessionManager,
  connector: ProfileConnector,
): Pick<Handlers, SqlChannels> {
  return {
    'sql.open': async (req) => {
      const fields = await connector.fields(req.profileId);
      // Every connection of the session (reconnect, KILL QUERY's side connection) is opened anew.
      const connect = async () => (await connector.connect(req.profileId)).conn;
      return sessions.open(req.profileId, fields, connect);
    },
    'sql.close': async (req) => ({ closed: await sessions.close(req.sessionId) }),
    'sql.run': (req) =>
      sessions.run(req.sessionId, req.sql, {
        rowLimit: req.rowLimit,
        confirmed: req.confirmed,
        resultId: req.resultId,
      }),
    'sql.rows': (req) =>
      sessions.results.rowsWindow(req.resultId, req.offset, req.limit, req.sort, req.filter),
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
