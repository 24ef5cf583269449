import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import { createServices, type Services } from '../../src/main/services';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { ProfileFields } from '../../src/shared/models/profile';
import { dispatch } from '../../src/shared/rpc';
import { waitUntil } from '../support/wait-until';
import { fakeStartLab } from '../unit/support/temp-services';
import { serverProfile } from '../support/server-profile';

const primary = inject('harness').mariadb!.primary;

let dataDir: string;
let services: Services;
let profileId: string;
let sessionId: string;
// Shared by restarts, as the OS keychain would be.
const secrets = createMemorySecretStore();

function start(): Services {
  return createServices({
    mode: 'browser',
    version: 'test',
    dataDir,
    secrets,
    startLab: fakeStartLab,
  });
}

async function call<C extends Channel>(channel: C, req: Req<C>, on = services): Promise<Res<C>> {
  const envelope = await dispatch(on.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

const fields: ProfileFields = serverProfile('history', primary);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-history-it-'));
  services = start();
  profileId = (await call('profiles.save', { fields, password: primary.password })).id;
  sessionId = (await call('sql.open', { profileId })).sessionId;
  await call('sql.run', { sessionId, sql: 'CREATE DATABASE IF NOT EXISTS history_it' });
  await call('sql.run', { sessionId, sql: 'CREATE TABLE IF NOT EXISTS history_it.t (id INT)' });
});

afterAll(async () => {
  await call('sql.run', { sessionId, sql: 'DROP DATABASE IF EXISTS history_it', confirmed: true });
  await services.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('query history through the services', () => {
  it('records every statement run on the connection: rows, affected rows, errors, newest first', async () => {
    await call('sql.history.clear', { profileId });
    await call('sql.run', { sessionId, sql: 'SELECT 1 UNION SELECT 2' });
    await call('sql.run', { sessionId, sql: 'INSERT INTO history_it.t VALUES (1), (2), (3)' });
    await expect(call('sql.run', { sessionId, sql: 'SELEC 1' })).rejects.toMatchObject({ code: 'SQL_ERROR' });

    const { entries } = await call('sql.history.list', { profileId });
    expect(entries.map((e) => e.sql)).toEqual([
      'SELEC 1',
      'INSERT INTO history_it.t VALUES (1), (2), (3)',
      'SELECT 1 UNION SELECT 2',
    ]);
    expect(entries[0]).toMatchObject({
      error: { code: 'SQL_ERROR', message: expect.stringContaining('syntax') },
    });
    expect(entries[1]).toMatchObject({ affectedRows: 3 });
    expect(entries[2]).toMatchObject({ rowCount: 2 });
    for (const e of entries) expect(e.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('does not record a destructive statement the server refused for want of consent', async () => {
    await call('sql.history.clear', { profileId });
    await expect(call('sql.run', { sessionId, sql: 'TRUNCATE TABLE history_it.t' })).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
    expect((await call('sql.history.list', { profileId })).entries).toEqual([]);
    await call('sql.run', { sessionId, sql: 'TRUNCATE TABLE history_it.t', confirmed: true });
    expect((await call('sql.history.list', { profileId })).entries.map((e) => e.sql)).toEqual([
      'TRUNCATE TABLE history_it.t',
    ]);
  });

  it('updates the row count of a result that was still streaming when it answered', async () => {
    await call('sql.history.clear', { profileId });
    // Wide rows fill the server's send buffer, so the first window arrives before row 1000 sleeps.
    const sql =
      "SELECT seq, REPEAT('x', 300) AS pad, IF(seq = 1000, SLEEP(0.5), 0) AS pause FROM history_it.seq_1_to_2000";
    const result = await call('sql.run', { sessionId, sql, rowLimit: null });
    expect(result).toMatchObject({ kind: 'rows', complete: false });
    expect((await call('sql.history.list', { profileId })).entries[0]?.rowCount).toBeLessThan(2000);
    const entry = await waitUntil(
      async () => {
        const [first] = (await call('sql.history.list', { profileId })).entries;
        return first?.rowCount === 2000 ? first : undefined;
      },
      { what: 'the final row count in the history', timeoutMs: 20_000 },
    );
    expect(entry.sql).toBe(sql);
  });

  it('keeps no password of CREATE USER, ALTER USER or SET PASSWORD, in the list or on disk', async () => {
    await call('sql.history.clear', { profileId });
    const user = `'history_it_user'@'localhost'`;
    const secrets = ["Tr0ub4dor'&3-one", 'c0rrect\\horse-two', 'battery"staple-three'];
    await call('sql.run', { sessionId, sql: `DROP USER IF EXISTS ${user}`, confirmed: true });
    await call('sql.run', {
      sessionId,
      sql: `CREATE USER ${user} IDENTIFIED BY 'Tr0ub4dor''&3-one'`,
    });
    await call('sql.run', {
      sessionId,
      sql: `ALTER USER ${user} IDENTIFIED BY 'c0rrect\\\\horse-two'`,
      confirmed: true,
    });
    await call('sql.run', {
      sessionId,
      sql: `SET PASSWORD FOR ${user} = PASSWORD("battery""staple-three")`,
    });
    // A statement the server refuses still must not keep the password, in its text or its error.
    await expect(
      call('sql.run', { sessionId, sql: `CREATE USER ${user} IDENTIFIED BY nonsense 'Tr0ub4dor''&3-one'` }),
    ).rejects.toMatchObject({ code: 'SQL_ERROR' });
    await call('sql.run', { sessionId, sql: `DROP USER ${user}`, confirmed: true });

    const { entries } = await call('sql.history.list', { profileId });
    expect(entries).toHaveLength(6);
    expect(entries.map((e) => e.sql)[4]).toBe(`CREATE USER ${user} IDENTIFIED BY '***'`);
    await services.dispose();
    const listed = entries.map((e) => `${e.sql}\n${e.error?.message ?? ''}`).join('\n');
    const onDisk = (await readdir(join(dataDir, 'sql-history'))).map((f) =>
      readFileSync(join(dataDir, 'sql-history', f), 'utf8'),
    );
    services = start();
    sessionId = (await call('sql.open', { profileId })).sessionId;
    for (const secret of secrets) {
      for (const piece of [secret, ...(secret.match(/[\w&-]{5,}/g) ?? [])]) {
        expect(listed).not.toContain(piece);
        for (const text of onDisk) expect(text).not.toContain(piece);
      }
    }
  });

  it('searches, keeps the history across a restart, and clears it', async () => {
    await call('sql.history.clear', { profileId });
    await call('sql.run', { sessionId, sql: 'SELECT 42 AS answer' });
    await call('sql.run', { sessionId, sql: 'SELECT 7 AS other' });
    expect(
      (await call('sql.history.list', { profileId, search: 'ANSWER' })).entries.map((e) => e.sql),
    ).toEqual(['SELECT 42 AS answer']);

    // Quit and start again: what was run is still there.
    await services.dispose();
    services = start();
    sessionId = (await call('sql.open', { profileId })).sessionId;
    const listed = await call('sql.history.list', { profileId });
    expect(listed.entries.map((e) => e.sql)).toEqual(['SELECT 7 AS other', 'SELECT 42 AS answer']);
    expect(await call('sql.history.clear', { profileId })).toEqual({ cleared: 2 });
    expect((await call('sql.history.list', { profileId })).entries).toEqual([]);
  });
});

describe('saved queries through the services', () => {
  it('saves for one connection or all, lists, renames and deletes', async () => {
    const mine = await call('sql.saved.save', { name: 'answer', sql: 'SELECT 42', profileId });
    const global = await call('sql.saved.save', {
      name: 'processes',
      sql: 'SHOW PROCESSLIST',
      profileId: null,
    });
    await call('sql.saved.save', { name: 'elsewhere', sql: 'SELECT 0', profileId: 'another-profile' });

    const listed = await call('sql.saved.list', { profileId });
    expect(listed.queries.map((q) => q.name)).toEqual(['answer', 'processes']);

    await call('sql.saved.save', { id: mine.id, name: 'the answer', sql: 'SELECT 42 AS a', profileId });
    expect(await call('sql.saved.delete', { id: global.id })).toEqual({ deleted: true });
    expect((await call('sql.saved.list', { profileId })).queries).toMatchObject([
      { id: mine.id, name: 'the answer', sql: 'SELECT 42 AS a' },
    ]);
  });

  it('refuses a query without a name, naming the field', async () => {
    await expect(
      call('sql.saved.save', { name: '  ', sql: 'SELECT 1', profileId: null }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('Name the query'),
    });
  });
});
