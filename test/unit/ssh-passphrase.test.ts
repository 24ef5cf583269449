import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileService } from '../../src/main/profiles/profile-service';
import { ProfileStore } from '../../src/main/profiles/profile-store';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import { DEFAULT_PROFILE_FIELDS, type ProfileFields } from '../../src/shared/models/profile';

let dir: string;
let service: ProfileService;

const withKey: ProfileFields = {
  ...DEFAULT_PROFILE_FIELDS,
  name: 'bastion',
  ssh: { host: 'bastion', port: 22, user: 'u', auth: { kind: 'key', keyPath: '/keys/id' } },
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-ssh-pass-'));
  service = new ProfileService(new ProfileStore({ dataDir: dir }), createMemorySecretStore());
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SSH key passphrase', () => {
  it('is kept apart from the profile, like the password: undefined keeps, null clears, a string sets', async () => {
    const saved = await service.save(undefined, withKey, 'pw', 'secret phrase');
    expect(saved.hasSshPassphrase).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('secret phrase');
    expect((await service.credentials(saved.id)).sshPassphrase).toBe('secret phrase');

    await service.save(saved.id, withKey, undefined, undefined);
    expect(await service.sshPassphrase(saved.id)).toBe('secret phrase');
    expect(await service.password(saved.id)).toBe('pw');

    await service.save(saved.id, withKey, undefined, 'other');
    expect(await service.sshPassphrase(saved.id)).toBe('other');

    const cleared = await service.save(saved.id, withKey, undefined, null);
    expect(cleared.hasSshPassphrase).toBe(false);
    expect(await service.password(saved.id)).toBe('pw');
  });

  it('is dropped when the profile no longer uses a key file, and with the profile', async () => {
    const saved = await service.save(undefined, withKey, undefined, 'phrase');
    const agent = await service.save(
      saved.id,
      { ...withKey, ssh: { ...withKey.ssh!, auth: { kind: 'agent' } } },
      undefined,
      undefined,
    );
    expect(agent.hasSshPassphrase).toBe(false);

    const again = await service.save(saved.id, withKey, undefined, 'phrase');
    expect(again.hasSshPassphrase).toBe(true);
    await service.delete(saved.id);
    expect(await service.sshPassphrase(saved.id)).toBeUndefined();
  });

  it('survives a reload of the profiles file with the tunnel settings', async () => {
    const saved = await service.save(undefined, withKey, undefined, undefined);
    const reloaded = await new ProfileStore({ dataDir: dir }).list();
    expect(reloaded.find((p) => p.id === saved.id)?.ssh).toEqual(withKey.ssh);
  });
});
