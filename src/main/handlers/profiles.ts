import type { Handlers } from '../../shared/rpc';
import type { ProfileService } from '../profiles/profile-service';

export function profileHandlers(
  profiles: ProfileService,
): Pick<Handlers, 'profiles.list' | 'profiles.save' | 'profiles.delete'> {
  return {
    'profiles.list': () => profiles.list(),
    'profiles.save': (req) => profiles.save(req.id, req.fields, req.password, req.sshPassphrase),
    'profiles.delete': async (req) => ({ deleted: await profiles.delete(req.id) }),
  };
}
