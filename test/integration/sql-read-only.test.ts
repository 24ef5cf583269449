import mysql from 'mysql2/promise';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createEventHub } from '../../src/main/events';
import { openConnection } from '../../src/main/mysql/open-connection';
import { SqlSessionManager } from '../../src/main/mysql/session-manager';
import type { ProfileFields } from '../../src/shared/models/profile';

const primary = inject('harness').mariadb!.primary;
const db = 'read_only_it';

let manager: SqlSessionManager;
let admin: mysql.Connection;

const fields: ProfileFields = {
  name: 'read-only',
  host: primary.host,
  port: primary.port,
  user: primary.user,
  database: db,
  tls: false,
  color: 'blue',
  readOnly: true,
};

async function rowCount(): Promise<number> {
  const [rows] = await admin.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${db}.t`);
  return Number(rows[0]?.n);
}

/** A session as the SQL tab opens it, on a profile marked read-only. */
function openReadOnly() {
  return manager.open('read-only', fields, () =>
    openConnection(fields, { user: primary.user, password: primary.password }),
  );
}

/** Sends a statement (confirmed, as after the user's yes) and returns its refusal, or 'ran'. */
async function refusal(sessionId: string, sql: string): Promise<{ code: string; message: string } | 'ran'> {
  try {
    await manager.run(sessionId, sql, { confirmed: true });
    return 'ran';
  } catch (err) {
    return err as { code: string; message: string };
  }
}

beforeAll(async () => {
  manager = new SqlSessionManager(createEventHub());
  const { host, port, user, password } = primary;
  admin = await mysql.createConnection({ host, port, user, password });
  await admin.query(`CREATE DATABASE IF NOT EXISTS ${db}`);
  await admin.query(`CREATE TABLE IF NOT EXISTS ${db}.t (id INT PRIMARY KEY)`);
});

beforeEach(async () => {
  await admin.query(`REPLACE INTO ${db}.t VALUES (1), (2), (3)`);
});

afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin?.end();
  await manager?.closeAll();
});

describe('a read-only profile', () => {
  it('refuses to make the session writable, however the statement is spelled, and keeps every row', async () => {
    const { sessionId } = await openReadOnly();

    const lift = await refusal(sessionId, 'SET SESSION TRANSACTION READ/**/WRITE');
    const remove = await refusal(sessionId, 'SET STATEMENT max_statement_time=0 FOR DELETE FROM t');
    expect(await rowCount()).toBe(3);
    expect(lift).toMatchObject({ code: 'SQL_ERROR', message: expect.stringMatching(/read-only.*writable/) });
    expect(remove).toMatchObject({ code: 'SQL_ERROR', message: expect.stringMatching(/read-only.*DELETE/) });

    for (const sql of [
      'SET @@session.tx_read_only = 0',
      'set /* x */ session transaction_read_only = OFF',
      'START TRANSACTION READ -- x\n WRITE',
      '/*!SET SESSION TRANSACTION READ WRITE */',
    ]) {
      expect(await refusal(sessionId, sql)).toMatchObject({ message: expect.stringMatching(/read-only/) });
    }
    // Still read-only on the server: even sent as the app would, the DELETE fails there too.
    await manager.run(sessionId, 'SET SESSION max_statement_time = 0');
    expect(await refusal(sessionId, 'DELETE FROM t')).toMatchObject({
      message: expect.stringMatching(/read-only|READ ONLY/),
    });
    expect(await rowCount()).toBe(3);
    await manager.close(sessionId);
  });

  it('still runs reads and harmless session settings', async () => {
    const { sessionId } = await openReadOnly();
    await manager.run(sessionId, "SET NAMES utf8mb4, @picked = 2, time_zone = '+00:00'");
    const res = await manager.run(
      sessionId,
      'SET STATEMENT max_statement_time=5 FOR SELECT id FROM t WHERE id = @picked',
    );
    expect(res).toMatchObject({ kind: 'rows', rows: [[2]] });
    await manager.close(sessionId);
  });
});
