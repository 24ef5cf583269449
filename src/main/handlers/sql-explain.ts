import type { Handlers } from '../../shared/rpc';
import { explainStatement } from '../mysql/explain-run';
import { useDatabase } from '../mysql/export-sources';
import { withProfileConnection, type ProfileConnector } from '../mysql/table-connection';

export function sqlExplainHandlers(connect: ProfileConnector): Pick<Handlers, 'sql.explain'> {
  return {
    'sql.explain': (req) =>
      withProfileConnection(connect, req.profileId, async (conn) => {
        await useDatabase(conn, req.database);
        return explainStatement(conn, { sql: req.sql, analyze: req.analyze });
      }),
  };
}
