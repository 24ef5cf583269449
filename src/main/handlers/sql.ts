import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import type { SqlSessionManager } from '../mysql/session-manager';
import type { ProfileService } from '../profiles/profile-service';

export function sqlHandlers(
  profiles: ProfileService,
  sessions: SqlSessionManager,
  connector: Pick<DbConnector, 'open'>,
): Pick<Handlers, 'sql.open' | 'sql.close' | 'sql.run'> {
  return {
    'sql.open': async (req) => {
      const { fields, password, sshPassphrase } = await profiles.credentials(req.profileId);
      return sessions.open(req.profileId, fields, () => connector.open(fields, password, sshPassphrase));
    },
    'sql.close': async (req) => ({ closed: await sessions.close(req.sessionId) }),
    'sql.run': (req) => sessions.run(req.sessionId, req.sql),
  };
}
