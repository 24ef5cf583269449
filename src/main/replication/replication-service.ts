import { randomUUID } from 'node:crypto';
import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type {
  CheckableTable,
  HeartbeatSettings,
  PeerApproval,
  ReplicationSnapshot,
} from '../../shared/models/replication';
import type { ProfileConnector } from '../connect/profile-connector';
import type { EventHub } from '../events';
import type { ProfileService } from '../profiles/profile-service';
import { listCheckableTables } from './checkable-tables';
import { CheckRuns } from './check-runs';
import type { HeartbeatConsent } from './heartbeat-consent';
import { HEARTBEAT_TABLE } from './heartbeat-table';
import { DEFAULT_LAG_THRESHOLD_SECONDS } from './node-health';
import { closeConnection } from './member';
import { queryScalar } from './node-query';
import { accessFor, openPeer } from './peer-login';
import type { RdsInstanceRef } from './rds-topology';
import type { RdsPeer } from './rds-peer';
import { ReplicationMonitor } from './replication-monitor';

export interface ReplicationServiceOptions {
  profiles: Pick<ProfileService, 'list' | 'peerApprovals' | 'approvePeer' | 'revokePeer'>;
  connector: ProfileConnector;
  /** Describes an RDS instance and its relatives (see rds-topology.ts). */
  rds?: (ref: RdsInstanceRef) => Promise<RdsPeer[]>;
  events: Pick<EventHub, 'emit'>;
  consent: Pick<HeartbeatConsent, 'has' | 'grant'>;
  /** Bound for connecting to and reading one node (default 3 s). */
  nodeTimeoutMs?: number;
  /** A monitor nobody refreshed for this long is closed (a view that went away without closing it). */
  idleMs?: number;
  rdsRefreshMs?: number;
  now?: () => Date;
  newId?: () => string;
}

export interface OpenRequest {
  profileId: string;
  rds?: RdsInstanceRef;
  lagThresholdSeconds?: number;
}

export interface ConfigureRequest {
  monitorId: string;
  lagThresholdSeconds?: number;
  heartbeat?: Partial<Omit<HeartbeatSettings, 'enabled'>> & { enabled: boolean; consent?: boolean };
}

export interface StartCheckRequest {
  monitorId: string;
  tables: string[];
  replicaKeys?: string[];
  chunkRows?: number;
  waitTimeoutSeconds?: number;
}

const DEFAULT_HEARTBEAT: HeartbeatSettings = {
  enabled: false,
  mode: 'table',
  schema: 'rdx_heartbeat',
  intervalMs: 1000,
};
const RDS_HEARTBEAT_PRESENT =
  "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'rds_heartbeat2'";

/** The replication monitors of the app: one per opened topology, each with its heartbeat and checks. */
export class ReplicationService {
  private readonly monitors = new Map<string, ReplicationMonitor>();
  private readonly checks: CheckRuns;
  private readonly lastUsed = new Map<string, number>();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly opts: ReplicationServiceOptions) {
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? randomUUID;
    this.checks = new CheckRuns((p) => opts.events.emit('replication.checkProgress', p), this.newId);
  }

  /** Starts watching the topology around a profile (and its RDS instance); answers with the first picture. */
  async open(req: OpenRequest): Promise<ReplicationSnapshot> {
    const fields = await this.opts.connector.fields(req.profileId);
    const rdsRef = req.rds;
    const describe = this.opts.rds;
    const monitor = new ReplicationMonitor({
      id: this.newId(),
      startProfileId: req.profileId,
      start: { host: fields.host, port: fields.port, label: fields.name },
      open: (via, host, port) => openPeer(this.opts.profiles, this.opts.connector, via, host, port),
      accessFor: (host, port, rdsId) => accessFor(this.opts.profiles, req.profileId, host, port, rdsId),
      rds: rdsRef && describe ? () => describe(rdsRef) : undefined,
      lagThresholdSeconds: req.lagThresholdSeconds ?? DEFAULT_LAG_THRESHOLD_SECONDS,
      heartbeat: DEFAULT_HEARTBEAT,
      nodeTimeoutMs: this.opts.nodeTimeoutMs ?? 3000,
      rdsRefreshMs: this.opts.rdsRefreshMs ?? 30_000,
      now: this.now,
    });
    this.monitors.set(monitor.id, monitor);
    this.touch(monitor.id);
    try {
      await monitor.refresh();
      // RDS MySQL writes mysql.rds_heartbeat2 by itself: reading it writes nothing, so it is on at once.
      if (await this.hasRdsHeartbeat(monitor)) {
        await monitor.setHeartbeat({ ...DEFAULT_HEARTBEAT, enabled: true, mode: 'rds' });
      }
      return monitor.snapshot();
    } catch (err) {
      await this.close(monitor.id);
      throw err;
    }
  }

  refresh(monitorId: string): Promise<ReplicationSnapshot> {
    return this.monitor(monitorId).refresh();
  }

  /** Closes the monitors no view refreshed within `idleMs` (their connections would linger). */
  async closeIdle(now = Date.now()): Promise<void> {
    const idleMs = this.opts.idleMs ?? 15 * 60_000;
    const idle = [...this.lastUsed].filter(([, at]) => now - at > idleMs).map(([id]) => id);
    await Promise.allSettled(idle.map((id) => this.close(id)));
  }

  async close(monitorId: string): Promise<boolean> {
    const monitor = this.monitors.get(monitorId);
    if (!monitor) return false;
    this.monitors.delete(monitorId);
    this.lastUsed.delete(monitorId);
    if (this.monitors.size === 0) this.stopSweeper();
    this.checks.cancelFor(monitorId);
    await monitor.close();
    return true;
  }

  async attachPeer(monitorId: string, nodeKey: string, profileId: string): Promise<ReplicationSnapshot> {
    const monitor = this.monitor(monitorId);
    const { profiles } = await this.opts.profiles.list();
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) throw new AppError('NOT_FOUND', `No connection profile with id ${profileId}`);
    monitor.attach(nodeKey, { kind: 'profile', profileId }, profile.name, profile);
    return monitor.refresh();
  }

  /**
   * "Use <profile>'s credentials on host:port": remembers the user's approval of the node's address
   * for that profile (kept with the profile, listed and revocable) and reads the node with it.
   */
  async approvePeer(monitorId: string, nodeKey: string, profileId: string): Promise<ReplicationSnapshot> {
    const monitor = this.monitor(monitorId);
    const { host, port } = monitor.peerAddress(nodeKey);
    await this.opts.profiles.approvePeer(profileId, host, port);
    monitor.attach(nodeKey, { kind: 'inherited', fromProfileId: profileId, grant: 'approved' }, null, {
      host,
      port,
    });
    return monitor.refresh();
  }

  approvals(): Promise<PeerApproval[]> {
    return this.opts.profiles.peerApprovals();
  }

  /** Forgets an approval; open monitors drop the connections made with it. */
  async revokeApproval(profileId: string, host: string, port: number): Promise<boolean> {
    const revoked = await this.opts.profiles.revokePeer(profileId, host, port);
    for (const monitor of this.monitors.values()) monitor.withdrawApproval(profileId, host, port);
    return revoked;
  }

  /** The lag threshold and the heartbeat; the `table` heartbeat writes, so it needs consent once. */
  async configure(req: ConfigureRequest): Promise<ReplicationSnapshot> {
    const monitor = this.monitor(req.monitorId);
    if (req.lagThresholdSeconds !== undefined) monitor.lagThresholdSeconds = req.lagThresholdSeconds;
    if (req.heartbeat) {
      const { consent, ...change } = req.heartbeat;
      const settings: HeartbeatSettings = { ...monitor.heartbeatConfig, ...change };
      if (settings.enabled && settings.mode === 'table') {
        await this.requireConsent(monitor, settings, consent === true);
      }
      await monitor.setHeartbeat(settings);
    }
    return monitor.snapshot();
  }

  async tables(monitorId: string): Promise<CheckableTable[]> {
    const monitor = this.monitor(monitorId);
    return this.withPrimary(monitor, (conn) => listCheckableTables(conn));
  }

  /** Starts a consistency check in the background; its progress goes out as events. */
  async startCheck(req: StartCheckRequest): Promise<string> {
    return this.checks.start(this.monitor(req.monitorId), req);
  }

  cancelCheck(checkId: string): boolean {
    return this.checks.cancel(checkId);
  }

  async closeAll(): Promise<void> {
    this.stopSweeper();
    await Promise.allSettled([...this.monitors.keys()].map((id) => this.close(id)));
  }

  private monitor(monitorId: string): ReplicationMonitor {
    const monitor = this.monitors.get(monitorId);
    if (!monitor) {
      throw new AppError('NOT_FOUND', 'This replication view was closed; open the topology again.');
    }
    this.touch(monitorId);
    return monitor;
  }

  private touch(monitorId: string): void {
    this.lastUsed.set(monitorId, Date.now());
    if (this.sweeper) return;
    this.sweeper = setInterval(() => void this.closeIdle(), 60_000);
    this.sweeper.unref();
  }

  private stopSweeper(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private async requireConsent(
    monitor: ReplicationMonitor,
    settings: HeartbeatSettings,
    given: boolean,
  ): Promise<void> {
    if (await this.opts.consent.has(monitor.startProfileId)) return;
    if (given) return this.opts.consent.grant(monitor.startProfileId);
    const primary = monitor.snapshot().nodes.find((n) => n.key === monitor.primaryKey())?.label ?? 'primary';
    throw new AppError(
      'CONSENT_REQUIRED',
      `The heartbeat writes a row every ${settings.intervalMs} ms into ${settings.schema}.${HEARTBEAT_TABLE} on ${primary} (creating the schema and table if missing). Confirm to allow it.`,
      { schema: settings.schema, table: HEARTBEAT_TABLE, primary },
    );
  }

  private async hasRdsHeartbeat(monitor: ReplicationMonitor): Promise<boolean> {
    // Only a primary that was just read: a dead one would hold `open` up for the connect timeout.
    const primary = monitor.snapshot().nodes.find((n) => n.key === monitor.primaryKey());
    if (!primary?.server) return false;
    try {
      return await this.withPrimary(
        monitor,
        async (conn) => Number(await queryScalar(conn, RDS_HEARTBEAT_PRESENT)) > 0,
      );
    } catch {
      return false;
    }
  }

  private async withPrimary<T>(
    monitor: ReplicationMonitor,
    use: (conn: Connection) => Promise<T>,
  ): Promise<T> {
    const key = monitor.primaryKey();
    if (!key) throw new AppError('NOT_FOUND', 'No primary found in this topology.');
    const conn = await monitor.connect(key);
    try {
      return await use(conn);
    } finally {
      closeConnection(conn);
    }
  }
}
