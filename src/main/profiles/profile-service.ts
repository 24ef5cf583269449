import type { ConnectionProfile, ProfileFields } from '../../shared/models/profile';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SecretStore } from './secret-store';

const passwordKey = (profileId: string): string => `profile:${profileId}:password`;

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
    password: string | null | undefined,
  ): Promise<ConnectionProfile> {
    const saved = await this.store.save(id, fields);
    if (password === null) await this.secrets.delete(passwordKey(saved.id));
    else if (password !== undefined) await this.secrets.set(passwordKey(saved.id), password);
    return this.toPublic(saved);
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    await this.secrets.delete(passwordKey(id));
    return deleted;
  }

  /** Fields and password of a stored profile, for the main process only. */
  async credentials(id: string): Promise<{ fields: ProfileFields; password: string | undefined }> {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = await this.store.get(id);
    return { fields, password: await this.secrets.get(passwordKey(id)) };
  }

  async password(id: string): Promise<string | undefined> {
    return this.secrets.get(passwordKey(id));
  }

  private async toPublic(p: StoredProfile): Promise<ConnectionProfile> {
    return { ...p, hasPassword: await this.secrets.has(passwordKey(p.id)) };
  }
}
