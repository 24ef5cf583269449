import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { NodeAccess } from '../../shared/models/replication';
import { mapMysqlError } from '../mysql/map-error';
import { readNode, type StatementMemo } from './read-node';
import { addressOf, type MemberView } from './topology';

/** Opens a connection to `host:port` the way `via` says (a saved profile, or a profile's login there). */
export type OpenVia = (via: NodeAccess, host: string, port: number) => Promise<Connection>;

/** A server of the monitor with its own connection, kept across refreshes. */
export interface Member extends MemberView {
  /** How it is reached; the snapshot shows `none` until a connection has once succeeded. */
  via: NodeAccess;
  /** Why it is part of the topology: the start profile, RDS, a peer some reading named, or one the user attached. */
  origin: 'start' | 'rds' | 'peer' | 'attached';
  conn: Connection | undefined;
  connecting: Promise<Connection> | undefined;
  memo: StatementMemo;
  /** A login the server refused: not tried again until a profile is attached. */
  refused: boolean;
}

// Retrying these would only be refused again (and may count against the account).
const FINAL_CODES = new Set(['AUTH_FAILED', 'TLS_FAILED', 'SSH_FAILED', 'UNKNOWN_DATABASE']);

export function newMember(
  host: string,
  port: number,
  via: NodeAccess,
  origin: Member['origin'],
  label: string,
): Member {
  return {
    host,
    port,
    aliases: [addressOf(host, port)],
    serverId: null,
    connectedOnce: false,
    access: via,
    label,
    rdsInstanceId: null,
    rdsSourceId: null,
    reading: null,
    lastReading: null,
    error: null,
    measured: null,
    readMs: null,
    via,
    origin,
    conn: undefined,
    connecting: undefined,
    memo: {},
    refused: false,
  };
}

/**
 * Connects the member when it has no connection (a lost one is replaced here, on the next refresh)
 * and reads it, within `timeoutMs`: a dead server cannot hold up the refresh of the others.
 */
export async function refreshMember(m: Member, open: OpenVia, timeoutMs: number): Promise<void> {
  if (m.port === 0) {
    m.reading = null;
    m.error ??= {
      code: 'UNKNOWN_PEER',
      message: `A replica connects from ${m.host} but reports no address (report_host); connect it with a profile.`,
    };
    return;
  }
  if (m.via.kind === 'none' || m.refused) {
    m.reading = null;
    m.access = { kind: 'none' };
    m.error ??= {
      code: 'NOT_CONNECTED',
      message: `Found through replication at ${m.host}:${m.port}. No credentials are sent to a server only another one names: connect it with a saved connection, or allow one for this address.`,
    };
    return;
  }
  const started = performance.now();
  try {
    const conn = await withTimeout(connected(m, open), timeoutMs, m);
    const reading = await withTimeout(
      readNode(async (sql) => {
        const [rows] = await conn.promise().query(sql);
        return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
      }, m.memo),
      timeoutMs,
      m,
    );
    m.reading = reading;
    m.lastReading = reading;
    m.serverId = reading.server.serverId;
    m.connectedOnce = true;
    m.access = m.via;
    m.error = null;
  } catch (err) {
    drop(m);
    m.reading = null;
    m.error = nodeError(err, m);
    if (!m.connectedOnce) m.access = { kind: 'none' };
    if (!m.connectedOnce && FINAL_CODES.has(m.error.code)) m.refused = true;
  } finally {
    m.readMs = Math.round(performance.now() - started);
  }
}

/** Ends the member's connection. */
export function drop(m: Member): void {
  const conn = m.conn;
  m.conn = undefined;
  closeConnection(conn);
}

/**
 * Says goodbye (COM_QUIT) and lets the server close; a socket that is already gone, or a server that
 * never answers, cannot throw or linger: errors are swallowed and the socket is destroyed after 1 s.
 */
export function closeConnection(conn: Connection | undefined): void {
  if (!conn) return;
  conn.on('error', () => undefined);
  try {
    conn.end();
  } catch {
    conn.destroy();
    return;
  }
  setTimeout(() => conn.destroy(), 1000).unref();
}

async function connected(m: Member, open: OpenVia): Promise<Connection> {
  if (m.conn) return m.conn;
  // A connect that outlived the previous refresh's timeout is awaited again, not started twice.
  m.connecting ??= open(m.via, m.host, m.port).then(
    (conn) => {
      m.connecting = undefined;
      m.conn = conn;
      // A server-side drop must not crash the app; the next refresh reconnects.
      conn.on('error', () => {
        if (m.conn === conn) drop(m);
      });
      return conn;
    },
    (err: unknown) => {
      m.connecting = undefined;
      throw err;
    },
  );
  return m.connecting;
}

function withTimeout<T>(work: Promise<T>, ms: number, m: Member): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('TIMEOUT', `No answer from ${m.host}:${m.port} within ${Math.round(ms / 100) / 10} s`),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function nodeError(err: unknown, m: Member): { code: string; message: string } {
  const mapped = mapMysqlError(err, { host: m.host, port: m.port });
  return { code: mapped.code, message: mapped.message };
}
