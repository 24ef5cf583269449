import { randomBytes } from 'node:crypto';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listCheckableTables } from '../../src/main/replication/checkable-tables';
import { runConsistencyCheck } from '../../src/main/replication/consistency-check';
import type { ConsistencyProgress, TableCheckResult } from '../../src/shared/models/replication';
import { endpointConnector } from '../support/endpoint-connector';
import type { DbEndpoint } from '../support/harness';
import { waitUntil } from '../support/wait-until';

const harness = inject('harness');
const suffix = randomBytes(4).toString('hex');

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the harness did not start ${what}`);
  return value;
}

function connectAdmin(endpoint: DbEndpoint): Promise<Connection> {
  const { host, port, user, password } = endpoint;
  return createConnection({ host, port, user, password });
}

async function caughtUp(primary: Connection, replica: Connection): Promise<void> {
  const [[pos]] = await primary.query<RowDataPacket[]>('SELECT @@gtid_binlog_pos AS value');
  const [[wait]] = await replica.query<RowDataPacket[]>('SELECT MASTER_GTID_WAIT(?, 30) AS value', [
    pos?.value,
  ]);
  expect(wait?.value).toBe(0);
}

describe('consistency check on the harness pair', () => {
  const { primary: primaryEndpoint, replica: replicaEndpoint } = required(harness.mariadb, 'MariaDB');
  const db = `cc_${suffix}`;
  const connector = endpointConnector({ primary: primaryEndpoint, replica: replicaEndpoint });
  let primary: Connection;
  let replica: Connection;

  const check = (tables: string[], extra: { signal?: AbortSignal; waitTimeoutSeconds?: number } = {}) => {
    const events: ConsistencyProgress[] = [];
    const done = runConsistencyCheck({
      checkId: `check-${suffix}`,
      tables: tables.map((t) => `${db}.${t}`),
      primaryKey: 'primary',
      replicaKeys: ['replica'],
      connect: connector.connect,
      chunkRows: 250,
      signal: extra.signal ?? new AbortController().signal,
      waitTimeoutSeconds: extra.waitTimeoutSeconds,
      onProgress: (p) => events.push(p),
    });
    return { done, events };
  };
  const resultOf = (progress: ConsistencyProgress, table: string): TableCheckResult =>
    required(
      progress.results.find((r) => r.table === `${db}.${table}`),
      `a result for ${table}`,
    );

  beforeAll(async () => {
    [primary, replica] = await Promise.all([connectAdmin(primaryEndpoint), connectAdmin(replicaEndpoint)]);
    await primary.query(`CREATE DATABASE ${db}`);
    await primary.query(
      `CREATE TABLE ${db}.items (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, qty INT NULL, note TEXT NULL)`,
    );
    await primary.query(
      `INSERT INTO ${db}.items SELECT seq, CONCAT('item ', seq), seq % 7, IF(seq % 3 = 0, NULL, 'n') FROM ${db}.seq_1_to_3000`,
    );
    await primary.query(`CREATE TABLE ${db}.same (id INT PRIMARY KEY, v VARCHAR(20))`);
    await primary.query(`INSERT INTO ${db}.same SELECT seq, CONCAT('v', seq) FROM ${db}.seq_1_to_600`);
    await primary.query(
      `CREATE TABLE ${db}.pairs (a INT NOT NULL, b VARCHAR(10) NOT NULL, v INT, PRIMARY KEY (a, b))`,
    );
    await primary.query(
      `INSERT INTO ${db}.pairs SELECT s1.seq, CONCAT('b', s2.seq), s1.seq * s2.seq FROM ${db}.seq_1_to_100 s1, ${db}.seq_1_to_8 s2`,
    );
    await primary.query(`CREATE TABLE ${db}.loose (x INT)`);
    await primary.query(`INSERT INTO ${db}.loose VALUES (1), (2)`);
    await caughtUp(primary, replica);

    // Drift made directly on the replica, kept out of its binlog (root may write despite read_only).
    await replica.query('SET SESSION sql_log_bin = 0');
    await replica.query(`UPDATE ${db}.items SET qty = NULL WHERE id = 10`);
    await replica.query(`UPDATE ${db}.items SET name = 'changed on the replica' WHERE id = 1234`);
    await replica.query(`DELETE FROM ${db}.items WHERE id = 2500`);
    await replica.query(`INSERT INTO ${db}.items VALUES (5000, 'only on the replica', 1, NULL)`);
    await replica.query(`UPDATE ${db}.pairs SET v = v + 1 WHERE a = 42 AND b = 'b3'`);
    await replica.query('SET SESSION sql_log_bin = 1');
  });

  afterAll(async () => {
    await primary?.query(`DROP DATABASE IF EXISTS ${db}`);
    await Promise.all([primary?.end(), replica?.end()]);
  });

  it('lists the primary user tables and says which cannot be checked', async () => {
    const conn = await connector.connect('primary');
    try {
      const tables = await listCheckableTables(conn);
      const ours = tables.filter((t) => t.table.startsWith(`${db}.`));
      expect(ours.map((t) => [t.table, t.unsupported === null])).toEqual([
        [`${db}.items`, true],
        [`${db}.loose`, false],
        [`${db}.pairs`, true],
        [`${db}.same`, true],
      ]);
      expect(ours.find((t) => t.table === `${db}.loose`)?.unsupported).toMatch(/primary key/i);
      expect(tables.some((t) => /^(mysql|sys|information_schema|performance_schema)\./.test(t.table))).toBe(
        false,
      );
    } finally {
      conn.destroy();
    }
  });

  it('finds exactly the rows changed on the replica, with both sides, and nothing else', async () => {
    const { done, events } = check(['items', 'same', 'pairs', 'loose']);
    const progress = await done;
    expect(progress.phase).toBe('done');
    expect(progress.error).toBeNull();
    expect(progress.gtidPosition).toMatch(/^\d+-\d+-\d+/);

    const items = resultOf(progress, 'items');
    expect(items.verdict).toBe('mismatch');
    expect(items.chunks).toBeGreaterThan(5);
    expect(items.rowsPrimary).toBe(3000);
    expect(items.rowsReplica).toBe(3000);
    const diffs = items.differing.flatMap((range) => range.rows?.diffs ?? []);
    expect(diffs).toEqual([
      { key: ['10'], primary: ['10', 'item 10', '3', 'n'], replica: ['10', 'item 10', null, 'n'] },
      {
        key: ['1234'],
        primary: ['1234', 'item 1234', '2', 'n'],
        replica: ['1234', 'changed on the replica', '2', 'n'],
      },
      { key: ['2500'], primary: ['2500', 'item 2500', '1', 'n'], replica: null },
      { key: ['5000'], primary: null, replica: ['5000', 'only on the replica', '1', null] },
    ]);
    expect(items.differing.every((range) => range.rows?.columns.join() === 'id,name,qty,note')).toBe(true);

    const pairs = resultOf(progress, 'pairs');
    expect(pairs.verdict).toBe('mismatch');
    expect(pairs.differing.flatMap((range) => range.rows?.diffs ?? [])).toEqual([
      { key: ['42', 'b3'], primary: ['42', 'b3', '126'], replica: ['42', 'b3', '127'] },
    ]);

    expect(resultOf(progress, 'same')).toMatchObject({
      verdict: 'match',
      rowsPrimary: 600,
      rowsReplica: 600,
    });
    expect(resultOf(progress, 'loose')).toMatchObject({ verdict: 'skipped' });
    expect(resultOf(progress, 'loose').detail).toMatch(/primary key/i);

    // Progress after every chunk, counting up to the total.
    expect(events.length).toBeGreaterThan(items.chunks * 2);
    const counts = events.map((e) => e.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ phase: 'done', done: progress.total });
  });

  it('reports a replica that does not reach the primary position in time', async () => {
    await replica.query('STOP SLAVE SQL_THREAD');
    try {
      await primary.query(`INSERT INTO ${db}.same VALUES (601, 'late')`);
      const progress = await check(['same'], { waitTimeoutSeconds: 1 }).done;
      expect(progress.phase).toBe('done');
      expect(resultOf(progress, 'same').verdict).toBe('error');
      expect(resultOf(progress, 'same').detail).toMatch(/did not reach the primary's position .* within 1 s/);
    } finally {
      await replica.query('START SLAVE SQL_THREAD');
    }
    await caughtUp(primary, replica);
  });

  it('stops when cancelled, with phase cancelled and its connections closed', async () => {
    const controller = new AbortController();
    const events: ConsistencyProgress[] = [];
    const openedBefore = connector.opened.length;
    const progress = await runConsistencyCheck({
      checkId: `cancel-${suffix}`,
      tables: [`${db}.items`, `${db}.same`],
      primaryKey: 'primary',
      replicaKeys: ['replica'],
      connect: connector.connect,
      chunkRows: 100,
      signal: controller.signal,
      onProgress: (p) => {
        events.push(p);
        if (p.done >= 3) controller.abort();
      },
    });
    expect(progress.phase).toBe('cancelled');
    expect(progress.done).toBeLessThan(progress.total);
    expect(events.at(-1)?.phase).toBe('cancelled');
    expect(progress.results).toEqual([]);
    const opened = connector.opened.slice(openedBefore);
    expect(opened.map((c) => c.nodeKey).sort()).toEqual(['primary', 'replica']);
    // Thread ids are per server, so each server is asked about its own.
    const stillOpen = async (conn: Connection, key: string): Promise<number> => {
      const ids = opened.filter((c) => c.nodeKey === key).map((c) => c.threadId);
      const [[row]] = await conn.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID IN (?)',
        [ids],
      );
      return Number(row?.n);
    };
    await waitUntil(
      async () =>
        (await stillOpen(primary, 'primary')) + (await stillOpen(replica, 'replica')) === 0
          ? true
          : undefined,
      { what: 'the check connections to close', timeoutMs: 5000 },
    );
  });
});

describe('consistency check on sessions with sql_mode NO_BACKSLASH_ESCAPES', () => {
  const { primary: primaryEndpoint, replica: replicaEndpoint } = required(harness.mariadb, 'MariaDB');
  const db = `cc_esc_${suffix}`;
  const plain = endpointConnector({ primary: primaryEndpoint, replica: replicaEndpoint });
  // Every connection of the check gets the mode, as a server configured with it would give them.
  const connect: typeof plain.connect = async (key) => {
    const conn = await plain.connect(key);
    await conn.promise().query("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
    return conn;
  };
  /** Keys that break out of a literal escaped with backslashes, or sort wrongly if misread. */
  const nasty = ['\\', "\\'", "'", "it's", 'a\\', 'a\\b', "b\\' OR '1'='1", '\\\\', "c''", 'd\\\\\\'];
  // Every key holds one, and there are more rows than one leaf of the narrowing holds, so chunk
  // bounds and the key a whole-table chunk is bisected at are such keys too.
  const keys = nasty.flatMap((base) => Array.from({ length: 16 }, (_, i) => `${base}#${i}`));
  const drifted = `${nasty[6]}#7`;
  let primary: Connection;
  let replica: Connection;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([connectAdmin(primaryEndpoint), connectAdmin(replicaEndpoint)]);
    await primary.query(`CREATE DATABASE ${db}`);
    for (const table of ['esc', 'esc_same']) {
      await primary.query(
        `CREATE TABLE ${db}.${table} (k VARCHAR(40) PRIMARY KEY, n INT NOT NULL, v VARCHAR(40))`,
      );
      const rows = keys.map((key, i) => [key, i, `${key}|${i}`]);
      await primary.query(`INSERT INTO ${db}.${table} VALUES ?`, [rows]);
    }
    await caughtUp(primary, replica);
    await replica.query('SET SESSION sql_log_bin = 0');
    await replica.query(`UPDATE ${db}.esc SET n = n + 100 WHERE k = ?`, [drifted]);
    await replica.query('SET SESSION sql_log_bin = 1');
  });

  afterAll(async () => {
    await primary?.query(`DROP DATABASE IF EXISTS ${db}`);
    await Promise.all([primary?.end(), replica?.end()]);
  });

  it.each([3, 1000])(
    'finds equal rows equal and narrows a differing row to exactly that row (chunks of %i)',
    async (chunkRows) => {
      const progress = await runConsistencyCheck({
        checkId: `esc-${suffix}`,
        tables: [`${db}.esc`, `${db}.esc_same`],
        primaryKey: 'primary',
        replicaKeys: ['replica'],
        connect,
        chunkRows,
        signal: new AbortController().signal,
        onProgress: () => undefined,
      });
      expect(progress.error).toBeNull();
      const same = progress.results.find((r) => r.table === `${db}.esc_same`);
      expect(same).toMatchObject({ verdict: 'match', rowsPrimary: keys.length, rowsReplica: keys.length });
      const esc = progress.results.find((r) => r.table === `${db}.esc`);
      expect(esc).toMatchObject({ verdict: 'mismatch', rowsPrimary: keys.length, rowsReplica: keys.length });
      const i = keys.indexOf(drifted);
      expect(esc?.differing.flatMap((range) => range.rows?.diffs ?? [])).toEqual([
        {
          key: [drifted],
          primary: [drifted, String(i), `${drifted}|${i}`],
          replica: [drifted, String(i + 100), `${drifted}|${i}`],
        },
      ]);
    },
  );
});
