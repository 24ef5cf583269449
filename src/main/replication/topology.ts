import type {
  MeasuredLag,
  NodeAccess,
  ReplicationEdge,
  ReplicationNode,
} from '../../shared/models/replication';
import { nodeHealth, nodeRole } from './node-health';
import type { NodeReading } from './read-node';

/** One server the monitor knows of, as the pure topology functions see it. */
export interface MemberView {
  host: string;
  port: number;
  /** `host:port` addresses (lower case) this server is known under. */
  aliases: string[];
  /** From its own reading once connected, else from a source's or replica's report. */
  serverId: number | null;
  connectedOnce: boolean;
  access: NodeAccess;
  label: string;
  rdsInstanceId: string | null;
  /** The RDS instance this one replicates from, when RDS says so. */
  rdsSourceId: string | null;
  reading: NodeReading | null;
  /** The last successful reading: edges and roles of a node that went away stay drawn. */
  lastReading: NodeReading | null;
  error: { code: string; message: string } | null;
  measured: MeasuredLag | null;
  readMs: number | null;
}

/** A server some reading names: a channel's source, a listed replica, a dump thread's client. */
export interface PeerRef {
  host: string;
  port: number;
  serverId: number | null;
}

export function addressOf(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

export function nodeKey(m: Pick<MemberView, 'connectedOnce' | 'serverId' | 'host' | 'port'>): string {
  return m.connectedOnce && m.serverId !== null ? `sid:${m.serverId}` : `addr:${m.host}:${m.port}`;
}

/** RFC 2606 `.invalid` never resolves: the lab reports its hidden Multi-AZ standby under such a name. */
export function isHiddenHost(host: string): boolean {
  return /\.invalid\.?$/i.test(host);
}

/** The member a reference points at: same server id first, else the same address. */
export function resolve<M extends MemberView>(members: readonly M[], ref: PeerRef): M | undefined {
  if (ref.serverId !== null) {
    const byId = members.find((m) => m.serverId === ref.serverId);
    if (byId) return byId;
  }
  const address = addressOf(ref.host, ref.port);
  return members.find((m) => m.aliases.includes(address));
}

/** Upstream (each channel's source) and downstream (listed replicas, unlisted dump clients) peers. */
export function peersOf(reading: NodeReading): { sources: PeerRef[]; replicas: PeerRef[] } {
  const sources = reading.channels
    .filter((c) => c.sourceHost !== '' && c.sourcePort > 0)
    .map((c) => ({ host: c.sourceHost, port: c.sourcePort, serverId: c.sourceServerId }));
  const listed = reading.replicaHosts.filter((h) => h.host !== '' && !isHiddenHost(h.host) && h.port > 0);
  const replicas: PeerRef[] = listed.map((h) => ({
    host: h.host,
    port: h.port,
    serverId: h.serverId || null,
  }));
  // A replica without report_host shows only as a dump thread's client address. Every listed replica
  // (hidden ones too) has a dump thread, so only a surplus of dump threads can be such a replica.
  if (reading.dumpClients.length > reading.replicaHosts.length) {
    const listedHosts = new Set(listed.map((h) => h.host.toLowerCase()));
    for (const client of new Set(reading.dumpClients)) {
      if (client !== '' && !listedHosts.has(client.toLowerCase())) {
        replicas.push({ host: client, port: 0, serverId: null });
      }
    }
  }
  return { sources, replicas };
}

/** Peers named by the current readings that no member stands for yet. */
export function undiscoveredPeers(members: readonly MemberView[]): PeerRef[] {
  const found: PeerRef[] = [];
  for (const m of members) {
    if (!m.reading) continue;
    const { sources, replicas } = peersOf(m.reading);
    for (const ref of [...sources, ...replicas]) {
      if (!resolve(members, ref) && !resolve(found.map(asMember), ref)) found.push(ref);
    }
  }
  return found;
}

/** Nodes with health and role, and the source → replica edges, from what every member read. */
export function buildTopology(
  members: readonly MemberView[],
  thresholdSeconds: number,
): { nodes: ReplicationNode[]; edges: ReplicationEdge[] } {
  const edges: ReplicationEdge[] = [];
  const add = (from: MemberView | undefined, to: MemberView | undefined, channel: string): void => {
    if (!from || !to || from === to) return;
    const [f, t] = [nodeKey(from), nodeKey(to)];
    if (!edges.some((e) => e.from === f && e.to === t && (e.channel === channel || channel === ''))) {
      edges.push({ from: f, to: t, channel });
    }
  };
  for (const m of members) {
    const reading = m.reading ?? m.lastReading;
    for (const c of reading?.channels ?? []) {
      add(
        resolve(members, { host: c.sourceHost, port: c.sourcePort, serverId: c.sourceServerId }),
        m,
        c.channel,
      );
    }
  }
  for (const m of members) {
    if (!m.reading) continue;
    for (const ref of peersOf(m.reading).replicas) add(m, resolve(members, ref), '');
  }
  for (const m of members) {
    if (m.rdsSourceId)
      add(
        members.find((s) => s.rdsInstanceId === m.rdsSourceId),
        m,
        '',
      );
  }
  const nodes = members.map((m): ReplicationNode => {
    const key = nodeKey(m);
    const hasSource = edges.some((e) => e.to === key);
    const hasReplicas = edges.some((e) => e.from === key);
    const known = m.reading !== null || hasSource || hasReplicas;
    const { health, reason } = nodeHealth({
      channels: m.reading?.channels ?? null,
      error: m.error ?? m.reading?.statusError ?? null,
      measured: m.measured,
      thresholdSeconds,
    });
    return {
      key,
      label: m.label,
      host: m.host,
      port: m.port,
      access: m.access,
      rdsInstanceId: m.rdsInstanceId,
      role: known ? nodeRole(hasSource, hasReplicas) : null,
      health,
      healthReason: health === 'healthy' && !hasSource ? primaryReason(edges, key) : reason,
      server: m.reading?.server ?? null,
      channels: m.reading?.channels ?? [],
      measured: m.measured,
      error: m.error ?? m.reading?.statusError ?? null,
      readMs: m.readMs,
    };
  });
  return { nodes, edges };
}

function primaryReason(edges: readonly ReplicationEdge[], key: string): string {
  const n = edges.filter((e) => e.from === key).length;
  return n === 0 ? 'Running, no replicas' : `Running, ${n} ${n === 1 ? 'replica' : 'replicas'}`;
}

function asMember(ref: PeerRef): MemberView {
  return {
    host: ref.host,
    port: ref.port,
    aliases: [addressOf(ref.host, ref.port)],
    serverId: ref.serverId,
    connectedOnce: false,
    access: { kind: 'none' },
    label: '',
    rdsInstanceId: null,
    rdsSourceId: null,
    reading: null,
    lastReading: null,
    error: null,
    measured: null,
    readMs: null,
  };
}
