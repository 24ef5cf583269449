import type { Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import type { ProfileService } from '../profiles/profile-service';
import type { DbConnector } from './db-connector';

export interface ProfileConnectOptions {
  /**
   * Sends the profile's login, TLS and bastion to another address: a replication peer the user allowed
   * it for (see replication/peer-access.ts). The caller checks that permission, not this seam.
   */
  at?: { host: string; port: number };
}

/**
 * "Profile to connection": the one place stored credentials meet the connector. Built once in the
 * composition root and injected into every service that connects for a saved profile.
 */
export interface ProfileConnector {
  /** The profile's saved fields (no secret is read). */
  fields(profileId: string): Promise<ProfileFields>;
  /**
   * Opens a connection with the profile's credentials as they are now: read again on every call, so a
   * reconnect or a side connection uses a rotated secret or a fresh IAM token, never a stale one. The
   * caller ends the connection; `fields` are those it was opened with.
   */
  connect(
    profileId: string,
    opts?: ProfileConnectOptions,
  ): Promise<{ conn: Connection; fields: ProfileFields }>;
}

export function createProfileConnector(
  profiles: Pick<ProfileService, 'fields' | 'credentials'>,
  connector: Pick<DbConnector, 'open'>,
): ProfileConnector {
  return {
    fields: (profileId) => profiles.fields(profileId),
    async connect(profileId, opts = {}) {
      const { fields: saved, password, sshPassphrase } = await profiles.credentials(profileId);
      const { at } = opts;
      const fields = at ? { ...saved, host: at.host, port: at.port, name: `${at.host}:${at.port}` } : saved;
      return { conn: await connector.open(fields, password, sshPassphrase), fields };
    },
  };
}
