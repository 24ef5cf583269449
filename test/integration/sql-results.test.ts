import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEventHub } from '../../src/main/events';
import { openConnection } from '../../src/main/mysql/open-connection';
import { SqlSessionManager } from '../../src/main/mysql/session-manager';
import type { Channel, EventPayload, Req, Res } from '../../src/shared/contract';
import type { ProfileFields } from '../../src/shared/models/profile';
import type { QueryResult, ResultProgress, RowsResult, SessionStatus } from '../../src/shared/models/sql';
import { dispatch } from '../../src/shared/rpc';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';

const primary = inject('harness').mariadb!.primary;

let env: Awaited<ReturnType<typeof tempServices>>;
let admin: mysql.Connection;
const progress = new Map<string, ResultProgress[]>();
const statuses: SessionStatus[] = [];

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

const fields = (over: Partial<ProfileFields> = {}): ProfileFields => ({
  name: 'results',
  host: primary.host,
  port: primary.port,
  user: primary.user,
  // The Sequence engine's seq_1_to_N tables need a default database.
  database: 'results_db',
  tls: false,
  color: 'blue',
  readOnly: false,
  ...over,
});

async function openSession(over: Partial<ProfileFields> = {}) {
  const profile = await call('profiles.save', { fields: fields(over), password: primary.password });
  return call('sql.open', { profileId: profile.id });
}

function rowsOf(res: QueryResult): RowsResult {
  if (res.kind !== 'rows') throw new Error(`expected rows, got ${JSON.stringify(res)}`);
  return res;
}

/** The last progress event of a result once reading is over. */
function finished(resultId: string): Promise<ResultProgress> {
  return waitUntil(async () => progress.get(resultId)?.find((p) => p.complete), {
    what: `result ${resultId} to complete`,
    timeoutMs: 60_000,
    intervalMs: 20,
  });
}

const seqs = (rows: unknown[][]): unknown[] => rows.map((r) => r[0]);

beforeAll(async () => {
  env = await tempServices();
  env.services.events.subscribe((event, payload) => {
    if (event === 'sql.resultProgress') {
      const p = payload as EventPayload<'sql.resultProgress'>;
      progress.set(p.resultId, [...(progress.get(p.resultId) ?? []), p]);
    }
    if (event === 'sql.sessionStatus') statuses.push(payload as SessionStatus);
  });
  admin = await mysql.createConnection({
    host: primary.host,
    port: primary.port,
    user: 'root',
    password: primary.password,
  });
  await admin.query('CREATE DATABASE IF NOT EXISTS results_db');
  await admin.query(
    'CREATE TABLE IF NOT EXISTS results_db.tx (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB',
  );
  await admin.query('CREATE TABLE IF NOT EXISTS results_db.victim (id INT PRIMARY KEY)');
  await admin.query('REPLACE INTO results_db.victim VALUES (1), (2), (3)');
});
afterAll(async () => {
  await admin?.end();
  await env.cleanup();
});

describe('result store through sql.run / sql.rows', () => {
  it("names a result with the caller's id, refused while in use (running or open) or when not a plain word", async () => {
    const { sessionId } = await openSession();
    const resultId = 'tab-1_run-1';
    // Two calls at once: the second is refused before anything runs, while the first still reads.
    const first = call('sql.run', { sessionId, sql: 'SELECT seq, SLEEP(0.001) FROM seq_1_to_200', resultId });
    await expect(call('sql.run', { sessionId, sql: 'SELECT 1', resultId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const res = rowsOf(await first);
    expect(res.resultId).toBe(resultId);
    expect(await finished(resultId)).toMatchObject({ rowCount: 200, complete: true });
    await expect(call('sql.run', { sessionId, sql: 'SELECT 1', resultId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(call('sql.run', { sessionId, sql: 'SELECT 1', resultId: '../spool' })).rejects.toMatchObject(
      { code: 'INVALID_REQUEST' },
    );
    // The refused calls took nothing from the result that holds the id.
    expect((await call('sql.rows', { resultId, offset: 199, limit: 1 })).rows).toEqual([['200', 0]]);
    // One call closes a run's results; once closed, the id may name a new run.
    expect(await call('sql.closeResults', { resultIds: [resultId, 'gone'] })).toEqual({ closed: 1 });
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT 2', resultId })).rows).toEqual([[2]]);
    await call('sql.close', { sessionId });
  });

  it('streams a 1,000,000-row result: first window at once, then windows at the start, middle and end', async () => {
    const { sessionId } = await openSession();
    const res = rowsOf(
      await call('sql.run', {
        sessionId,
        sql: "SELECT seq, seq * 2 AS twice, CONCAT('row-', seq) AS label FROM seq_1_to_1000000",
        rowLimit: null,
      }),
    );
    expect(res.rows).toHaveLength(500);
    // seq is BIGINT UNSIGNED: it arrives as a string, exact.
    expect(res.rows[0]).toEqual(['1', '2', 'row-1']);
    expect(res.columns.map((c) => c.name)).toEqual(['seq', 'twice', 'label']);
    const end = await finished(res.resultId);
    expect(end).toMatchObject({ rowCount: 1_000_000, complete: true, stoppedAtLimit: false });
    for (const offset of [0, 499_990, 999_000]) {
      const window = await call('sql.rows', { resultId: res.resultId, offset, limit: 2000 });
      expect(window.total).toBe(1_000_000);
      expect(window.rows).toHaveLength(Math.min(2000, 1_000_000 - offset));
      expect(window.rows[0]).toEqual([`${offset + 1}`, `${(offset + 1) * 2}`, `row-${offset + 1}`]);
      expect(window.rows.at(-1)?.[0]).toBe(`${offset + window.rows.length}`);
    }
    // Released on request: the spool file goes with it.
    expect(await call('sql.closeResults', { resultIds: [res.resultId, 'never-opened'] })).toEqual({
      closed: 1,
    });
    await expect(call('sql.rows', { resultId: res.resultId, offset: 0, limit: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await call('sql.close', { sessionId });
  });

  it('stops at the default row limit on the server, and fetches all when asked', async () => {
    const { sessionId } = await openSession();
    const limited = rowsOf(await call('sql.run', { sessionId, sql: 'SELECT seq FROM seq_1_to_12000' }));
    expect(limited.limit).toBe(10_000);
    expect(await finished(limited.resultId)).toMatchObject({ rowCount: 10_000, stoppedAtLimit: true });
    const last = await call('sql.rows', { resultId: limited.resultId, offset: 9_999, limit: 10 });
    expect(last).toMatchObject({
      rows: [['10000']],
      offset: 9_999,
      total: 10_000,
      complete: true,
      stoppedAtLimit: true,
    });
    // The session is usable right after the server-side stop.
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT 2' })).rows).toEqual([[2]]);

    const exact = rowsOf(await call('sql.run', { sessionId, sql: 'SELECT seq FROM seq_1_to_10000' }));
    expect(await finished(exact.resultId)).toMatchObject({ rowCount: 10_000, stoppedAtLimit: false });

    const all = rowsOf(
      await call('sql.run', { sessionId, sql: 'SELECT seq FROM seq_1_to_12000', rowLimit: null }),
    );
    const allEnd = await finished(all.resultId);
    expect(allEnd).toMatchObject({ rowCount: 12_000, stoppedAtLimit: false });
    // The answer's duration is to its first window; the end reports the whole read.
    expect(allEnd.durationMs).toBeGreaterThanOrEqual(all.durationMs);
    await call('sql.close', { sessionId });
  });

  it('sorts and filters windows over the loaded rows, NULLs first', async () => {
    const { sessionId } = await openSession();
    const res = rowsOf(
      await call('sql.run', {
        sessionId,
        sql: "SELECT seq, IF(seq % 10 = 0, NULL, CONCAT('Name-', seq)) AS name FROM seq_1_to_3000",
      }),
    );
    await finished(res.resultId);
    const desc = await call('sql.rows', {
      resultId: res.resultId,
      offset: 0,
      limit: 3,
      sort: [{ column: 0, desc: true }],
    });
    expect(seqs(desc.rows)).toEqual(['3000', '2999', '2998']);
    const byName = await call('sql.rows', {
      resultId: res.resultId,
      offset: 0,
      limit: 2,
      sort: [{ column: 1 }],
    });
    expect(byName.rows[0]).toEqual(['10', null]);
    const filtered = await call('sql.rows', {
      resultId: res.resultId,
      offset: 0,
      limit: 100,
      filter: 'NAME-29',
    });
    // Name-29, Name-290..299 (minus 290, which is NULL), Name-2900..2999 (minus the tens).
    expect(filtered.total).toBe(1 + 9 + 90);
    expect(filtered.rows[0]).toEqual(['29', 'Name-29']);
    const both = await call('sql.rows', {
      resultId: res.resultId,
      offset: 0,
      limit: 2,
      filter: 'name-29',
      sort: [{ column: 0, desc: true }],
    });
    expect(seqs(both.rows)).toEqual(['2999', '2998']);
    await call('sql.close', { sessionId });
  });
});

describe('spooling past the memory budget', () => {
  let manager: SqlSessionManager;
  let tempRoot: string;
  beforeAll(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), 'rdx-spool-test-'));
    manager = new SqlSessionManager(createEventHub(), {
      results: { memoryBudgetBytes: 200_000, chunkRows: 700, tempRoot },
    });
  });
  afterAll(async () => {
    await manager.closeAll();
    await rm(tempRoot, { recursive: true, force: true });
  });

  it('keeps windows exact across memory, disk and the last partial chunk, sorted and filtered too', async () => {
    const f = fields();
    const session = await manager.open('p', f, () =>
      openConnection(f, { user: primary.user, password: primary.password }),
    );
    const res = rowsOf(
      await manager.run(session.sessionId, "SELECT seq, CONCAT('v', seq) FROM seq_1_to_50000", {
        rowLimit: null,
      }),
    );
    const store = manager.results.get(res.resultId);
    await waitUntil(async () => (store.rowCount === 50_000 ? true : undefined), {
      what: 'all rows stored',
      timeoutMs: 30_000,
      intervalMs: 20,
    });
    expect(store.spooling).toBe(true);
    const dir = readdirSync(tempRoot)[0]!;
    expect(readdirSync(join(tempRoot, dir))).toEqual([`${res.resultId}.json`]);
    for (const offset of [0, 3_000, 24_321, 48_000]) {
      const { rows, total } = await manager.rows(res.resultId, offset, 2000);
      expect(total).toBe(50_000);
      expect(rows).toHaveLength(2000);
      expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 2000 }, (_, i) => `${offset + i + 1}`));
      expect(rows[1999]).toEqual([`${offset + 2000}`, `v${offset + 2000}`]);
    }
    const sorted = await manager.rows(res.resultId, 0, 5, [{ column: 0, desc: true }]);
    expect(seqs(sorted.rows)).toEqual(['50000', '49999', '49998', '49997', '49996']);
    const deep = await manager.rows(res.resultId, 30_000, 3, [{ column: 0, desc: true }]);
    expect(seqs(deep.rows)).toEqual(['20000', '19999', '19998']);
    const filtered = await manager.rows(res.resultId, 0, 50, [], 'v4999');
    expect(filtered.total).toBe(11); // v4999, v49990..v49999
    // Closing the session releases its results and deletes the spool files.
    await manager.close(session.sessionId);
    expect(readdirSync(join(tempRoot, dir))).toEqual([]);
  });
});

/** Waits until the server runs the SLEEP on `connectionId`, so a cancel or a KILL finds it running. */
async function sleepStarted(connectionId: number | undefined): Promise<void> {
  await waitUntil(
    async () => {
      const [rows] = await admin.query('SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [
        connectionId,
      ]);
      return String((rows as { INFO: string | null }[])[0]?.INFO ?? '').includes('SLEEP') ? true : undefined;
    },
    { what: 'the sleep to start', timeoutMs: 10_000, intervalMs: 20 },
  );
}

describe('cancel', () => {
  it('stops SELECT SLEEP(30) with "Query cancelled" and the session keeps working', async () => {
    const { sessionId, connectionId } = await openSession();
    const running = call('sql.run', { sessionId, sql: 'SELECT SLEEP(30)' });
    running.catch(() => undefined);
    await sleepStarted(connectionId);
    expect(await call('sql.cancel', { sessionId })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: 'Query cancelled' });
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT 3' })).rows).toEqual([[3]]);
    expect(await call('sql.cancel', { sessionId })).toEqual({ cancelled: false });
    await call('sql.close', { sessionId });
  });

  it('keeps the rows read before a cancel viewable', async () => {
    const { sessionId } = await openSession();
    const res = rowsOf(
      await call('sql.run', { sessionId, sql: 'SELECT seq FROM seq_1_to_100000000', rowLimit: null }),
    );
    await call('sql.cancel', { sessionId });
    const end = await finished(res.resultId);
    expect(end).toMatchObject({ complete: true, error: { code: 'CANCELLED', message: 'Query cancelled' } });
    expect(end.rowCount).toBeGreaterThanOrEqual(500);
    expect(end.rowCount).toBeLessThan(100_000_000);
    const tail = await call('sql.rows', { resultId: res.resultId, offset: end.rowCount - 1, limit: 5 });
    expect(tail.rows).toEqual([[`${end.rowCount}`]]);
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT 4' })).rows).toEqual([[4]]);
    await call('sql.close', { sessionId });
  });
});

describe('sessions', () => {
  it('reconnects after KILL, restores the database and autocommit, and reports each step', async () => {
    const { sessionId, connectionId } = await openSession({ database: '' });
    await call('sql.run', { sessionId, sql: 'USE results_db' });
    const off = await call('sql.setAutocommit', { sessionId, autocommit: false });
    expect(off).toMatchObject({ autocommit: false, database: 'results_db' });
    await admin.query(`KILL ${Number(connectionId)}`);
    const back = await waitUntil(
      async () =>
        statuses.find(
          (s) => s.sessionId === sessionId && s.status === 'open' && s.message.startsWith('Reconnected'),
        ),
      { what: 'the session to reconnect', timeoutMs: 30_000, intervalMs: 20 },
    );
    expect(statuses.find((s) => s.sessionId === sessionId && s.status === 'reconnecting')).toMatchObject({
      attempt: 1,
      message: expect.stringContaining('Reconnecting (attempt 1)'),
    });
    expect(back.session).toMatchObject({ database: 'results_db', autocommit: false });
    expect(back.session?.connectionId).not.toBe(connectionId);
    const state = rowsOf(await call('sql.run', { sessionId, sql: 'SELECT DATABASE(), @@autocommit' }));
    expect(state.rows).toEqual([['results_db', '0']]);
    await call('sql.close', { sessionId });
  });

  it('fails the statement that was running when the connection dropped, and never re-runs it', async () => {
    const { sessionId, connectionId } = await openSession();
    const running = call('sql.run', { sessionId, sql: 'SELECT SLEEP(30)' });
    running.catch(() => undefined);
    await sleepStarted(connectionId);
    await admin.query(`KILL ${Number(connectionId)}`);
    await expect(running).rejects.toMatchObject({
      code: 'CONNECTION_LOST',
      message: expect.stringContaining('not run again'),
    });
    await waitUntil(
      async () => (statuses.some((s) => s.sessionId === sessionId && s.status === 'open') ? true : undefined),
      { what: 'reconnected', timeoutMs: 30_000, intervalMs: 20 },
    );
    const [sleeping] = await admin.query(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(30)%'",
    );
    expect((sleeping as { n: number }[])[0]?.n).toBe(0);
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT 5' })).rows).toEqual([[5]]);
    await call('sql.close', { sessionId });
  });

  it('with autocommit off, Rollback discards and Commit keeps', async () => {
    await admin.query('DELETE FROM results_db.tx');
    const { sessionId } = await openSession({ database: 'results_db' });
    await call('sql.setAutocommit', { sessionId, autocommit: false });
    await call('sql.run', { sessionId, sql: "INSERT INTO tx VALUES (1, 'discard me')" });
    const count = async () => {
      const [rows] = await admin.query('SELECT COUNT(*) AS n FROM results_db.tx');
      return Number((rows as { n: number }[])[0]?.n);
    };
    expect(await count()).toBe(0);
    expect(statuses.filter((s) => s.sessionId === sessionId).at(-1)?.session).toMatchObject({
      inTransaction: true,
    });
    expect(await call('sql.rollback', { sessionId })).toMatchObject({
      inTransaction: false,
      autocommit: false,
    });
    expect(await count()).toBe(0);
    await call('sql.run', { sessionId, sql: "INSERT INTO tx VALUES (2, 'keep me')" });
    await call('sql.commit', { sessionId });
    expect(await count()).toBe(1);
    await call('sql.close', { sessionId });
  });

  it('refuses writes on a read-only profile before sending them, with the reason', async () => {
    const { sessionId, readOnly } = await openSession({ readOnly: true });
    expect(readOnly).toBe(true);
    await expect(
      call('sql.run', { sessionId, sql: 'INSERT INTO results_db.tx VALUES (9, null)' }),
    ).rejects.toMatchObject({
      code: 'SQL_ERROR',
      message: expect.stringMatching(/read-only \(READ ONLY\): INSERT was not sent because it writes data/),
    });
    await expect(
      call('sql.run', { sessionId, sql: 'SET SESSION TRANSACTION READ WRITE' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('writable'),
    });
    expect(rowsOf(await call('sql.run', { sessionId, sql: 'SELECT @@session.tx_read_only' })).rows).toEqual([
      ['1'],
    ]);
    await call('sql.close', { sessionId });
  });

  it('refuses destructive statements until confirmed', async () => {
    const { sessionId } = await openSession({ database: 'results_db' });
    await expect(call('sql.run', { sessionId, sql: 'DELETE FROM victim' })).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
      message: expect.stringContaining('without WHERE'),
      details: { kind: 'destructive', verb: 'DELETE' },
    });
    const [before] = await admin.query('SELECT COUNT(*) AS n FROM results_db.victim');
    expect((before as { n: number }[])[0]?.n).toBe(3);
    expect(await call('sql.run', { sessionId, sql: 'DELETE FROM victim', confirmed: true })).toMatchObject({
      kind: 'ok',
      affectedRows: 3,
    });
    await call('sql.close', { sessionId });
  });

  it('leaves no spool directory behind once the services are disposed', async () => {
    const { sessionId } = await openSession();
    const res = rowsOf(
      await call('sql.run', {
        sessionId,
        sql: "SELECT seq, REPEAT('x', 300) FROM seq_1_to_300000",
        rowLimit: null,
      }),
    );
    await finished(res.resultId);
    const dirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('rdx-results-'));
    const mine = dirs().filter((d) => existsSync(join(tmpdir(), d, `${res.resultId}.json`)));
    expect(mine).toHaveLength(1);
    await env.services.dispose();
    expect(existsSync(join(tmpdir(), mine[0]!))).toBe(false);
  });
});
