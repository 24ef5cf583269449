import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import { testConnection } from '../mysql/test-connection';
import type { ProfileService } from '../profiles/profile-service';

// A test without the secret fails with one of these; the user is asked for the secret instead.
const NEEDS_SECRET = new Set(['AUTH_FAILED', 'SSH_FAILED', 'CREDENTIALS_MISSING']);

export function connectionHandlers(
  profiles: ProfileService,
  connector: Pick<DbConnector, 'open'>,
): Pick<Handlers, 'connections.test'> {
  return {
    'connections.test': async (req) => {
      const { fields, password, sshPassphrase, withheld } = await profiles.credentialsForTest(req);
      try {
        return await testConnection(fields, () => connector.open(fields, password, sshPassphrase));
      } catch (err) {
        if (!withheld || !(err instanceof AppError) || !NEEDS_SECRET.has(err.code)) throw err;
        throw new AppError(err.code, withheld.message, {
          withheld: withheld.secret,
          changed: withheld.changed,
          cause: err.message,
        });
      }
    },
  };
}
