import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mysql from 'mysql2/promise';
import { dispatch } from '../../src/shared/rpc';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { ProfileFields } from '../../src/shared/models/profile';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';
import { serverProfile } from '../support/server-profile';

const harness = inject('harness');
const primary = harness.mariadb!.primary;

let env: Awaited<ReturnType<typeof tempServices>>;

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

const fields = (over: Partial<ProfileFields> = {}): ProfileFields =>
  serverProfile('harness primary', primary, over);

beforeAll(async () => {
  env = await tempServices();
  const admin = await mysql.createConnection({
    host: primary.host,
    port: primary.port,
    user: 'root',
    password: primary.password,
  });
  await admin.query('CREATE DATABASE IF NOT EXISTS slice_types');
  await admin.query(
    'CREATE TABLE IF NOT EXISTS slice_types.t (id BIGINT PRIMARY KEY, price DECIMAL(20,4), note VARCHAR(20), raw VARBINARY(4), at DATETIME, doc JSON)',
  );
  await admin.query(
    "REPLACE INTO slice_types.t VALUES (9007199254740993, 12.5000, '', 0x00ff, '2024-02-29 12:00:00', '{\"a\":1}'), (2, NULL, NULL, NULL, NULL, NULL)",
  );
  await admin.end();
});
afterAll(async () => {
  await env.cleanup();
});

describe('Test connection', () => {
  it('reports the server version on success', async () => {
    const res = await call('connections.test', { fields: fields(), password: primary.password });
    expect(res.serverVersion).toMatch(/MariaDB/);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('names the cause of each failure', async () => {
    await expect(call('connections.test', { fields: fields(), password: 'wrong' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
    await expect(
      call('connections.test', { fields: fields({ port: 1 }), password: '' }),
    ).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('connection refused'),
    });
    await expect(
      call('connections.test', { fields: fields({ database: 'no_such_db' }), password: primary.password }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_DATABASE', message: expect.stringContaining('no_such_db') });
    await expect(
      call('connections.test', { fields: fields({ tls: true }), password: primary.password }),
    ).rejects.toMatchObject({
      code: 'TLS_FAILED',
    });
    await expect(
      call('connections.test', { fields: fields({ host: 'no-such-host.invalid' }), password: '' }),
    ).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('Host not found') });
  });

  it('uses the saved password of an existing profile when the form leaves it untouched', async () => {
    const saved = await call('profiles.save', {
      fields: fields({ name: 'saved pw' }),
      password: primary.password,
    });
    expect(saved.hasPassword).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(primary.password);
    const res = await call('connections.test', { fields: fields(), profileId: saved.id });
    expect(res.serverVersion).toMatch(/MariaDB/);
  });
});

describe('SQL session', () => {
  it('runs SELECT 1 and returns the row with column name and type', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'slice' }),
      password: primary.password,
    });
    const session = await call('sql.open', { profileId: profile.id });
    expect(session.serverVersion).toMatch(/MariaDB/);
    const res = await call('sql.run', { sessionId: session.sessionId, sql: 'SELECT 1' });
    expect(res).toMatchObject({
      kind: 'rows',
      columns: [{ name: '1', type: 'INT' }],
      rows: [[1]],
      rowCount: 1,
      complete: true,
      stoppedAtLimit: false,
    });
    await call('sql.close', { sessionId: session.sessionId });
    await expect(call('sql.run', { sessionId: session.sessionId, sql: 'SELECT 1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps values exact and JSON-safe: BIGINT, DECIMAL, dates, JSON, binary, NULL apart from empty', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'types' }),
      password: primary.password,
    });
    const { sessionId } = await call('sql.open', { profileId: profile.id });
    const res = await call('sql.run', { sessionId, sql: 'SELECT * FROM slice_types.t ORDER BY id DESC' });
    if (res.kind !== 'rows') throw new Error('expected rows');
    expect(res.columns.map((c) => c.type)).toEqual([
      'BIGINT',
      'DECIMAL',
      'VARCHAR',
      'VARBINARY',
      'DATETIME',
      expect.any(String),
    ]);
    expect(res.rows[0]).toEqual([
      '9007199254740993',
      '12.5000',
      '',
      { $binary: 'AP8=' },
      '2024-02-29 12:00:00',
      '{"a":1}',
    ]);
    // BIGINT stays a string in every row, so a column never mixes types.
    expect(res.rows[1]).toEqual(['2', null, null, null, null, null]);
    await call('sql.close', { sessionId });
  });

  it("returns the server's message for invalid SQL and keeps the session usable", async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'errors' }),
      password: primary.password,
    });
    const { sessionId } = await call('sql.open', { profileId: profile.id });
    await expect(call('sql.run', { sessionId, sql: 'SELEC 1' })).rejects.toMatchObject({
      code: 'SQL_ERROR',
      message: expect.stringContaining('You have an error in your SQL syntax'),
    });
    expect(await call('sql.run', { sessionId, sql: 'SELECT 2' })).toMatchObject({ rows: [[2]] });
    await call('sql.close', { sessionId });
  });

  it('reports affected rows for writes and keeps USE within the session', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'writes' }),
      password: primary.password,
    });
    const { sessionId } = await call('sql.open', { profileId: profile.id });
    await call('sql.run', { sessionId, sql: 'CREATE DATABASE IF NOT EXISTS slice_writes' });
    await call('sql.run', { sessionId, sql: 'USE slice_writes' });
    await call('sql.run', {
      sessionId,
      sql: 'CREATE TABLE IF NOT EXISTS w (id INT PRIMARY KEY AUTO_INCREMENT, v INT)',
    });
    const res = await call('sql.run', { sessionId, sql: 'INSERT INTO w (v) VALUES (1), (2), (3)' });
    expect(res).toMatchObject({ kind: 'ok', affectedRows: 3 });
    await call('sql.close', { sessionId });
  });

  it('refuses writes on a read-only profile', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'ro', readOnly: true }),
      password: primary.password,
    });
    const { sessionId } = await call('sql.open', { profileId: profile.id });
    await expect(
      call('sql.run', { sessionId, sql: 'CREATE DATABASE slice_ro_should_fail' }),
    ).rejects.toThrow();
    await expect(
      call('sql.run', { sessionId, sql: 'INSERT INTO slice_types.t (id) VALUES (99)' }),
    ).rejects.toMatchObject({
      code: 'SQL_ERROR',
      message: expect.stringMatching(/READ ONLY/i),
    });
    await call('sql.close', { sessionId });
  });

  it('keeps at most the row limit and says it stopped there', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'many' }),
      password: primary.password,
    });
    const { sessionId } = await call('sql.open', { profileId: profile.id });
    const res = await call('sql.run', { sessionId, sql: 'SELECT seq FROM slice_types.seq_1_to_12000' });
    if (res.kind !== 'rows') throw new Error('expected rows');
    expect(res.rows).toHaveLength(500);
    const last = await waitUntil(
      async () => {
        const window = await call('sql.rows', { resultId: res.resultId, offset: 9_990, limit: 100 });
        return window.rows.length === 10 ? window : undefined;
      },
      { what: 'the rows up to the limit', timeoutMs: 30_000, intervalMs: 20 },
    );
    expect(last.rows.at(-1)).toEqual(['10000']);
    await call('sql.close', { sessionId });
  });

  it('reconnects the tab when its connection is killed', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'killed' }),
      password: primary.password,
    });
    const { sessionId, connectionId } = await call('sql.open', { profileId: profile.id });
    const reconnected = new Promise<unknown>((resolve) => {
      const off = env.services.events.subscribe((event, payload) => {
        const status = payload as { sessionId: string; status: string };
        if (event === 'sql.sessionStatus' && status.sessionId === sessionId && status.status === 'open') {
          off();
          resolve(payload);
        }
      });
    });
    const admin = await mysql.createConnection({
      host: primary.host,
      port: primary.port,
      user: 'root',
      password: primary.password,
    });
    await admin.query(`KILL ${Number(connectionId)}`);
    await admin.end();
    expect(await reconnected).toMatchObject({ sessionId, message: expect.stringContaining('Reconnected') });
    expect(await call('sql.run', { sessionId, sql: 'SELECT 1' })).toMatchObject({ rows: [[1]] });
    await call('sql.close', { sessionId });
  });
});
