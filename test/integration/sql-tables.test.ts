import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/main/mysql/import-parse';
import { startBrowserServer, type BrowserServer } from '../../src/main/server/browser-server';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { ExportProgress, ImportProgress } from '../../src/shared/models/export';
import type { ExplainNode } from '../../src/shared/models/explain';
import { dispatch } from '../../src/shared/rpc';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';
import { serverProfile } from '../support/server-profile';

const primary = inject('harness').mariadb!.primary;
const DB = 'tables_it';

let env: Awaited<ReturnType<typeof tempServices>>;
let admin: mysql.Connection;
let profileId: string;
let server: BrowserServer;
const exports = new Map<string, ExportProgress>();
const imports = new Map<string, ImportProgress>();

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

// Rows with everything CSV makes hard: commas, quotes, line breaks, NULL next to the empty string.
function tricky(i: number): [number, string | null, string | null, string] {
  const note = i % 7 === 0 ? null : i % 11 === 0 ? '' : `n${i}, "q" ${i % 3 === 0 ? 'line\nbreak' : 'é'}`;
  return [i, `name ${i}`, note, (i * 1.25).toFixed(2)];
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
    if (event === 'sql.exportProgress')
      exports.set((payload as ExportProgress).exportId, payload as ExportProgress);
    if (event === 'sql.importProgress')
      imports.set((payload as ImportProgress).importId, payload as ImportProgress);
  });
  admin = await mysql.createConnection({
    host: primary.host,
    port: primary.port,
    user: 'root',
    password: primary.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.query(
    `CREATE TABLE ${DB}.people (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note TEXT, score DECIMAL(8,2))`,
  );
  await admin.query(`CREATE TABLE ${DB}.nokey (a INT, b VARCHAR(10))`);
  await admin.query(
    `CREATE TABLE ${DB}.big (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note TEXT, score DECIMAL(8,2))`,
  );
  const rows = Array.from({ length: 10_000 }, (_, i) => tricky(i + 1));
  for (let i = 0; i < rows.length; i += 1000) {
    await admin.query(`INSERT INTO ${DB}.big VALUES ?`, [rows.slice(i, i + 1000)]);
  }
  await admin.query(
    `CREATE TABLE ${DB}.orders (id INT PRIMARY KEY, person_id INT, total INT, KEY by_person (person_id))`,
  );
  await admin.query(`INSERT INTO ${DB}.orders SELECT seq, seq % 50, seq FROM ${DB}.seq_1_to_500`);
  const profile = await call('profiles.save', {
    fields: serverProfile('tables', primary),
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

const ref = () => ({ profileId, database: DB, table: 'people' });

async function resetPeople(): Promise<void> {
  await admin.query(`DELETE FROM ${DB}.people`);
  await admin.query(
    `INSERT INTO ${DB}.people VALUES (1, 'Ann', 'likes \\'tea\\'', 1.50), (2, 'Bob', NULL, 2.00), (3, 'Cy', '', NULL)`,
  );
}

async function people(): Promise<unknown[][]> {
  const [rows] = await admin.query({ sql: `SELECT * FROM ${DB}.people ORDER BY id`, rowsAsArray: true });
  return rows as unknown[][];
}

describe('table editing', () => {
  it('previews the exact SQL: keyed by the primary key, checked against the loaded row, escaped', async () => {
    await resetPeople();
    const page = await call('sql.tableRows', { ...ref(), offset: 0, limit: 100 });
    expect(page.columns).toEqual(['id', 'name', 'note', 'score']);
    const preview = await call('sql.previewEdits', {
      ...ref(),
      edits: [
        {
          kind: 'update',
          original: { id: 1, name: 'Ann', note: "likes 'tea'", score: '1.50' },
          changes: { note: "it's\nnew", score: null },
        },
        { kind: 'insert', values: { id: 4, name: 'Dee', note: '' } },
        { kind: 'delete', original: { id: 2, name: 'Bob', note: null, score: '2.00' } },
      ],
    });
    expect(preview.statements.map((s) => s.sql)).toEqual([
      "DELETE FROM `tables_it`.`people` WHERE `id` = 2 AND `name` <=> 'Bob' AND `note` <=> NULL AND `score` <=> 2.00 LIMIT 1",
      "UPDATE `tables_it`.`people` SET `note` = 'it\\'s\\nnew', `score` = NULL WHERE `id` = 1 AND `name` <=> 'Ann' AND `note` <=> 'likes \\'tea\\'' AND `score` <=> 1.50 LIMIT 1",
      "INSERT INTO `tables_it`.`people` (`id`, `name`, `note`) VALUES (4, 'Dee', '')",
    ]);
  });

  it('applies updates, inserts and deletes in one transaction', async () => {
    await resetPeople();
    const res = await call('sql.applyEdits', {
      ...ref(),
      edits: [
        {
          kind: 'update',
          original: { id: 1, name: 'Ann', note: "likes 'tea'", score: '1.50' },
          changes: { note: "it's\nnew", score: null },
        },
        { kind: 'insert', values: { id: 4, name: 'Dee', note: '' } },
        { kind: 'delete', original: { id: 2, name: 'Bob', note: null, score: '2.00' } },
      ],
    });
    expect(res).toEqual({ applied: 3, affected: [1, 1, 1] });
    expect(await people()).toEqual([
      [1, 'Ann', "it's\nnew", null],
      [3, 'Cy', '', null],
      [4, 'Dee', '', null],
    ]);
  });

  it('applies nothing and names the row when it changed or vanished since it was loaded', async () => {
    await resetPeople();
    const edits = [
      {
        kind: 'update' as const,
        original: { id: 3, name: 'Cy', note: '', score: null },
        changes: { name: 'Cyd' },
      },
      {
        kind: 'update' as const,
        original: { id: 1, name: 'Ann', note: "likes 'tea'", score: '1.50' },
        changes: { name: 'Anna' },
      },
    ];
    // Someone else edits row 1 between load and apply.
    await admin.query(`UPDATE ${DB}.people SET note = 'changed elsewhere' WHERE id = 1`);
    await expect(call('sql.applyEdits', { ...ref(), edits })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Row id=1 was changed by someone else'),
      details: { row: 'id=1', reason: 'changed', columns: ['note'] },
    });
    expect((await people()).map((r) => r[1])).toEqual(['Ann', 'Bob', 'Cy']);

    await admin.query(`DELETE FROM ${DB}.people WHERE id = 1`);
    await expect(call('sql.applyEdits', { ...ref(), edits })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { row: 'id=1', reason: 'vanished' },
    });
    expect((await people()).map((r) => r[1])).toEqual(['Bob', 'Cy']);
  });

  it('rolls back when a statement fails and says which row', async () => {
    await resetPeople();
    await expect(
      call('sql.applyEdits', {
        ...ref(),
        edits: [
          {
            kind: 'update',
            original: { id: 3, name: 'Cy', note: '', score: null },
            changes: { name: 'Cyd' },
          },
          { kind: 'insert', values: { id: 2, name: 'again' } },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'SQL_ERROR',
      message: expect.stringMatching(/new row could not be saved: Duplicate entry/),
    });
    expect((await people()).map((r) => r[1])).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('refuses to edit a table without a primary key, saying why', async () => {
    const info = await call('sql.tableInfo', { profileId, database: DB, table: 'nokey' });
    expect(info.primaryKey).toEqual([]);
    expect(info.readOnlyReason).toMatch(/no primary key/);
    await expect(
      call('sql.previewEdits', {
        profileId,
        database: DB,
        table: 'nokey',
        edits: [{ kind: 'insert', values: { a: 1 } }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/no primary key/) });
  });
});

function tables(node: ExplainNode): string[] {
  return [...(node.table ? [node.table] : []), ...node.children.flatMap(tables)];
}

function find(node: ExplainNode, pick: (n: ExplainNode) => boolean): ExplainNode | undefined {
  return pick(node) ? node : node.children.map((c) => find(c, pick)).find(Boolean);
}

describe('EXPLAIN', () => {
  const join = `SELECT p.name, SUM(o.total) FROM big p JOIN orders o ON o.person_id = p.id WHERE p.id < 100 GROUP BY p.name`;

  it('shows a join as a tree with both tables, their access and estimated rows', async () => {
    const res = await call('sql.explain', { profileId, database: DB, sql: join });
    expect(res.format).toBe('json');
    expect(JSON.parse(res.raw)).toHaveProperty('query_block');
    expect(tables(res.root).sort()).toEqual(['o', 'p']);
    const orders = find(res.root, (n) => n.table === 'o')!;
    expect(orders.key).toBe('by_person');
    expect(orders.rows).toBeGreaterThan(0);
    expect(find(res.root, (n) => n.table === 'p')!.accessType).toBe('range');
  });

  it('ANALYZE runs a SELECT and reports the real rows and time; other statements are refused', async () => {
    const res = await call('sql.explain', { profileId, database: DB, sql: join, analyze: true });
    expect(res.format).toBe('analyze');
    expect(res.measure).toBe('time');
    const p = find(res.root, (n) => n.table === 'p')!;
    expect(p.rRows).toBe(99);
    expect(p.rTotalTimeMs).toBeGreaterThanOrEqual(0);
    await expect(
      call('sql.explain', { profileId, database: DB, sql: 'DELETE FROM orders', analyze: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/SELECT statements only/),
    });
  });

  it('ANALYZE is refused for a DELETE hidden in an executable comment behind a SELECT', async () => {
    const count = async () => {
      const [rows] = await admin.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${DB}.orders`);
      return Number(rows[0]?.n);
    };
    const before = await count();
    // The `#` comment inside the executable comment hides its first `*/`: the server runs a DELETE.
    const sql = '/*M!100000 DELETE FROM orders WHERE id > (#*/\nSELECT 0)*/';
    const outcome = await call('sql.explain', { profileId, database: DB, sql, analyze: true }).catch(
      (err: { code: string }) => err,
    );
    expect(await count()).toBe(before);
    expect(outcome).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

async function exportDone(exportId: string): Promise<ExportProgress> {
  return waitUntil(async () => (exports.get(exportId)?.done ? exports.get(exportId) : undefined), {
    what: `export ${exportId}`,
    timeoutMs: 60_000,
    intervalMs: 20,
  });
}

/** Downloads a finished export from the browser server, as the page does: once, then it is gone. */
async function takeDownload(progress: ExportProgress): Promise<string> {
  const url = new URL(progress.downloadUrl!, server.url);
  // The cookie a browser gets by opening the printed address, which the page's download link sends.
  const visit = await fetch(server.url);
  const headers = { cookie: visit.headers.get('set-cookie')?.split(';')[0] ?? '' };
  const res = await fetch(url, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(`filename="${progress.fileName}"`);
  const text = await res.text();
  expect((await fetch(url, { headers })).status).toBe(404);
  return text;
}

describe('export', () => {
  let expected: unknown[][];
  beforeAll(async () => {
    const [rows] = await admin.query({ sql: `SELECT * FROM ${DB}.big`, rowsAsArray: true });
    expected = rows as unknown[][];
  });
  const source = () => ({ kind: 'table' as const, profileId, database: DB, table: 'big' });

  it('writes 10,000 rows as RFC 4180 CSV, NULL apart from the empty string', async () => {
    const { exportId } = await call('sql.export', { source: source(), format: 'csv' });
    const done = await exportDone(exportId!);
    expect(done).toMatchObject({ rows: 10_000, fileName: 'big.csv' });
    const text = await takeDownload(done);
    expect(text.startsWith('id,name,note,score\r\n')).toBe(true);
    const csv = parseCsv(text, true, ',');
    expect(csv.records.map((r) => r.fields)).toEqual(
      expected.map((row) => row.map((v) => (v === null ? null : String(v)))),
    );
    expect(done.bytes).toBe(Buffer.byteLength(text));
    // Sent once, then deleted with its private folder.
    await waitUntil(
      async () => ((await readdir(join(env.dataDir, 'tmp', 'transfers'))).length === 0 ? true : undefined),
      {
        what: 'the sent file to be deleted',
        timeoutMs: 5000,
        intervalMs: 20,
      },
    );
  });

  it('writes JSON lines keyed by column', async () => {
    const { exportId } = await call('sql.export', { source: source(), format: 'jsonl' });
    const text = await takeDownload(await exportDone(exportId!));
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(10_000);
    expect(lines.map((o) => [o.id, o.name, o.note, o.score])).toEqual(expected);
  });

  it('writes batched INSERT statements that load back into an identical table', async () => {
    const { exportId } = await call('sql.export', { source: source(), format: 'sql' });
    const text = await takeDownload(await exportDone(exportId!));
    expect(text.match(/^INSERT INTO `big`/gm)).toHaveLength(20);
    const loader = await mysql
      .createConnection({
        host: primary.host,
        port: primary.port,
        user: 'root',
        password: primary.password,
        database: 'tables_copy',
        multipleStatements: true,
      })
      .catch(async () => {
        await admin.query('CREATE DATABASE tables_copy');
        return mysql.createConnection({
          host: primary.host,
          port: primary.port,
          user: 'root',
          password: primary.password,
          database: 'tables_copy',
          multipleStatements: true,
        });
      });
    try {
      await loader.query(`DROP TABLE IF EXISTS big; CREATE TABLE big LIKE ${DB}.big`);
      await loader.query(text);
      const [rows] = await loader.query({ sql: 'SELECT * FROM big', rowsAsArray: true });
      expect(rows).toEqual(expected);
    } finally {
      await loader.query('DROP DATABASE tables_copy');
      await loader.end();
    }
  });

  it('exports every stored row of a result, read back from the result store', async () => {
    const session = await call('sql.open', { profileId });
    try {
      const result = await call('sql.run', {
        sessionId: session.sessionId,
        sql: `SELECT * FROM ${DB}.big`,
        rowLimit: null,
      });
      if (result.kind !== 'rows') throw new Error('expected rows');
      const { exportId } = await call('sql.export', {
        source: { kind: 'result', resultId: result.resultId, columns: result.columns },
        format: 'jsonl',
      });
      const done = await exportDone(exportId!);
      expect(done.fileName).toBe('result.jsonl');
      const lines = (await takeDownload(done))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((o) => [o.id, o.name, o.note, o.score])).toEqual(expected);
    } finally {
      await call('sql.close', { sessionId: session.sessionId });
    }
  });

  it('a cancelled export leaves no file behind', async () => {
    const { exportId } = await call('sql.export', {
      source: {
        kind: 'query',
        profileId,
        database: DB,
        sql: "SELECT seq, REPEAT('x', 200) FROM seq_1_to_5000000",
      },
      format: 'csv',
    });
    await waitUntil(async () => ((exports.get(exportId!)?.rows ?? 0) > 0 ? true : undefined), {
      what: 'the first rows written',
      timeoutMs: 30_000,
      intervalMs: 10,
    });
    expect(await call('sql.cancelExport', { exportId: exportId! })).toEqual({ cancelled: true });
    const done = await exportDone(exportId!);
    expect(done).toMatchObject({ done: true, cancelled: true });
    expect(done.downloadUrl).toBeUndefined();
    const left = await readdir(join(env.dataDir, 'tmp', 'transfers'), { recursive: true }).catch(() => []);
    expect(left).toEqual([]);
  });
});

describe('CSV import', () => {
  const csv = [
    'id;name;score;note',
    '10;Ann;1.5;first',
    '11;Bob;not a number;second',
    '12;Cy;;"with ; inside"',
    '13;;2;"no name"',
    '14;Dee;3;""',
  ].join('\n');
  const target = () => ({
    profileId,
    database: DB,
    table: 'people',
    text: csv,
    header: true,
    delimiter: 'auto' as const,
  });

  it('previews the file and proposes a mapping by name', async () => {
    const preview = await call('sql.importPreview', target());
    expect(preview.delimiter).toBe(';');
    expect(preview.csvColumns).toEqual(['id', 'name', 'score', 'note']);
    expect(preview.mapping).toEqual(['id', 'name', 'score', 'note']);
    expect(preview.totalRows).toBe(5);
    expect(preview.rows[2]).toEqual(['12', 'Cy', null, 'with ; inside']);
  });

  it('reports exactly the bad rows and imports nothing until the valid rows are confirmed', async () => {
    await admin.query(`DELETE FROM ${DB}.people`);
    const mapping = ['id', 'name', 'score', 'note'];
    const answer = await call('sql.importCsv', { ...target(), mapping, confirmed: false });
    expect(answer).toEqual({
      status: 'rejected',
      validRows: 3,
      rejectedCount: 2,
      rejected: [
        { line: 3, reason: 'score: "not a number" is not a number' },
        { line: 5, reason: 'name: empty, but the column is NOT NULL' },
      ],
    });
    expect(await people()).toEqual([]);

    const started = await call('sql.importCsv', { ...target(), mapping, confirmed: true });
    expect(started).toMatchObject({ status: 'started', total: 3 });
    const importId = started.status === 'started' ? started.importId : '';
    const done = await waitUntil(
      async () => (imports.get(importId)?.done ? imports.get(importId) : undefined),
      {
        what: 'the import',
        timeoutMs: 30_000,
        intervalMs: 20,
      },
    );
    expect(done).toMatchObject({ rows: 3, total: 3 });
    expect(done.error).toBeUndefined();
    expect(await people()).toEqual([
      [10, 'Ann', 'first', '1.50'],
      [12, 'Cy', 'with ; inside', null],
      [14, 'Dee', '', '3.00'],
    ]);
  });

  it('cancel rolls the whole import back', async () => {
    await admin.query(`DELETE FROM ${DB}.people`);
    const text = ['id,name', ...Array.from({ length: 200_000 }, (_, i) => `${i + 1},person ${i + 1}`)].join(
      '\n',
    );
    const base = { profileId, database: DB, table: 'people', text, header: true, delimiter: ',' as const };
    const started = await call('sql.importCsv', { ...base, mapping: ['id', 'name'], confirmed: false });
    if (started.status !== 'started') throw new Error('expected the import to start');
    await waitUntil(async () => ((imports.get(started.importId)?.rows ?? 0) > 0 ? true : undefined), {
      what: 'the first batch',
      timeoutMs: 30_000,
      intervalMs: 5,
    });
    expect(await call('sql.cancelImport', { importId: started.importId })).toEqual({ cancelled: true });
    const done = await waitUntil(
      async () => (imports.get(started.importId)?.done ? imports.get(started.importId) : undefined),
      {
        what: 'the cancelled import',
        timeoutMs: 30_000,
        intervalMs: 20,
      },
    );
    expect(done).toMatchObject({ cancelled: true, rows: 0 });
    expect(await people()).toEqual([]);
  });
});
