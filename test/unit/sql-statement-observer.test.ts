import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../../src/main/events';
import { SqlSessionManager } from '../../src/main/mysql/session-manager';
import type { SettledStatement, StatementObserver } from '../../src/main/mysql/statement-observer';
import { recordSqlHistory } from '../../src/main/sql-history/record-history';
import type { HistoryEntry } from '../../src/shared/models/sql-history';
import type { ProfileFields } from '../../src/shared/models/profile';
import { FakeMysqlServer } from './support/fake-mysql-connection';

const fields: ProfileFields = {
  name: 'fake',
  host: 'db.example',
  port: 3306,
  user: 'app',
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
};

let release!: () => void;
const streamGate = new Promise<void>((resolve) => (release = resolve));

const server = new FakeMysqlServer({
  'SELECT n FROM three': { rows: 3 },
  'UPDATE t SET a = 1 WHERE id < 3': { ok: { affectedRows: 2 } },
  'SELECT SLEEP(60)': { hang: true },
  'SELECT n FROM many': { rows: 600, pauseAfter: { row: 500, until: streamGate } },
});

let manager: SqlSessionManager | undefined;
afterEach(async () => {
  await manager?.closeAll();
});

function observed(): { seen: SettledStatement[]; open: () => Promise<string> } {
  const seen: SettledStatement[] = [];
  const observer: StatementObserver = { statementSettled: (s) => void seen.push(s) };
  const sessions = new SqlSessionManager(createEventHub(), { observer });
  manager = sessions;
  const open = async () => (await sessions.open('p1', fields, server.connect)).sessionId;
  return { seen, open };
}

describe('the statement observer of the SQL sessions', () => {
  it('is told once per statement, before the answer, with rows, affected rows or the error', async () => {
    const { seen, open } = observed();
    const sessionId = await open();

    const rows = await manager!.run(sessionId, 'SELECT n FROM three');
    expect(seen).toHaveLength(1);
    await manager!.run(sessionId, 'UPDATE t SET a = 1 WHERE id < 3');
    await expect(manager!.run(sessionId, 'SELEC 1')).rejects.toMatchObject({ code: 'SQL_ERROR' });

    expect(rows).toMatchObject({ kind: 'rows', rowCount: 3, complete: true });
    expect(seen).toEqual([
      expect.objectContaining({
        profileId: 'p1',
        sessionId,
        sql: 'SELECT n FROM three',
        outcome: { kind: 'ok' },
        rowCount: 3,
        finalRowCount: undefined,
      }),
      expect.objectContaining({
        sql: 'UPDATE t SET a = 1 WHERE id < 3',
        outcome: { kind: 'ok' },
        affectedRows: 2,
      }),
      expect.objectContaining({
        sql: 'SELEC 1',
        outcome: { kind: 'error', code: 'SQL_ERROR', message: expect.stringContaining('SQL syntax') },
      }),
    ]);
    for (const s of seen) {
      expect(s.startedAt).toBeInstanceOf(Date);
      expect(s.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('tells a cancel as cancelled, for the running statement and the one queued behind it', async () => {
    const { seen, open } = observed();
    const sessionId = await open();

    const onServer = server.whenHanging();
    const running = manager!.run(sessionId, 'SELECT SLEEP(60)');
    const queued = manager!.run(sessionId, 'SELECT n FROM three');
    await onServer;
    expect(await manager!.cancel(sessionId)).toEqual({ cancelled: true });

    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.map((s) => [s.sql, s.outcome])).toEqual([
      ['SELECT SLEEP(60)', { kind: 'cancelled' }],
      ['SELECT n FROM three', { kind: 'cancelled' }],
    ]);
  });

  it('is not told about statements nothing ran: refused by the guard, or on a closed session', async () => {
    const { seen, open } = observed();
    const sessionId = await open();

    await expect(manager!.run(sessionId, 'DROP TABLE t')).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    await manager!.close(sessionId);
    await expect(manager!.run(sessionId, 'SELECT n FROM three')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(seen).toEqual([]);
  });

  it('gives a result still streaming at the answer its final row count once reading is over', async () => {
    const { seen, open } = observed();
    const sessionId = await open();

    const first = await manager!.run(sessionId, 'SELECT n FROM many', { rowLimit: null });
    expect(first).toMatchObject({ kind: 'rows', complete: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rowCount).toBe(500);
    release();
    await expect(seen[0]!.finalRowCount).resolves.toBe(600);
  });

  it('never fails a statement because the observer failed', async () => {
    const sessions = new SqlSessionManager(createEventHub(), {
      observer: {
        statementSettled: () => Promise.reject(new Error('disk full')),
      },
    });
    manager = sessions;
    const { sessionId } = await sessions.open('p1', fields, server.connect);
    await expect(sessions.run(sessionId, 'SELECT n FROM three')).resolves.toMatchObject({ rowCount: 3 });
  });
});

describe('the query history as a statement observer', () => {
  const statement = (over: Partial<SettledStatement>): SettledStatement => ({
    profileId: 'p1',
    sessionId: 's1',
    sql: 'SELECT 1',
    startedAt: new Date('2026-01-01T00:00:00.000Z'),
    durationMs: 4,
    outcome: { kind: 'ok' },
    ...over,
  });

  function fakeHistory() {
    const added: Omit<HistoryEntry, 'id'>[] = [];
    const updates: [string, string, Partial<HistoryEntry>][] = [];
    return {
      added,
      updates,
      store: {
        add: async (entry: Omit<HistoryEntry, 'id'>) => {
          added.push(entry);
          return { ...entry, id: `e${added.length}` };
        },
        update: async (profileId: string, id: string, patch: Partial<HistoryEntry>) => {
          updates.push([profileId, id, patch]);
        },
      },
    };
  }

  it('writes rows, affected rows, errors and cancels as history entries', async () => {
    const history = fakeHistory();
    const recorder = recordSqlHistory(history.store);
    await recorder.statementSettled(statement({ rowCount: 2 }));
    await recorder.statementSettled(statement({ sql: 'DELETE FROM t WHERE id = 1', affectedRows: 1 }));
    await recorder.statementSettled(
      statement({ sql: 'SELEC 1', outcome: { kind: 'error', code: 'SQL_ERROR', message: 'syntax' } }),
    );
    await recorder.statementSettled(statement({ sql: 'SELECT SLEEP(9)', outcome: { kind: 'cancelled' } }));

    const base = { profileId: 'p1', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 4 };
    expect(history.added).toEqual([
      { ...base, sql: 'SELECT 1', rowCount: 2 },
      { ...base, sql: 'DELETE FROM t WHERE id = 1', affectedRows: 1 },
      { ...base, sql: 'SELEC 1', error: { code: 'SQL_ERROR', message: 'syntax' } },
      { ...base, sql: 'SELECT SLEEP(9)', error: { code: 'CANCELLED', message: 'Query cancelled' } },
    ]);
  });

  it('updates the entry of a streaming result with its final row count', async () => {
    const history = fakeHistory();
    let finish!: (n: number) => void;
    const finalRowCount = new Promise<number>((resolve) => (finish = resolve));
    await recordSqlHistory(history.store).statementSettled(statement({ rowCount: 500, finalRowCount }));
    expect(history.updates).toEqual([]);
    finish(2000);
    await finalRowCount;
    expect(history.updates).toEqual([['p1', 'e1', { rowCount: 2000 }]]);
  });
});
