import type { NodeAccess } from '../../shared/models/replication';
import { drop, newMember, type Member } from './member';
import type { RdsPeer } from './rds-peer';
import { addressOf, peersOf, resolve } from './topology';

type AccessFor = (
  host: string,
  port: number,
  rdsInstanceId: string | null,
) => Promise<{ via: NodeAccess; label: string | null }>;

/**
 * Puts RDS's instances on the members: one found by its instance id or endpoint is labelled with
 * it; an instance SQL has not found yet becomes a member (grey while it has no endpoint).
 */
export async function placeRdsPeers(
  members: Member[],
  peers: RdsPeer[],
  accessFor: AccessFor,
): Promise<void> {
  for (const p of peers) {
    const address = p.host && p.port ? addressOf(p.host, p.port) : null;
    let m =
      members.find((member) => member.rdsInstanceId === p.id) ??
      (address ? members.find((member) => member.aliases.includes(address)) : undefined);
    if (!m) {
      const host = p.host ?? p.id;
      const port = p.port ?? 0;
      const { via } =
        port === 0 ? { via: { kind: 'none' } as NodeAccess } : await accessFor(host, port, p.id);
      m = newMember(host, port, via, 'rds', p.id);
      if (port === 0)
        m.error = { code: 'UNREACHABLE', message: `${p.id} has no endpoint yet (${p.status}).` };
      members.push(m);
    }
    if (address && p.host && p.port && m.via.kind === 'none' && !m.connectedOnce && !m.refused) {
      // Named by a server before RDS listed it: now RDS vouches for the instance at its endpoint.
      m.via = (await accessFor(p.host, p.port, p.id)).via;
      m.host = p.host;
      m.port = p.port;
      m.error = null;
    }
    if (address && !m.aliases.includes(address)) m.aliases.push(address);
    m.rdsInstanceId = p.id;
    m.rdsSourceId = p.sourceId;
    m.label = p.id;
    if (m.origin === 'peer') m.origin = 'rds';
  }
}

/** Two members that turn out to be one server (reached under two addresses) become the first. */
export function mergeDuplicates(members: Member[]): void {
  for (let i = 0; i < members.length; i++) {
    const keep = members[i];
    if (!keep?.connectedOnce || keep.serverId === null) continue;
    for (let j = members.length - 1; j > i; j--) {
      const other = members[j];
      if (!other || other.serverId !== keep.serverId || !other.connectedOnce) continue;
      absorb(keep, other);
      members.splice(j, 1);
    }
  }
}

/** Drops peers no reading names any more and that were never reached (a dump thread that ended). */
export function prune(members: Member[]): void {
  const named = new Set<Member>();
  for (const m of members) {
    if (!m.reading) continue;
    const { sources, replicas } = peersOf(m.reading);
    for (const ref of [...sources, ...replicas]) {
      const found = resolve(members, ref);
      if (found) named.add(found);
    }
  }
  for (let i = members.length - 1; i >= 0; i--) {
    const m = members[i];
    if (m && m.origin === 'peer' && !m.connectedOnce && !named.has(m)) {
      drop(m);
      members.splice(i, 1);
    }
  }
}

function absorb(keep: Member, other: Member): void {
  for (const alias of other.aliases) if (!keep.aliases.includes(alias)) keep.aliases.push(alias);
  keep.rdsInstanceId ??= other.rdsInstanceId;
  keep.rdsSourceId ??= other.rdsSourceId;
  // RDS names the node, whichever address reached it first.
  if (keep.rdsInstanceId) keep.label = keep.rdsInstanceId;
  if (!keep.reading && other.reading) {
    drop(keep);
    Object.assign(keep, {
      host: other.host,
      port: other.port,
      via: other.via,
      access: other.access,
      conn: other.conn,
      memo: other.memo,
      reading: other.reading,
      lastReading: other.lastReading,
      error: other.error,
      readMs: other.readMs,
    });
    other.conn = undefined;
  } else {
    drop(other);
  }
}
