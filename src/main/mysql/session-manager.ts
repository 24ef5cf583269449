import { randomUUID } from 'node:crypto';
import type { Connection, ResultSetHeader } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { ProfileFields } from '../../shared/models/profile';
import { DEFAULT_ROW_LIMIT, type QueryResult, type SqlSession } from '../../shared/models/sql';
import type { EventHub } from '../events';
import { mapMysqlError } from './map-error';
import { ResultRegistry, type ResultRegistryOptions } from './result-store-registry';
import type { RowSort } from './result-store-view';
import type { RunningQuery } from './run-query';
import { runIntoStore } from './session-run';
import { observeStatement, type StatementObserver } from './statement-observer';
import { readSessionState, restoreSessionState } from './session-state';
import { DEFAULT_RECONNECT, reconnectWithBackoff, type ReconnectPolicy } from './session-reconnect';
import { guardStatement } from './statement-guard';

interface Session {
  info: SqlSession;
  conn: Connection;
  fields: ProfileFields;
  connect: () => Promise<Connection>;
  reconnecting: boolean;
  closing: boolean;
  /** Statements run one after another; each waits for the previous one's last row. */
  tail: Promise<void>;
  running?: RunningQuery;
  /** Bumped by cancel, so statements still queued behind the running one are dropped too. */
  epoch: number;
}

export interface SessionManagerOptions {
  results?: ResultRegistryOptions;
  reconnect?: ReconnectPolicy;
  progressIntervalMs?: number;
  /** Told how each statement run settled (the query history subscribes here). */
  observer?: StatementObserver;
}

export interface RunRequest {
  rowLimit?: number | null;
  confirmed?: boolean;
  /** The caller's id for the result (it listens for its progress before asking); one in use is refused. */
  resultId?: string;
}

const SERVER_STATUS_IN_TRANS = 1;
const SERVER_STATUS_AUTOCOMMIT = 2;

/** One connection per editor tab, so USE, variables and transactions stay with the tab. */
export class SqlSessionManager {
  private readonly sessions = new Map<string, Session>();
  /** Callers' result ids whose statements have not settled yet (their result may not exist yet). */
  private readonly claimed = new Set<string>();
  readonly results: ResultRegistry;

  constructor(
    private readonly events: Pick<EventHub, 'emit'>,
    private readonly opts: SessionManagerOptions = {},
  ) {
    this.results = new ResultRegistry(opts.results);
  }

  /** `connect` opens a connection with the profile's current credentials (see DbConnector). */
  async open(
    profileId: string,
    fields: ProfileFields,
    connect: () => Promise<Connection>,
  ): Promise<SqlSession> {
    const conn = await connect();
    try {
      const info: SqlSession = {
        sessionId: randomUUID(),
        profileId,
        serverVersion: '',
        readOnly: fields.readOnly,
        autocommit: true,
        inTransaction: false,
      };
      if (fields.readOnly) await conn.promise().query('SET SESSION TRANSACTION READ ONLY');
      Object.assign(info, await readSessionState(conn));
      const session: Session = {
        info,
        conn,
        fields,
        connect,
        reconnecting: false,
        closing: false,
        tail: Promise.resolve(),
        epoch: 0,
      };
      this.sessions.set(info.sessionId, session);
      this.watch(session, conn);
      return { ...info };
    } catch (err) {
      conn.destroy();
      throw mapMysqlError(err, fields);
    }
  }

  async run(sessionId: string, sql: string, req: RunRequest = {}): Promise<QueryResult> {
    const s = this.get(sessionId);
    const statement = guardStatement(sql, { readOnly: s.fields.readOnly, confirmed: req.confirmed === true });
    const resultId = this.claimResultId(req.resultId);
    const observed = observeStatement(this.opts.observer, { profileId: s.info.profileId, sessionId, sql });
    const release = await observed.waiting(this.turn(s)).catch((err: unknown) => {
      this.claimed.delete(resultId);
      throw err;
    });
    const { running, settled } = runIntoStore(s.conn, sql, {
      sessionId,
      resultId,
      rowLimit: req.rowLimit === undefined ? DEFAULT_ROW_LIMIT : req.rowLimit,
      fields: s.fields,
      connect: s.connect,
      events: this.events,
      results: this.results,
      progressIntervalMs: this.opts.progressIntervalMs ?? 100,
    });
    s.running = running;
    void settled.then(async (outcome) => {
      this.claimed.delete(resultId);
      s.running = undefined;
      if (!s.reconnecting) await this.track(s, outcome.header, statement.verb).catch(() => undefined);
      release();
    });
    return observed.answer(running.first, settled);
  }

  /** A caller's id is checked before the statement runs: refused while a result or a run holds it. */
  private claimResultId(wanted: string | undefined): string {
    if (wanted === undefined) return randomUUID();
    if (this.claimed.has(wanted) || this.results.has(wanted))
      throw new AppError(
        'CONFLICT',
        `The result id "${wanted}" is already in use; make a new one for each run.`,
      );
    this.claimed.add(wanted);
    return wanted;
  }

  rows(resultId: string, offset: number, limit: number, sort?: RowSort[], filter?: string) {
    return this.results.get(resultId).window(offset, limit, sort, filter);
  }

  async cancel(sessionId: string): Promise<{ cancelled: boolean }> {
    const s = this.get(sessionId);
    s.epoch++;
    const running = s.running;
    if (!running) return { cancelled: false };
    await running.cancel();
    return { cancelled: true };
  }

  setAutocommit(sessionId: string, on: boolean): Promise<SqlSession> {
    return this.command(sessionId, `SET autocommit = ${on ? 1 : 0}`);
  }

  commit(sessionId: string): Promise<SqlSession> {
    return this.command(sessionId, 'COMMIT');
  }

  rollback(sessionId: string): Promise<SqlSession> {
    return this.command(sessionId, 'ROLLBACK');
  }

  info(sessionId: string): SqlSession {
    return { ...this.get(sessionId).info };
  }

  async close(sessionId: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    session.closing = true;
    this.sessions.delete(sessionId);
    await this.results.closeSession(sessionId);
    await session.conn
      .promise()
      .end()
      .catch(() => session.conn.destroy());
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
    await this.results.dispose();
  }

  private async command(sessionId: string, sql: string): Promise<SqlSession> {
    const s = this.get(sessionId);
    const release = await this.turn(s);
    try {
      const [header] = await s.conn.promise().query(sql);
      await this.track(s, header as ResultSetHeader, '');
      return { ...s.info };
    } catch (err) {
      throw mapMysqlError(err, s.fields);
    } finally {
      release();
    }
  }

  /** Waits for the statements before this one; refuses when the session cannot run anything now. */
  private async turn(s: Session): Promise<() => void> {
    const epoch = s.epoch;
    const previous = s.tail;
    let release!: () => void;
    s.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const refusal = s.closing
      ? new AppError('NOT_FOUND', 'This session is closed. Reconnect to run queries.')
      : s.reconnecting
        ? new AppError('CONNECTION_LOST', 'The connection is being re-established. Try again in a moment.')
        : s.epoch !== epoch
          ? new AppError('CANCELLED', 'Query cancelled')
          : undefined;
    if (refusal) {
      release();
      throw refusal;
    }
    return release;
  }

  /** Keeps autocommit / transaction / database in step with the server after a statement. */
  private async track(s: Session, header: ResultSetHeader | undefined, verb: string): Promise<void> {
    const before = JSON.stringify(s.info);
    if (header && typeof header.serverStatus === 'number') {
      s.info.inTransaction = (header.serverStatus & SERVER_STATUS_IN_TRANS) !== 0;
      s.info.autocommit = (header.serverStatus & SERVER_STATUS_AUTOCOMMIT) !== 0;
    }
    if (/^(USE|DROP DATABASE|DROP SCHEMA)$/.test(verb)) Object.assign(s.info, await readSessionState(s.conn));
    if (JSON.stringify(s.info) !== before) this.emitStatus(s, 'open', '');
  }

  private emitStatus(
    s: Session,
    status: 'open' | 'reconnecting' | 'lost',
    message: string,
    attempt?: number,
  ): void {
    this.events.emit('sql.sessionStatus', {
      sessionId: s.info.sessionId,
      status,
      message,
      ...(attempt ? { attempt } : {}),
      session: { ...s.info },
    });
  }

  private get(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('NOT_FOUND', 'This session is closed. Reconnect to run queries.');
    return session;
  }

  private watch(s: Session, conn: Connection): void {
    // A dropped connection (server restart, failover, KILL, idle timeout): reconnect behind the tab.
    conn.on('error', (err: unknown) => this.dropped(s, conn, mapMysqlError(err, s.fields).message));
    conn.on('end', () => this.dropped(s, conn, 'The server closed the connection.'));
  }

  private dropped(s: Session, conn: Connection, reason: string): void {
    if (s.conn !== conn || s.closing || s.reconnecting || !this.sessions.has(s.info.sessionId)) return;
    s.reconnecting = true;
    conn.destroy();
    s.running?.abort(
      new AppError(
        'CONNECTION_LOST',
        `The connection was lost while the statement ran (${reason}) It was not run again; reconnecting.`,
      ),
    );
    const hadTransaction = s.info.inTransaction === true;
    void reconnectWithBackoff(
      {
        connect: s.connect,
        restore: (next) => restoreSessionState(next, s.info, s.fields.readOnly),
        onAttempt: (attempt, last) =>
          this.emitStatus(
            s,
            'reconnecting',
            `Connection lost: ${last ?? reason} Reconnecting (attempt ${attempt})…`,
            attempt,
          ),
        abandoned: () => s.closing || !this.sessions.has(s.info.sessionId),
      },
      this.opts.reconnect ?? DEFAULT_RECONNECT,
    ).then(async ({ conn: next, lastError }) => {
      if (next) {
        s.conn = next;
        s.reconnecting = false;
        s.info.inTransaction = false;
        Object.assign(s.info, await readSessionState(next).catch(() => ({})));
        this.watch(s, next);
        const note = hadTransaction ? ' The open transaction was rolled back by the server.' : '';
        this.emitStatus(s, 'open', `Reconnected.${note}`);
        return;
      }
      if (s.closing) return;
      const message = `Could not reconnect: ${lastError ?? reason}`;
      this.emitStatus(s, 'lost', message);
      this.sessions.delete(s.info.sessionId);
      await this.results.closeSession(s.info.sessionId);
      this.events.emit('sql.sessionClosed', { sessionId: s.info.sessionId, reason: message });
    });
  }
}
