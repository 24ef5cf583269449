import { AppError } from '../../shared/errors';
import type {
  HeartbeatSettings,
  NodeAccess,
  ReplicationEdge,
  ReplicationNode,
  ReplicationSnapshot,
} from '../../shared/models/replication';
import { createHeartbeat, type HeartbeatRunner } from './heartbeat';
import { drop, newMember, refreshMember, type Member, type OpenVia } from './member';
import { mergeDuplicates, placeRdsPeers, prune } from './member-set';
import type { NodeConnector } from './node-connector';
import type { RdsPeer } from './rds-peer';
import { addressOf, buildTopology, nodeKey, undiscoveredPeers, type PeerRef } from './topology';

export interface MonitorOptions {
  id: string;
  startProfileId: string;
  start: { host: string; port: number; label: string };
  open: OpenVia;
  /** How a newly found server is reached (see peer-access.ts): often not at all until the user says so. */
  accessFor(
    host: string,
    port: number,
    rdsInstanceId: string | null,
  ): Promise<{ via: NodeAccess; label: string | null }>;
  /** The RDS topology (the instance, its sources and replicas) when the monitor was opened on one. */
  rds?: () => Promise<RdsPeer[]>;
  lagThresholdSeconds: number;
  heartbeat: HeartbeatSettings;
  nodeTimeoutMs: number;
  /** RDS is asked again at most this often (an AWS call per refresh would be slow and costly). */
  rdsRefreshMs: number;
  now(): Date;
}

// Each wave reads the peers the previous one found: up to the top source and down to the leaves.
const MAX_WAVES = 8;
const RDS_TIMEOUT_MS = 5000;

/** One topology being watched: a connection per server, read again (in parallel) on each refresh. */
export class ReplicationMonitor {
  readonly id: string;
  lagThresholdSeconds: number;
  private heartbeatSettings: HeartbeatSettings;
  private heartbeat: HeartbeatRunner | null = null;
  private readonly members: Member[];
  private inflight: Promise<ReplicationSnapshot> | undefined;
  private lastRdsAt = -Infinity;
  private rdsError: string | null = null;
  private topology: { nodes: ReplicationNode[]; edges: ReplicationEdge[] } = { nodes: [], edges: [] };
  private closed = false;

  constructor(private readonly opts: MonitorOptions) {
    this.id = opts.id;
    this.lagThresholdSeconds = opts.lagThresholdSeconds;
    this.heartbeatSettings = opts.heartbeat;
    const { host, port, label } = opts.start;
    this.members = [
      newMember(host, port, { kind: 'profile', profileId: opts.startProfileId }, 'start', label),
    ];
  }

  get startProfileId(): string {
    return this.opts.startProfileId;
  }

  get heartbeatConfig(): HeartbeatSettings {
    return this.heartbeatSettings;
  }

  /** Concurrent calls share one refresh. */
  refresh(): Promise<ReplicationSnapshot> {
    if (this.closed) return Promise.reject(new AppError('NOT_FOUND', 'This replication monitor is closed.'));
    this.inflight ??= this.readAll().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Opens a new connection to a node, for the heartbeat and the consistency check. */
  readonly connect: NodeConnector = async (key) => {
    const m = this.members.find((member) => nodeKey(member) === key);
    if (!m) throw new AppError('NOT_FOUND', `No node ${key} in this topology.`);
    if (m.port === 0 || m.via.kind === 'none' || m.refused) {
      throw new AppError(
        'UNREACHABLE',
        `${m.label} cannot be reached: ${m.error?.message ?? 'no login for it'}`,
      );
    }
    return this.opts.open(m.via, m.host, m.port);
  };

  /**
   * Connects a discovered node with a saved profile from now on. A peer known only by its client
   * address (no port) takes the profile's address.
   */
  attach(key: string, via: NodeAccess, label: string | null, address: { host: string; port: number }): void {
    const m = this.members.find((member) => nodeKey(member) === key);
    if (!m) throw new AppError('NOT_FOUND', `No node ${key} in this topology; refresh and try again.`);
    drop(m);
    m.via = via;
    m.refused = false;
    m.error = null;
    if (m.port === 0) {
      m.host = address.host;
      m.port = address.port;
      const alias = addressOf(address.host, address.port);
      if (!m.aliases.includes(alias)) m.aliases.push(alias);
    }
    if (m.origin === 'peer') m.origin = 'attached';
    if (label && !m.rdsInstanceId) m.label = label;
  }

  /** Where a node is, for an approval of that address; a peer known by no port cannot be approved. */
  peerAddress(key: string): { host: string; port: number } {
    const m = this.members.find((member) => nodeKey(member) === key);
    if (!m) throw new AppError('NOT_FOUND', `No node ${key} in this topology; refresh and try again.`);
    if (m.port === 0) {
      throw new AppError(
        'UNREACHABLE',
        `${m.host} reports no address to connect to; choose a saved connection for it instead.`,
      );
    }
    return { host: m.host, port: m.port };
  }

  /** A revoked approval: the nodes reached with it are disconnected and offered for connection again. */
  withdrawApproval(profileId: string, host: string, port: number): void {
    for (const m of this.members) {
      const { via } = m;
      if (via.kind !== 'inherited' || via.grant !== 'approved' || via.fromProfileId !== profileId) continue;
      if (m.host.toLowerCase() !== host.toLowerCase() || m.port !== port) continue;
      drop(m);
      m.via = { kind: 'none' };
      m.access = { kind: 'none' };
      m.error = null;
    }
  }

  /** The top source above the start node (the start itself when it replicates from nothing). */
  primaryKey(): string | null {
    const start = this.members.find((m) => m.origin === 'start');
    if (!start) return null;
    let key = nodeKey(start);
    const seen = new Set<string>();
    for (;;) {
      seen.add(key);
      const up = this.topology.edges.find((e) => e.to === key && !seen.has(e.from));
      if (!up) return key;
      key = up.from;
    }
  }

  /** Every node below the primary that has been reached once. */
  replicaKeys(): string[] {
    const top = this.primaryKey();
    if (!top) return [];
    const below = new Set<string>();
    const queue = [top];
    while (queue.length > 0) {
      const from = queue.shift();
      for (const e of this.topology.edges) {
        if (e.from === from && !below.has(e.to) && e.to !== top) {
          below.add(e.to);
          queue.push(e.to);
        }
      }
    }
    return [...below].filter((key) => this.members.some((m) => nodeKey(m) === key && m.connectedOnce));
  }

  /** Replaces the heartbeat (stopping the old one); it measures from the primary found by now. */
  async setHeartbeat(settings: HeartbeatSettings): Promise<void> {
    await this.heartbeat?.stop();
    this.heartbeat = null;
    this.heartbeatSettings = settings;
    const primaryKey = this.primaryKey();
    if (!settings.enabled || !primaryKey || this.closed) return;
    this.heartbeat = createHeartbeat({
      settings,
      primaryKey,
      replicaKeys: () => this.replicaKeys(),
      connect: this.connect,
    });
    await this.heartbeat.start();
  }

  /** The last refresh's picture, with the heartbeat's latest lags. */
  snapshot(refreshMs = 0): ReplicationSnapshot {
    for (const m of this.members) m.measured = this.heartbeat?.lag(nodeKey(m)) ?? null;
    this.topology = buildTopology(this.members, this.lagThresholdSeconds);
    return {
      monitorId: this.id,
      takenAt: this.opts.now().toISOString(),
      nodes: this.topology.nodes,
      edges: this.topology.edges,
      refreshMs: Math.round(refreshMs),
      lagThresholdSeconds: this.lagThresholdSeconds,
      heartbeat: {
        ...this.heartbeatSettings,
        error:
          this.heartbeat?.error ??
          (this.heartbeatSettings.enabled && !this.heartbeat
            ? 'No primary was found to measure from.'
            : null),
      },
      ...(this.rdsError ? { rdsError: this.rdsError } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.heartbeat?.stop();
    this.heartbeat = null;
    for (const m of this.members) {
      m.via = { kind: 'none' };
      drop(m);
      // A connect still under way ends as soon as it opens.
      void m.connecting?.then(
        () => drop(m),
        () => undefined,
      );
    }
  }

  private async readAll(): Promise<ReplicationSnapshot> {
    const started = performance.now();
    await this.syncRds();
    let wave: Member[] = [...this.members];
    for (let depth = 0; wave.length > 0 && depth < MAX_WAVES && !this.closed; depth++) {
      await Promise.all(wave.map((m) => refreshMember(m, this.opts.open, this.opts.nodeTimeoutMs)));
      mergeDuplicates(this.members);
      wave = await Promise.all(undiscoveredPeers(this.members).map((ref) => this.addPeer(ref)));
    }
    prune(this.members);
    return this.snapshot(performance.now() - started);
  }

  private async addPeer(ref: PeerRef): Promise<Member> {
    const { via, label } =
      ref.port === 0
        ? { via: { kind: 'none' } as NodeAccess, label: null }
        : await this.opts.accessFor(ref.host, ref.port, null);
    const m = newMember(ref.host, ref.port, via, 'peer', label ?? `${ref.host}:${ref.port || '?'}`);
    m.serverId = ref.serverId;
    this.members.push(m);
    return m;
  }

  private async syncRds(): Promise<void> {
    const describe = this.opts.rds;
    if (!describe || Date.now() - this.lastRdsAt < this.opts.rdsRefreshMs) return;
    let peers: RdsPeer[];
    // Asked again only after rdsRefreshMs, failed or not: AWS retries must not slow every refresh.
    this.lastRdsAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      peers = await Promise.race([
        describe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${RDS_TIMEOUT_MS / 1000} s`)),
            RDS_TIMEOUT_MS,
          );
        }),
      ]);
      this.rdsError = null;
    } catch (err) {
      this.rdsError = `The RDS topology could not be read: ${err instanceof Error ? err.message : String(err)}`;
      return;
    } finally {
      clearTimeout(timer);
    }
    await placeRdsPeers(this.members, peers, this.opts.accessFor);
  }
}
