import type { Connection } from 'mysql2';
import type { HeartbeatSettings, MeasuredLag } from '../../shared/models/replication';
import { measureClockOffset, useUtc } from './clock-offset';
import {
  ensureHeartbeatTable,
  heartbeatTableExists,
  heartbeatTableSql,
  RDS_HEARTBEAT_READ,
} from './heartbeat-table';
import { startReplicaPoller, type ReplicaPoller } from './heartbeat-poller';
import { nextAlignedWrite } from './heartbeat-schedule';
import type { NodeConnector } from './node-connector';
import { endQuietly, errorText, openNode, queryScalar } from './node-query';
import { createTimerSet } from './timer-set';

export { heartbeatTableExists } from './heartbeat-table';

export interface HeartbeatOptions {
  settings: HeartbeatSettings;
  primaryKey: string;
  replicaKeys: () => string[];
  connect: NodeConnector;
  now?: () => number;
}

export interface HeartbeatRunner {
  /** Never rejects: a failure (missing table, no permission, unreachable primary) shows in `error`. */
  start(): Promise<void>;
  /** Ends every timer and connection; safe to call more than once. */
  stop(): Promise<void>;
  /** The measured lag of a replica; null for a node the heartbeat does not poll. */
  lag(nodeKey: string): MeasuredLag | null;
  readonly error: string | null;
}

const PRIMARY = 'primary';
/** The clocks drift apart slowly; measuring again now and then keeps the offset honest. */
const OFFSET_REFRESH_MS = 60_000;
/** How long replicas may lack the heartbeat table just created on the primary before it is an error. */
const TABLE_REPLICATION_GRACE_MS = 15_000;

const defaultNow = (): number => performance.timeOrigin + performance.now();

/**
 * The heartbeat of one monitor: in `table` mode it writes the primary's clock into
 * `<schema>.heartbeat` every interval; in `rds` mode RDS writes mysql.rds_heartbeat2. Each replica is
 * polled on its own connection, and the primary's clock offset against the app is measured and removed.
 */
export function createHeartbeat(opts: HeartbeatOptions): HeartbeatRunner {
  const now = opts.now ?? defaultNow;
  const { settings } = opts;
  const timers = createTimerSet();
  const errors = new Map<string, string>();
  const pollers = new Map<string, ReplicaPoller>();
  const source: MeasuredLag['source'] = settings.mode === 'rds' ? 'rds_heartbeat2' : 'heartbeat-table';
  const table = heartbeatTableSql(settings.schema);
  let primary: Connection | undefined;
  let primaryServerId = 0;
  let offsetMs = 0;
  let offsetAt = -Infinity;
  let tableReady = false;
  let stopped = false;
  let startedAt = 0;

  const setError = (key: string, message: string | null): void => {
    if (message === null) errors.delete(key);
    else errors.set(key, message);
  };

  /** Opens the primary's connection when needed and re-measures its clock offset when due. */
  const primaryReady = async (): Promise<Connection> => {
    if (!primary) {
      primary = await openNode(opts.connect, opts.primaryKey);
      await useUtc(primary);
      primaryServerId = Number(await queryScalar(primary, 'SELECT @@server_id'));
    }
    if (now() - offsetAt > OFFSET_REFRESH_MS) {
      offsetMs = await measureClockOffset(primary, now);
      offsetAt = now();
    }
    return primary;
  };

  const primaryFailed = (error: unknown): void => {
    setError(PRIMARY, `${opts.primaryKey}: ${errorText(error)}`);
    endQuietly(primary);
    primary = undefined;
  };

  const syncReplicas = (): void => {
    if (stopped) return;
    const wanted = new Set(opts.replicaKeys().filter((key) => key !== opts.primaryKey));
    for (const [key, poller] of pollers) {
      if (wanted.has(key)) continue;
      poller.stop();
      pollers.delete(key);
      setError(key, null);
    }
    for (const key of wanted) {
      if (pollers.has(key)) continue;
      pollers.set(
        key,
        startReplicaPoller({
          nodeKey: key,
          connect: opts.connect,
          now,
          timers,
          read:
            settings.mode === 'rds'
              ? { sql: RDS_HEARTBEAT_READ, values: () => [] }
              : { sql: table.read, values: () => [primaryServerId] },
          toPrimaryMs: settings.mode === 'rds' ? (raw) => raw : (raw) => raw / 1000,
          offsetMs: () => offsetMs,
          // RDS's writer keeps its own period, learned from the rows.
          periodMs: settings.mode === 'rds' ? null : settings.intervalMs,
          onError: setError,
          missingTableGraceUntil: settings.mode === 'rds' ? 0 : startedAt + TABLE_REPLICATION_GRACE_MS,
        }),
      );
    }
  };

  /** One beat: writes the row (table mode) or only keeps the offset fresh (rds mode), then the next. */
  const beat = async (): Promise<void> => {
    if (stopped) return;
    try {
      const conn = await primaryReady();
      if (settings.mode === 'table' && !stopped) {
        // Only when missing: a DDL event written mid-second would shift a delayed replica's apply
        // times for as long as its SQL thread never idles (see heartbeat-schedule.ts).
        if (!tableReady && !(await heartbeatTableExists(conn, settings.schema))) {
          await ensureHeartbeatTable(conn, settings.schema);
        }
        tableReady = true;
        await conn.promise().query(table.write, [primaryServerId]);
      }
      setError(PRIMARY, null);
    } catch (error) {
      if (!stopped) primaryFailed(error);
    }
    if (stopped) return;
    syncReplicas();
    const at = now();
    const next =
      settings.mode === 'table'
        ? nextAlignedWrite(at, offsetMs, settings.intervalMs)
        : at + settings.intervalMs;
    timers.after(next - at, () => void beat());
  };

  return {
    async start() {
      if (stopped || startedAt !== 0) return;
      startedAt = now();
      try {
        await primaryReady();
        setError(PRIMARY, null);
      } catch (error) {
        primaryFailed(error);
      }
      if (settings.mode === 'rds') return beat();
      // Even the first write lands just after a whole second, the next one that can (and the table
      // is created then, when missing).
      syncReplicas();
      const at = now();
      timers.after(nextAlignedWrite(at, offsetMs, 1000) - at, () => void beat());
    },
    async stop() {
      stopped = true;
      timers.clear();
      for (const poller of pollers.values()) poller.stop();
      pollers.clear();
      endQuietly(primary);
      primary = undefined;
    },
    lag(nodeKey) {
      const poller = pollers.get(nodeKey);
      if (!poller) return null;
      const sample = poller.lag(now());
      return {
        lagMs: sample ? Math.round(sample.lagMs * 10) / 10 : null,
        at: sample?.at != null ? new Date(sample.at).toISOString() : null,
        source,
      };
    },
    get error() {
      return errors.size === 0 ? null : [...errors.values()].join('; ');
    },
  };
}
