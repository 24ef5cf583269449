import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/server/browser-server';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { ExportProgress } from '../../src/shared/models/export';
import { dispatch } from '../../src/shared/rpc';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';
import { serverProfile } from '../support/server-profile';

const primary = inject('harness').mariadb!.primary;
const DB = 'export_paths_it';
const SENTINEL = 'keep.txt';

let env: Awaited<ReturnType<typeof tempServices>>;
let admin: mysql.Connection;
let server: BrowserServer;
let profileId: string;
const progress = new Map<string, ExportProgress>();

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

/** A folder of the user's with a file in it, and a table whose name climbs from any folder into it. */
async function victim(): Promise<{ dir: TempDir; table: string }> {
  const dir = await makeTempDir('victim');
  await writeFile(join(dir.path, SENTINEL), 'precious');
  const table = `${'../'.repeat(9)}${dir.path.slice(1)}/x`;
  expect(table.length).toBeLessThanOrEqual(64);
  return { dir, table };
}

async function untouched(dir: TempDir): Promise<void> {
  expect((await readdir(dir.path)).sort()).toEqual([SENTINEL, 'owner.pid']);
  expect(await readFile(join(dir.path, SENTINEL), 'utf8')).toBe('precious');
}

async function exportDone(exportId: string): Promise<ExportProgress> {
  return waitUntil(async () => (progress.get(exportId)?.done ? progress.get(exportId) : undefined), {
    what: `export ${exportId}`,
    timeoutMs: 60_000,
    intervalMs: 20,
  });
}

/** Files anywhere under the app's data directory, for checking that a finished export left none. */
async function appTempFiles(): Promise<string[]> {
  const all = await readdir(join(env.dataDir, 'tmp'), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return all.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  env = await tempServices();
  server = await startBrowserServer({
    handlers: env.services.handlers,
    events: env.services.events,
    staticDir: env.dataDir,
    downloads: env.services.downloads,
  });
  env.services.events.subscribe((event, payload) => {
    if (event === 'sql.exportProgress') {
      const p = payload as ExportProgress;
      progress.set(p.exportId, p);
    }
  });
  admin = await mysql.createConnection({
    host: primary.host,
    port: primary.port,
    user: 'root',
    password: primary.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const profile = await call('profiles.save', {
    fields: serverProfile('export-paths', primary),
    password: primary.password,
  });
  profileId = profile.id;
});

afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin?.end();
  await server?.close();
  await env?.cleanup();
});

async function createTable(name: string, rows: number): Promise<void> {
  const quoted = `${DB}.${mysql.escapeId(name, true)}`;
  await admin.query(`CREATE TABLE ${quoted} (id INT PRIMARY KEY, note VARCHAR(20))`);
  await admin.query(`INSERT INTO ${quoted} SELECT seq, CONCAT('row ', seq) FROM ${DB}.seq_1_to_${rows}`);
}

describe('a table named like a path, exported as CSV in browser mode', () => {
  it('is written and downloaded inside the app’s folder; the folder the name points at is untouched', async () => {
    const { dir, table } = await victim();
    try {
      await createTable(table, 3);
      const { exportId } = await call('sql.export', {
        source: { kind: 'table', profileId, database: DB, table },
        format: 'csv',
      });
      const done = await exportDone(exportId!);
      expect(done.error).toBeUndefined();
      await untouched(dir);
      expect(done.fileName).not.toMatch(/[/\\]/);

      const res = await fetch(new URL(`${done.downloadUrl!}?token=${server.token}`, server.url));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('id,note\r\n1,row 1\r\n2,row 2\r\n3,row 3\r\n');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[^"/\\]+"; filename\*=UTF-8''[^/\\]+$/);
      expect(disposition).not.toContain('%2F');
      // Sent once, then its own folder is deleted, and only that.
      await waitUntil(async () => ((await appTempFiles()).length === 0 ? true : undefined), {
        what: 'the sent file to be deleted',
        timeoutMs: 5000,
        intervalMs: 20,
      });
      await untouched(dir);
    } finally {
      await dir.remove();
    }
  });

  it('a failed export deletes nothing but its own folder', async () => {
    const { dir, table } = await victim();
    try {
      // No such table: the SELECT fails after the file has been opened.
      const { exportId } = await call('sql.export', {
        source: { kind: 'table', profileId, database: DB, table },
        format: 'csv',
      });
      const done = await exportDone(exportId!);
      expect(done.error?.message).toMatch(/doesn't exist/);
      await untouched(dir);
      expect(await appTempFiles()).toEqual([]);
    } finally {
      await dir.remove();
    }
  });

  it('a cancelled export deletes nothing but its own folder', async () => {
    const { dir, table } = await victim();
    try {
      await createTable(table, 1000);
      const { exportId } = await call('sql.export', {
        source: { kind: 'table', profileId, database: DB, table },
        format: 'csv',
      });
      expect(await call('sql.cancelExport', { exportId: exportId! })).toEqual({ cancelled: true });
      expect(await exportDone(exportId!)).toMatchObject({ done: true, cancelled: true });
      await untouched(dir);
      expect(await appTempFiles()).toEqual([]);
    } finally {
      await dir.remove();
    }
  });
});
