import type { Handlers } from '../../shared/rpc';
import type { ProfileService } from '../profiles/profile-service';
import type { SecretStore } from '../profiles/secret-store';

export function profileHandlers(
  profiles: ProfileService,
  secrets: Pick<SecretStore, 'loadWarning'>,
): Pick<Handlers, 'profiles.list' | 'profiles.save' | 'profiles.delete'> {
  return {
    'profiles.list': async () => {
      const listed = await profiles.list();
      // Read after listing, which is what reads the saved passwords (whether each profile has one).
      const secretsWarning = secrets.loadWarning;
      return secretsWarning ? { ...listed, secretsWarning } : listed;
    },
    'profiles.save': (req) => profiles.save(req.id, req.fields, req.password, req.sshPassphrase),
    'profiles.delete': async (req) => ({ deleted: await profiles.delete(req.id) }),
  };
}
