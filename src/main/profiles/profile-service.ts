import type { RdsResourceRef } from '../../shared/models/aws';
import type { ConnectionProfile, CredentialSource, ProfileFields } from '../../shared/models/profile';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SecretStore } from './secret-store';

const passwordKey = (profileId: string): string => `profile:${profileId}:password`;
const sshPassphraseKey = (profileId: string): string => `profile:${profileId}:ssh-passphrase`;

/** `undefined` keeps the stored secret, `null` removes it, a string replaces it. */
type SecretChange = string | null | undefined;

/** Profiles as the renderer sees them (never a password), and the password kept apart in the secret store. */
export class ProfileService {
  constructor(
    private readonly store: ProfileStore,
    private readonly secrets: SecretStore,
  ) {}

  async list(): Promise<{ profiles: ConnectionProfile[]; warning?: string }> {
    const stored = await this.store.list();
    const profiles = await Promise.all(stored.map((p) => this.toPublic(p)));
    const warning = this.store.loadWarning;
    return warning ? { profiles, warning } : { profiles };
  }

  async save(
    id: string | undefined,
    fields: ProfileFields,
    password: SecretChange,
    sshPassphrase?: SecretChange,
  ): Promise<ConnectionProfile> {
    const saved = await this.store.save(id, fields);
    await this.change(passwordKey(saved.id), password);
    // A passphrase only means something beside a key file; drop it with the key so none lingers.
    const usesKey = fields.ssh?.auth.kind === 'key';
    await this.change(sshPassphraseKey(saved.id), usesKey ? sshPassphrase : null);
    return this.toPublic(saved);
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    await this.secrets.delete(passwordKey(id));
    await this.secrets.delete(sshPassphraseKey(id));
    return deleted;
  }

  /** The profile made for an RDS instance, created or refreshed (see ProfileStore.linkToRds). */
  async linkToRds(
    link: RdsResourceRef & { arn: string },
    create: ProfileFields,
    refresh: (existing: ProfileFields) => ProfileFields | undefined,
  ): Promise<ConnectionProfile> {
    return this.toPublic(await this.store.linkToRds(link, create, (existing) => refresh(fieldsOf(existing))));
  }

  /** Fields, password and SSH key passphrase of a stored profile, for the main process only. */
  async credentials(
    id: string,
  ): Promise<{ fields: ProfileFields; password: string | undefined; sshPassphrase: string | undefined }> {
    const fields = fieldsOf(await this.store.get(id));
    return {
      fields,
      password: await this.secrets.get(passwordKey(id)),
      sshPassphrase: await this.secrets.get(sshPassphraseKey(id)),
    };
  }

  async password(id: string): Promise<string | undefined> {
    return this.secrets.get(passwordKey(id));
  }

  async sshPassphrase(id: string): Promise<string | undefined> {
    return this.secrets.get(sshPassphraseKey(id));
  }

  /** A stored profile's credential source; undefined for a missing profile or one saved without. */
  async credentialSource(id: string): Promise<CredentialSource | undefined> {
    return (await this.store.list()).find((p) => p.id === id)?.credentials;
  }

  private async change(key: string, value: SecretChange): Promise<void> {
    if (value === null) await this.secrets.delete(key);
    else if (value !== undefined) await this.secrets.set(key, value);
  }

  private async toPublic(p: StoredProfile): Promise<ConnectionProfile> {
    return {
      ...p,
      hasPassword: await this.secrets.has(passwordKey(p.id)),
      hasSshPassphrase: await this.secrets.has(sshPassphraseKey(p.id)),
    };
  }
}

function fieldsOf(stored: StoredProfile): ProfileFields {
  const { id: _id, createdAt: _c, updatedAt: _u, rdsInstance: _r, ...fields } = stored;
  return fields;
}
