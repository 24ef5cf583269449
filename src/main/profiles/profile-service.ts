import type { RdsResourceRef } from '../../shared/models/aws';
import type { ConnectionProfile, ProfileFields } from '../../shared/models/profile';
import type { PeerApproval } from '../../shared/models/replication';
import { mergeStoredCredentials, type MergedCredentials, type SecretChange } from './credential-merge';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SecretStore } from './secret-store';

const passwordKey = (profileId: string): string => `profile:${profileId}:password`;
const sshPassphraseKey = (profileId: string): string => `profile:${profileId}:ssh-passphrase`;

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

  /** A stored profile's fields, without reading its secrets. */
  async fields(id: string): Promise<ProfileFields> {
    return fieldsOf(await this.store.get(id));
  }

  /** Fields, password and SSH key passphrase of a stored profile, for the main process only. */
  async credentials(
    id: string,
  ): Promise<{ fields: ProfileFields; password: string | undefined; sshPassphrase: string | undefined }> {
    return {
      fields: await this.fields(id),
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

  /**
   * What a connection test of an edited (or new) profile connects with: the stored secrets fill in
   * untouched fields only while the edit keeps the host, port, SSH bastion and credential source.
   */
  async credentialsForTest(edited: {
    profileId?: string;
    fields: ProfileFields;
    password?: SecretChange;
    sshPassphrase?: SecretChange;
  }): Promise<MergedCredentials> {
    const found = edited.profileId
      ? (await this.store.list()).find((p) => p.id === edited.profileId)
      : undefined;
    const stored = found && (await this.credentials(found.id));
    return mergeStoredCredentials(stored, {
      fields: edited.fields,
      password: edited.password,
      sshPassphrase: edited.sshPassphrase,
    });
  }

  /** Allows the profile's login on `host:port` from now on (a peer a replication topology found). */
  async approvePeer(profileId: string, host: string, port: number): Promise<void> {
    const at = new Date().toISOString();
    await this.store.updateApprovedPeers(profileId, (peers) =>
      peers.some((p) => samePeer(p, host, port)) ? [...peers] : [...peers, { host, port, approvedAt: at }],
    );
  }

  /** False when the profile (or that approval) does not exist. */
  async revokePeer(profileId: string, host: string, port: number): Promise<boolean> {
    const profile = (await this.store.list()).find((p) => p.id === profileId);
    if (!profile?.approvedPeers?.some((p) => samePeer(p, host, port))) return false;
    await this.store.updateApprovedPeers(profileId, (peers) => peers.filter((p) => !samePeer(p, host, port)));
    return true;
  }

  async peerApprovals(): Promise<PeerApproval[]> {
    return (await this.store.list()).flatMap((p) =>
      (p.approvedPeers ?? []).map((a) => ({ profileId: p.id, profileName: p.name, ...a })),
    );
  }

  private async change(key: string, value: SecretChange): Promise<void> {
    if (value === null) await this.secrets.delete(key);
    else if (value !== undefined) await this.secrets.set(key, value);
  }

  private async toPublic(stored: StoredProfile): Promise<ConnectionProfile> {
    const { approvedPeers: _approved, ...p } = stored;
    return {
      ...p,
      hasPassword: await this.secrets.has(passwordKey(p.id)),
      hasSshPassphrase: await this.secrets.has(sshPassphraseKey(p.id)),
    };
  }
}

function fieldsOf(stored: StoredProfile): ProfileFields {
  const { id: _id, createdAt: _c, updatedAt: _u, rdsInstance: _r, approvedPeers: _a, ...fields } = stored;
  return fields;
}

function samePeer(peer: { host: string; port: number }, host: string, port: number): boolean {
  return peer.host.toLowerCase() === host.toLowerCase() && peer.port === port;
}
