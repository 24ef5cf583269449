import { randomBytes } from 'node:crypto';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setReplicationDelay } from '../../src/lab/engine/replication';
import {
  createHeartbeat,
  heartbeatTableExists,
  type HeartbeatRunner,
} from '../../src/main/replication/heartbeat';
import type { HeartbeatSettings } from '../../src/shared/models/replication';
import { endpointConnector } from '../support/endpoint-connector';
import type { DbEndpoint } from '../support/harness';
import { waitUntil } from '../support/wait-until';

const harness = inject('harness');
const suffix = randomBytes(4).toString('hex');
const DELAY_SECONDS = 2;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the harness did not start ${what}`);
  return value;
}

function connect(endpoint: DbEndpoint): Promise<Connection> {
  const { host, port, user, password } = endpoint;
  return createConnection({ host, port, user, password });
}

async function openThreads(conn: Connection, ids: number[]): Promise<number> {
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID IN (?)',
    [ids],
  );
  return Number(rows[0]?.n);
}

describe('replication heartbeat on the harness pair', () => {
  const { primary: primaryEndpoint, replica: replicaEndpoint } = required(harness.mariadb, 'MariaDB');
  const schema = `hb_${suffix}`;
  const connector = endpointConnector({ primary: primaryEndpoint, replica: replicaEndpoint });
  let primary: Connection;
  let replica: Connection;
  let heartbeat: HeartbeatRunner | undefined;

  const settings = (mode: HeartbeatSettings['mode']): HeartbeatSettings => ({
    enabled: true,
    mode,
    schema,
    // Longer than the delay, so the replica's SQL thread idles between heartbeat rows: with a shorter
    // interval it reads each row right after committing the previous one, and every commit's time
    // (tens of ms on a busy disk) really adds to the lag of the rows after it (heartbeat-schedule.ts).
    intervalMs: (DELAY_SECONDS + 1) * 1000,
  });

  beforeAll(async () => {
    [primary, replica] = await Promise.all([connect(primaryEndpoint), connect(replicaEndpoint)]);
    await setReplicationDelay(replica, DELAY_SECONDS);
  });

  afterAll(async () => {
    await heartbeat?.stop();
    // Other test files share the pair: no delay, no leftover schema.
    await setReplicationDelay(replica, 0);
    await primary.query(`DROP DATABASE IF EXISTS ${schema}`);
    await Promise.all([primary.end(), replica.end()]);
  });

  it(`measures the lag of a replica delayed by ${DELAY_SECONDS} s within 100 ms`, async () => {
    heartbeat = createHeartbeat({
      settings: settings('table'),
      primaryKey: 'primary',
      replicaKeys: () => ['replica'],
      connect: connector.connect,
    });
    await heartbeat.start();
    expect(heartbeat.error).toBeNull();

    // Separate arrivals, each measured on its own.
    const samples = new Map<string, number>();
    await waitUntil(
      async () => {
        const lag = heartbeat?.lag('replica');
        if (lag?.at && lag.lagMs !== null) samples.set(lag.at, lag.lagMs);
        return samples.size >= 2 ? true : undefined;
      },
      { what: 'two heartbeat samples', timeoutMs: 30_000, intervalMs: 50 },
    );
    const lags = [...samples.values()];
    for (const lagMs of lags) {
      expect(Math.abs(lagMs - DELAY_SECONDS * 1000), `samples ${lags.join(', ')} ms`).toBeLessThan(100);
    }
    expect(heartbeat.lag('replica')?.source).toBe('heartbeat-table');
    expect(heartbeat.lag('primary')).toBeNull();
    expect(heartbeat.error).toBeNull();
    const check = await endpointConnector({ primary: primaryEndpoint }).connect('primary');
    try {
      expect(await heartbeatTableExists(check, schema)).toBe(true);
    } finally {
      check.destroy();
    }
  });

  it('closes every connection it opened when stopped, and stops twice without harm', async () => {
    const runner = required(heartbeat, 'the heartbeat');
    await runner.stop();
    await runner.stop();
    expect(runner.lag('replica')).toBeNull();
    // Thread ids are per server, so each server is asked about its own.
    const ids = (key: string): number[] =>
      connector.opened.filter((c) => c.nodeKey === key).map((c) => c.threadId);
    expect(ids('primary').length).toBeGreaterThanOrEqual(1);
    expect(ids('replica').length).toBeGreaterThanOrEqual(1);
    await waitUntil(
      async () =>
        (await openThreads(primary, ids('primary'))) + (await openThreads(replica, ids('replica'))) === 0
          ? true
          : undefined,
      {
        what: 'the heartbeat connections to close',
        timeoutMs: 5000,
      },
    );
  });

  it('reports a missing rds_heartbeat2 table as an error instead of failing', async () => {
    const runner = createHeartbeat({
      settings: settings('rds'),
      primaryKey: 'primary',
      replicaKeys: () => ['replica'],
      connect: connector.connect,
    });
    try {
      await runner.start();
      const error = await waitUntil(async () => runner.error ?? undefined, {
        what: 'the heartbeat error',
        timeoutMs: 5000,
      });
      expect(error).toMatch(/rds_heartbeat2/);
      expect(runner.lag('replica')).toEqual({ lagMs: null, at: null, source: 'rds_heartbeat2' });
    } finally {
      await runner.stop();
    }
  });

  it('measures the lag from mysql.rds_heartbeat2, written on the primary as RDS does', async () => {
    // RDS MySQL keeps one row whose value is the primary's clock in ms, rewritten by its own schedule.
    await primary.query(
      'CREATE TABLE IF NOT EXISTS mysql.rds_heartbeat2 (id INT NOT NULL PRIMARY KEY, value BIGINT)',
    );
    const write = () =>
      primary.query(
        'REPLACE INTO mysql.rds_heartbeat2 (id, value) VALUES (1, ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000))',
      );
    // MASTER_DELAY counts from the binlog event's whole-second timestamp, so a row written at x.3 s
    // really arrives 0.3 s early; written just after a whole second (this machine's clock is the
    // primary's), each row's true lag is the delay. Rows further apart than the delay, as above.
    let writer: NodeJS.Timeout | undefined;
    const writeEachSecond = () => {
      writer = setTimeout(
        () => {
          void write();
          writeEachSecond();
        },
        (DELAY_SECONDS + 1) * 1000 + 5 - (Date.now() % 1000),
      );
    };
    writeEachSecond();
    const runner = createHeartbeat({
      settings: settings('rds'),
      primaryKey: 'primary',
      replicaKeys: () => ['replica'],
      connect: connector.connect,
    });
    try {
      await runner.start();
      const samples = new Map<string, number>();
      await waitUntil(
        async () => {
          const lag = runner.lag('replica');
          if (lag?.at && lag.lagMs !== null) samples.set(lag.at, lag.lagMs);
          return samples.size >= 2 ? true : undefined;
        },
        { what: 'two rds_heartbeat2 samples', timeoutMs: 30_000, intervalMs: 50 },
      );
      const lags = [...samples.values()];
      for (const lagMs of lags) {
        expect(Math.abs(lagMs - DELAY_SECONDS * 1000), `samples ${lags.join(', ')} ms`).toBeLessThan(100);
      }
      expect(runner.lag('replica')?.source).toBe('rds_heartbeat2');
      expect(runner.error).toBeNull();
    } finally {
      clearTimeout(writer);
      await runner.stop();
      await primary.query('DROP TABLE IF EXISTS mysql.rds_heartbeat2');
    }
  });
});
