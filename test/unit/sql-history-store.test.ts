import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/main/sql-history/history-store';
import { SavedQueryStore } from '../../src/main/sql-history/saved-query-store';
import { HISTORY_SQL_MAX } from '../../src/shared/models/sql-history';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (profileId: string, sql: string) => ({
  profileId,
  sql,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 3,
  rowCount: 1,
});

describe('HistoryStore', () => {
  it('keeps each connection’s runs apart, newest first, across restarts', async () => {
    const store = new HistoryStore({ dataDir: dir });
    await store.add(run('a', 'SELECT 1'));
    await store.add(run('b', 'SELECT 2'));
    await store.add({
      ...run('a', 'SELEC 3'),
      rowCount: undefined,
      error: { code: 'SQL_ERROR', message: 'x' },
    });
    await store.flush();
    const reopened = new HistoryStore({ dataDir: dir });
    const a = await reopened.list('a');
    expect(a.entries.map((e) => e.sql)).toEqual(['SELEC 3', 'SELECT 1']);
    expect(a.entries[0]?.error).toEqual({ code: 'SQL_ERROR', message: 'x' });
    expect((await reopened.list('b')).entries.map((e) => e.sql)).toEqual(['SELECT 2']);
  });

  it('keeps at most `cap` runs per connection, dropping the oldest', async () => {
    const store = new HistoryStore({ dataDir: dir, cap: 3 });
    for (let i = 1; i <= 5; i++) await store.add(run('a', `SELECT ${i}`));
    await store.flush();
    const { entries } = await new HistoryStore({ dataDir: dir, cap: 3 }).list('a');
    expect(entries.map((e) => e.sql)).toEqual(['SELECT 5', 'SELECT 4', 'SELECT 3']);
  });

  it('finds runs by text, ignoring case, and honours the limit', async () => {
    const store = new HistoryStore({ dataDir: dir });
    await store.add(run('a', 'SELECT * FROM users'));
    await store.add(run('a', 'DELETE FROM orders WHERE id = 1'));
    await store.add(run('a', 'select name from USERS'));
    expect((await store.list('a', { search: 'Users' })).entries.map((e) => e.sql)).toEqual([
      'select name from USERS',
      'SELECT * FROM users',
    ]);
    expect((await store.list('a', { limit: 1 })).entries).toHaveLength(1);
  });

  it('updates an entry (the final row count of a streamed result) and clears a connection', async () => {
    const store = new HistoryStore({ dataDir: dir });
    const entry = await store.add(run('a', 'SELECT * FROM big'));
    await store.update('a', entry.id, { rowCount: 1_000_000 });
    expect((await store.list('a')).entries[0]?.rowCount).toBe(1_000_000);
    expect(await store.clear('a')).toBe(1);
    expect((await new HistoryStore({ dataDir: dir }).list('a')).entries).toEqual([]);
  });

  it('cuts very long SQL so a pasted dump does not bloat the file', async () => {
    const store = new HistoryStore({ dataDir: dir });
    const stored = await store.add(run('a', `SELECT '${'x'.repeat(HISTORY_SQL_MAX)}'`));
    expect(stored.sql).toHaveLength(HISTORY_SQL_MAX);
  });

  it('moves a corrupt file aside, says so, and starts that connection’s history empty', async () => {
    const store = new HistoryStore({ dataDir: dir });
    await store.add(run('a', 'SELECT 1'));
    await store.flush();
    const [file] = await readdir(join(dir, 'sql-history'));
    await writeFile(join(dir, 'sql-history', file!), '{"version":1,"entries":[{"id"');

    const reopened = new HistoryStore({ dataDir: dir });
    const listed = await reopened.list('a');
    expect(listed.entries).toEqual([]);
    expect(listed.warning).toMatch(/query history.*not valid JSON.*moved to/);
    const files = await readdir(join(dir, 'sql-history'));
    expect(files.some((f) => f.startsWith(`${file}.corrupt-`))).toBe(true);

    await reopened.add(run('a', 'SELECT 2'));
    await reopened.flush();
    expect((await new HistoryStore({ dataDir: dir }).list('a')).entries.map((e) => e.sql)).toEqual([
      'SELECT 2',
    ]);
  });

  it('writes many quick runs with few writes, and loses none of them', async () => {
    const store = new HistoryStore({ dataDir: dir });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.add(run('a', `SELECT ${i}`))));
    await store.flush();
    const [file] = await readdir(join(dir, 'sql-history'));
    const saved = JSON.parse(await readFile(join(dir, 'sql-history', file!), 'utf8'));
    expect(saved.entries).toHaveLength(50);
  });
});

describe('SavedQueryStore', () => {
  it('lists global queries with a connection’s own, by name, and keeps them across restarts', async () => {
    const store = new SavedQueryStore({ dataDir: dir });
    await store.save({ name: 'users', sql: 'SELECT * FROM users', profileId: 'a' });
    await store.save({ name: 'all processes', sql: 'SHOW PROCESSLIST', profileId: null });
    await store.save({ name: 'orders', sql: 'SELECT * FROM orders', profileId: 'b' });
    const reopened = new SavedQueryStore({ dataDir: dir });
    expect((await reopened.list('a')).queries.map((q) => q.name)).toEqual(['all processes', 'users']);
    expect((await reopened.list()).queries).toHaveLength(3);
  });

  it('renames and changes a query, and deletes it', async () => {
    const store = new SavedQueryStore({ dataDir: dir });
    const saved = await store.save({ name: 'q', sql: 'SELECT 1', profileId: null });
    const changed = await store.save({ id: saved.id, name: 'one', sql: 'SELECT 1 AS one', profileId: 'a' });
    expect(changed).toMatchObject({ id: saved.id, name: 'one', sql: 'SELECT 1 AS one', profileId: 'a' });
    expect(changed.createdAt).toBe(saved.createdAt);
    expect(await store.delete(saved.id)).toBe(true);
    expect(await store.delete(saved.id)).toBe(false);
    await expect(store.save({ id: saved.id, name: 'x', sql: 'x', profileId: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('moves a corrupt file aside and reports it', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'saved-queries.json'), '{"version":2}');
    const listed = await new SavedQueryStore({ dataDir: dir }).list();
    expect(listed.queries).toEqual([]);
    expect(listed.warning).toMatch(/saved queries.*does not match the format/);
  });
});
