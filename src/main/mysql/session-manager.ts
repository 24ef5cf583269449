import { randomUUID } from 'node:crypto';
import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { ProfileFields } from '../../shared/models/profile';
import type { QueryResult, SqlSession } from '../../shared/models/sql';
import type { EventHub } from '../events';
import { mapMysqlError } from './map-error';
import { serverVersion } from './open-connection';
import { runQuery } from './run-query';

interface Session {
  info: SqlSession;
  conn: Connection;
  fields: ProfileFields;
  closing: boolean;
}

/** One connection per editor tab, so USE, variables and transactions stay with the tab. */
export class SqlSessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly events: Pick<EventHub, 'emit'>) {}

  /** `connect` opens the connection with the profile's credentials (see DbConnector). */
  async open(
    profileId: string,
    fields: ProfileFields,
    connect: () => Promise<Connection>,
  ): Promise<SqlSession> {
    const conn = await connect();
    try {
      if (fields.readOnly) await conn.promise().query('SET SESSION TRANSACTION READ ONLY');
      const info: SqlSession = {
        sessionId: randomUUID(),
        profileId,
        serverVersion: await serverVersion(conn),
      };
      const session: Session = { info, conn, fields, closing: false };
      this.sessions.set(info.sessionId, session);
      // A dropped connection (server restart, failover, idle timeout) is told to the tab at once.
      conn.on('error', (err: unknown) => this.lost(session, mapMysqlError(err, fields).message));
      conn.on('end', () => this.lost(session, 'The server closed the connection.'));
      return info;
    } catch (err) {
      conn.destroy();
      throw mapMysqlError(err, fields);
    }
  }

  async run(sessionId: string, sql: string): Promise<QueryResult> {
    const session = this.get(sessionId);
    try {
      return await runQuery(session.conn, sql);
    } catch (err) {
      throw mapMysqlError(err, session.fields);
    }
  }

  async close(sessionId: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    session.closing = true;
    this.sessions.delete(sessionId);
    await session.conn
      .promise()
      .end()
      .catch(() => session.conn.destroy());
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private get(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('NOT_FOUND', 'This session is closed. Reconnect to run queries.');
    return session;
  }

  private lost(session: Session, reason: string): void {
    if (session.closing || !this.sessions.has(session.info.sessionId)) return;
    this.sessions.delete(session.info.sessionId);
    session.conn.destroy();
    this.events.emit('sql.sessionClosed', { sessionId: session.info.sessionId, reason });
  }
}
