import type { NodeAccess, PeerApproval } from '../../shared/models/replication';

/** What the decision needs to know of a saved profile. */
export interface ProfileAddress {
  id: string;
  name: string;
  host: string;
  port: number;
  rdsInstance?: { id: string };
}

export interface PeerAccessInput {
  startProfileId: string;
  host: string;
  port: number;
  /** Set only when RDS itself lists the server in the start instance's topology (rds-topology.ts). */
  rdsInstanceId: string | null;
  profiles: readonly ProfileAddress[];
  approvals: readonly Pick<PeerApproval, 'profileId' | 'host' | 'port'>[];
}

/**
 * Which credentials a server found in a replication topology is logged into with. What a server
 * announces (a replica's report_host, a channel's Master_Host, a dump thread's client) is not proof of
 * anything: any user with REPLICATION SLAVE can register a replica pointing at a host of their own.
 * So a peer gets a login only from
 *  1. a saved profile for that address (or for that RDS instance, when RDS listed it): the user saved
 *     those credentials for that server;
 *  2. RDS listing it in the same topology (described with the same AWS account): the start profile's;
 *  3. the user's approval of that host:port for the start profile (another profile's login is used
 *     there only when the user picks it, see ReplicationService.approvePeer);
 * and otherwise none: it is shown and offered for connection.
 */
export function peerAccess(input: PeerAccessInput): { via: NodeAccess; label: string | null } {
  const { host, port, rdsInstanceId, startProfileId } = input;
  const match =
    (rdsInstanceId ? input.profiles.find((p) => p.rdsInstance?.id === rdsInstanceId) : undefined) ??
    input.profiles.find((p) => sameAddress(p, host, port));
  if (match) return { via: { kind: 'profile', profileId: match.id }, label: match.name };
  if (rdsInstanceId) {
    return { via: { kind: 'inherited', fromProfileId: startProfileId, grant: 'rds' }, label: null };
  }
  // Only the start profile's own approvals: a monitor never borrows another profile's login by itself.
  if (input.approvals.some((a) => a.profileId === startProfileId && sameAddress(a, host, port))) {
    return { via: { kind: 'inherited', fromProfileId: startProfileId, grant: 'approved' }, label: null };
  }
  return { via: { kind: 'none' }, label: null };
}

export function sameAddress(a: { host: string; port: number }, host: string, port: number): boolean {
  return a.host.toLowerCase() === host.toLowerCase() && a.port === port;
}
