import { EventEmitter } from 'node:events';
import type { Connection } from 'mysql2';

const LONG = 3;

/** What the fake server does with one statement. */
export type Script =
  | { rows: number; pauseAfter?: { row: number; until: Promise<void> } }
  | { ok: { affectedRows: number } }
  | { error: { errno: number; code: string; message: string } }
  /** Runs until a KILL QUERY names its connection. */
  | { hang: true };

/**
 * A stand-in for mysql2 connections to one server, enough for a SQL session: the session state read,
 * statements streamed as mysql2 streams them (fields, rows, OK packet or error, then end), and
 * KILL QUERY over a side connection. Statements it has no script for fail as a syntax error would.
 */
export class FakeMysqlServer {
  private nextThread = 1;
  private readonly running = new Map<number, EventEmitter>();
  private readonly hangWaiters: (() => void)[] = [];

  constructor(private readonly scripts: Record<string, Script>) {}

  connect = async (): Promise<Connection> => this.connection();

  /** Settles once the next `hang` statement is running on the server (so a KILL QUERY finds it). */
  whenHanging(): Promise<void> {
    return new Promise((resolve) => this.hangWaiters.push(resolve));
  }

  private connection(): Connection {
    const threadId = this.nextThread++;
    const conn = Object.assign(new EventEmitter(), {
      threadId,
      pause: () => undefined,
      resume: () => undefined,
      destroy: () => undefined,
      query: (opts: { sql: string }) => this.run(threadId, opts.sql),
      promise: () => ({
        query: async (q: string | { sql: string }) => this.command(typeof q === 'string' ? q : q.sql),
        end: async () => undefined,
      }),
    });
    return conn as unknown as Connection;
  }

  private async command(sql: string): Promise<unknown[]> {
    if (sql.startsWith('SELECT VERSION()')) return [[['10.11.0-fake', 1, null, 1]]];
    const kill = /^KILL QUERY (\d+)$/.exec(sql);
    if (kill) {
      const query = this.running.get(Number(kill[1]));
      query?.emit('error', Object.assign(new Error('Query execution was interrupted'), { errno: 1317 }));
      query?.emit('end');
    }
    return [{ affectedRows: 0, serverStatus: 2 }];
  }

  private run(threadId: number, sql: string): EventEmitter {
    const query = new EventEmitter();
    const script = this.scripts[sql] ?? {
      error: {
        errno: 1064,
        code: 'ER_PARSE_ERROR',
        message: `You have an error in your SQL syntax near '${sql}'`,
      },
    };
    setImmediate(async () => {
      if ('hang' in script) {
        query.emit('fields', [{ name: 'x', columnType: LONG }]);
        this.running.set(threadId, query);
        query.once('end', () => this.running.delete(threadId));
        this.hangWaiters.splice(0).forEach((resolve) => resolve());
        return;
      }
      if ('error' in script) {
        const { errno, code, message } = script.error;
        query.emit(
          'error',
          Object.assign(new Error(message), { errno, code, sqlMessage: message, sqlState: '42000' }),
        );
      } else if ('ok' in script) {
        query.emit('fields', undefined);
        query.emit('result', { ...script.ok, insertId: 0, warningStatus: 0, info: '', serverStatus: 2 });
      } else {
        query.emit('fields', [{ name: 'n', columnType: LONG }]);
        for (let i = 1; i <= script.rows; i++) {
          query.emit('result', [i]);
          if (script.pauseAfter?.row === i) await script.pauseAfter.until;
        }
      }
      query.emit('end');
    });
    return query;
  }
}
