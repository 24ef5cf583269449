import type { Handlers } from '../../shared/rpc';
import { testConnection } from '../mysql/test-connection';
import type { ProfileService } from '../profiles/profile-service';

export function connectionHandlers(profiles: ProfileService): Pick<Handlers, 'connections.test'> {
  return {
    'connections.test': async (req) => {
      // An untouched password field on an existing profile means "use the saved one".
      const password =
        req.password === undefined && req.profileId
          ? await profiles.password(req.profileId)
          : (req.password ?? undefined);
      return testConnection(req.fields, password);
    },
  };
}
