import mysql, { type Connection as CallbackConnection } from 'mysql2';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReplicationDelay } from '../src/lab/engine/replication';
import { measureClockOffset } from '../src/main/replication/clock-offset';
import { createHeartbeat } from '../src/main/replication/heartbeat';
import { ensureHeartbeatTable } from '../src/main/replication/heartbeat-table';
import type { NodeConnector } from '../src/main/replication/node-connector';
import { ReplicationMonitor } from '../src/main/replication/replication-monitor';
import type { DbEndpoint } from '../test/support/mariadb';
import { startMariaDbFleet, type MariaDbFleet } from '../test/support/mariadb-fleet';
import { recordMetric } from './support/bench-report';
import { summarize, timed } from './support/stats';

const SUITE = 'Replication (1 MariaDB primary + 5 replicas, local)';
const REFRESHES = 20;
const DELAY_SECONDS = 2;
const HEARTBEAT_SAMPLES = 12;
const HB_SCHEMA = 'rdx_bench';
/** What the monitor reads on each node (read-node.ts), run the plain way as the baseline. */
const STATUS_STATEMENTS = [
  "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('version', 'server_id', 'server_uuid', 'read_only', 'super_read_only', 'gtid_executed', 'gtid_binlog_pos', 'log_bin')",
  'SHOW ALL SLAVES STATUS',
  'SHOW SLAVE HOSTS',
  "SELECT HOST FROM information_schema.PROCESSLIST WHERE COMMAND IN ('Binlog Dump', 'Binlog Dump GTID')",
];

/** The heartbeat's default clock, so both measurements share it. */
const clock = (): number => performance.timeOrigin + performance.now();

function openCallback(endpoint: {
  host: string;
  port: number;
  user: string;
  password: string;
}): Promise<CallbackConnection> {
  const { host, port, user, password } = endpoint;
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection({ host, port, user, password });
    conn.connect((error) => (error ? reject(error) : resolve(conn)));
  });
}

function openPromise(endpoint: DbEndpoint): Promise<Connection> {
  const { host, port, user, password } = endpoint;
  return createConnection({ host, port, user, password });
}

describe(SUITE, () => {
  let fleet: MariaDbFleet;

  beforeAll(async () => {
    fleet = await startMariaDbFleet({ replicas: 5 });
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  it('refreshes the topology: the app against raw mysql2 running the same statements', async () => {
    const { password } = fleet.primary;
    const monitor = new ReplicationMonitor({
      id: 'bench',
      startProfileId: 'bench',
      start: { host: fleet.primary.host, port: fleet.primary.port, label: 'primary' },
      open: (_via, host, port) => openCallback({ host, port, user: 'root', password }),
      accessFor: async () => ({
        via: { kind: 'inherited', fromProfileId: 'bench', grant: 'approved' },
        label: null,
      }),
      lagThresholdSeconds: 5,
      heartbeat: { enabled: false, mode: 'table', schema: HB_SCHEMA, intervalMs: 1000 },
      nodeTimeoutMs: 5000,
      rdsRefreshMs: 60_000,
      now: () => new Date(),
    });
    const raw = await Promise.all([fleet.primary, ...fleet.replicas].map(openPromise));
    const rawRefresh = (): Promise<unknown> =>
      Promise.all(
        raw.map(async (conn) => {
          for (const sql of STATUS_STATEMENTS) await conn.query(sql);
        }),
      );
    try {
      // Discovery and connections first: the numbers are the steady refresh a user sees every few seconds.
      for (let i = 0; i < 3; i += 1) await monitor.refresh();
      const snapshot = await monitor.refresh();
      expect(snapshot.nodes.filter((n) => n.server !== null)).toHaveLength(6);
      await rawRefresh();
      const app: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < REFRESHES; i += 1) {
        app.push(await timed(() => monitor.refresh()));
        baseline.push(await timed(rawRefresh));
      }
      recordMetric({
        suite: SUITE,
        name: 'refresh of 1 primary + 5 replicas',
        unit: 'ms',
        better: 'lower',
        measured: summarize(app),
        baseline: { name: 'raw mysql2, same SHOW statements in parallel', ...summarize(baseline) },
        target: { value: 300, text: '< 300 ms' },
        note: `${REFRESHES} refreshes each, alternating, after 4 warm-up refreshes`,
      });
    } finally {
      await monitor.close();
      await Promise.all(raw.map((conn) => conn.end()));
    }
  });

  it(`measures a replica delayed by ${DELAY_SECONDS} s with the heartbeat`, async () => {
    const [replica] = fleet.replicas;
    if (!replica) throw new Error('no replica');
    const endpoints: Record<string, DbEndpoint> = { primary: fleet.primary, replica };
    const connect: NodeConnector = (key) => openCallback(endpoints[key] as DbEndpoint);
    const primary = await connect('primary');
    const admin = await openPromise(replica);
    const truthConn = await openPromise(replica);
    try {
      // The table exists before the delay starts: its DDL would otherwise shift the delayed apply times.
      await ensureHeartbeatTable(primary, HB_SCHEMA);
      const position = await openPromise(fleet.primary);
      const [[pos]] = await position.query<RowDataPacket[]>('SELECT @@gtid_binlog_pos AS p');
      await position.end();
      await admin.query('SELECT MASTER_GTID_WAIT(?, 30)', [pos?.p]);
      await setReplicationDelay(admin, DELAY_SECONDS);

      // Independent truth: the same row polled every ~1 ms, the primary's offset measured with many probes.
      const offset = await measureClockOffset(primary, clock, 41);
      const arrivals = new Map<number, number>();
      let polling = true;
      const truth = (async () => {
        let last = -1;
        let previous: number | null = null;
        while (polling) {
          const sent = clock();
          const [rows] = await truthConn.query<RowDataPacket[]>(
            `SELECT ts FROM ${HB_SCHEMA}.heartbeat WHERE server_id = 1`,
          );
          const mid = (sent + clock()) / 2;
          const ts = Number(rows[0]?.ts ?? -1);
          if (ts > last && previous !== null) arrivals.set(ts / 1000 - offset, (previous + mid) / 2);
          last = Math.max(last, ts);
          previous = mid;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();

      const heartbeat = createHeartbeat({
        settings: { enabled: true, mode: 'table', schema: HB_SCHEMA, intervalMs: 1000 },
        primaryKey: 'primary',
        replicaKeys: () => ['replica'],
        connect,
      });
      const samples = new Map<string, number>();
      await heartbeat.start();
      const deadline = Date.now() + 60_000;
      while (samples.size < HEARTBEAT_SAMPLES && Date.now() < deadline) {
        const lag = heartbeat.lag('replica');
        if (lag?.at && lag.lagMs !== null) samples.set(lag.at, lag.lagMs);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await heartbeat.stop();
      polling = false;
      await truth;
      expect(heartbeat.error).toBeNull();

      // Each heartbeat sample names its row by write time (arrival - lag); the truth has the same row.
      const errors: number[] = [];
      const lags = [...samples.entries()].map(([at, lagMs]) => ({ at: Date.parse(at), lagMs }));
      for (const { at, lagMs } of lags) {
        const written = at - lagMs;
        const row = [...arrivals.entries()].find(([w]) => Math.abs(w - written) < 300);
        if (row) errors.push(Math.abs(lagMs - (row[1] - row[0])));
      }
      expect(errors.length).toBeGreaterThan(HEARTBEAT_SAMPLES / 2);
      recordMetric({
        suite: SUITE,
        name: 'heartbeat lag error',
        unit: 'ms',
        better: 'lower',
        measured: summarize(errors),
        target: { value: 10, text: '< 10 ms' },
        note: `|heartbeat lag - lag seen by an independent 1 ms poll of the same rows|, ${errors.length} rows`,
      });
      recordMetric({
        suite: SUITE,
        name: `heartbeat lag, MASTER_DELAY=${DELAY_SECONDS}`,
        unit: 'ms',
        better: 'lower',
        measured: summarize(lags.map((l) => l.lagMs)),
        baseline: { name: 'configured delay', median: DELAY_SECONDS * 1000, p95: DELAY_SECONDS * 1000 },
        note: 'the delayed SQL thread adds the apply time of each row to the next (heartbeat-schedule.ts)',
      });
    } finally {
      await setReplicationDelay(admin, 0).catch(() => undefined);
      primary.destroy();
      await Promise.all([admin.end(), truthConn.end()]);
    }
  });
});
