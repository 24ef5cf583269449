import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { NodeAccess } from '../../shared/models/replication';
import type { ProfileConnector } from '../connect/profile-connector';
import type { ProfileService } from '../profiles/profile-service';
import { peerAccess, sameAddress } from './peer-access';

export type PeerProfiles = Pick<ProfileService, 'list' | 'peerApprovals'>;

/** How a server found at `host:port` (RDS's `rdsId` when RDS listed it) is reached: see peer-access.ts. */
export async function accessFor(
  profiles: PeerProfiles,
  startProfileId: string,
  host: string,
  port: number,
  rdsInstanceId: string | null,
): Promise<{ via: NodeAccess; label: string | null }> {
  const [{ profiles: saved }, approvals] = await Promise.all([profiles.list(), profiles.peerApprovals()]);
  return peerAccess({ startProfileId, host, port, rdsInstanceId, profiles: saved, approvals });
}

/**
 * Opens a connection the way `via` says. A profile's own connection goes to the profile's address; a
 * peer reached with a profile's login goes to the peer's address with that login, TLS and bastion,
 * and an approval is checked again here, so a revoked one stops every later connect at once.
 */
export async function openPeer(
  profiles: PeerProfiles,
  connector: Pick<ProfileConnector, 'connect'>,
  via: NodeAccess,
  host: string,
  port: number,
): Promise<Connection> {
  if (via.kind === 'none') throw new AppError('UNREACHABLE', `No login for ${host}:${port}.`);
  const profileId = via.kind === 'profile' ? via.profileId : via.fromProfileId;
  if (via.kind === 'inherited' && via.grant === 'approved') {
    const approvals = await profiles.peerApprovals();
    if (!approvals.some((a) => a.profileId === profileId && sameAddress(a, host, port))) {
      throw new AppError('AUTH_FAILED', `The use of this login on ${host}:${port} was revoked.`);
    }
  }
  const at = via.kind === 'inherited' ? { host, port } : undefined;
  return (await connector.connect(profileId, { at })).conn;
}
