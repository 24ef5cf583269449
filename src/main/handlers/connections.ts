import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import { testConnection } from '../mysql/test-connection';
import type { ProfileService } from '../profiles/profile-service';

export function connectionHandlers(
  profiles: ProfileService,
  connector: Pick<DbConnector, 'open'>,
): Pick<Handlers, 'connections.test'> {
  return {
    'connections.test': async (req) => {
      // An untouched password field on an existing profile means "use the saved one".
      const password =
        req.password === undefined && req.profileId
          ? await profiles.password(req.profileId)
          : (req.password ?? undefined);
      // Likewise a form that does not edit the credential source tests with the stored one.
      const stored =
        req.fields.credentials || !req.profileId ? undefined : await profiles.credentialSource(req.profileId);
      const fields = stored ? { ...req.fields, credentials: stored } : req.fields;
      const sshPassphrase =
        req.sshPassphrase === undefined && req.profileId
          ? await profiles.sshPassphrase(req.profileId)
          : (req.sshPassphrase ?? undefined);
      return testConnection(fields, () => connector.open(fields, password, sshPassphrase));
    },
  };
}
