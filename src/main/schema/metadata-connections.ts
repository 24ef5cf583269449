import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';

/** Opens a connection with a profile's credentials (the handler wires DbConnector in). */
export type OpenMetadataConnection = (profileId: string) => Promise<Connection>;

export interface MetadataConnectionsOptions {
  open: OpenMetadataConnection;
  /** Closed after this long without a query (default 5 minutes). */
  idleMs?: number;
}

interface Entry {
  conn: Promise<Connection>;
  /** Set once open, so a lost connection is forgotten synchronously (before the retry asks again). */
  ready?: Connection;
  timer?: NodeJS.Timeout;
}

const IDLE_MS = 5 * 60_000;

/**
 * One connection per profile for reading metadata, apart from the editor tabs' sessions, so a long
 * query in a tab never blocks the schema tree. Opened on first use, reused, closed when idle; a
 * connection the server dropped (KILL, restart, wait_timeout) is replaced once, transparently.
 */
export class MetadataConnections {
  private readonly entries = new Map<string, Entry>();
  private readonly idleMs: number;

  constructor(private readonly opts: MetadataConnectionsOptions) {
    this.idleMs = opts.idleMs ?? IDLE_MS;
  }

  /** Runs `fn` on the profile's metadata connection; retried once on a fresh one if it was lost. */
  async use<T>(profileId: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
    const conn = await this.connection(profileId);
    try {
      return await fn(conn);
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      this.forget(profileId, conn);
      return fn(await this.connection(profileId));
    } finally {
      this.touch(profileId);
    }
  }

  async close(profileId: string): Promise<void> {
    const entry = this.entries.get(profileId);
    if (!entry) return;
    this.entries.delete(profileId);
    clearTimeout(entry.timer);
    const conn = await entry.conn.catch(() => undefined);
    await conn
      ?.promise()
      .end()
      .catch(() => conn.destroy());
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.close(id)));
  }

  /** Profiles with an open (or opening) connection; for tests and diagnostics. */
  openProfiles(): string[] {
    return [...this.entries.keys()];
  }

  private connection(profileId: string): Promise<Connection> {
    const existing = this.entries.get(profileId);
    if (existing) return existing.conn;
    const entry: Entry = {
      conn: this.opts.open(profileId).then((c) => {
        entry.ready = c;
        // The server may drop an idle connection: forget it so the next call opens another.
        c.on('error', () => this.forget(profileId, c));
        c.on('end', () => this.forget(profileId, c));
        return c;
      }),
    };
    this.entries.set(profileId, entry);
    // A failed open is not cached: the next call tries again (the password may have been fixed).
    entry.conn.catch(() => {
      if (this.entries.get(profileId) === entry) this.entries.delete(profileId);
    });
    return entry.conn;
  }

  private touch(profileId: string): void {
    const entry = this.entries.get(profileId);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.close(profileId), this.idleMs);
    entry.timer.unref();
  }

  private forget(profileId: string, conn: Connection): void {
    const entry = this.entries.get(profileId);
    if (entry?.ready !== conn) return;
    this.entries.delete(profileId);
    clearTimeout(entry.timer);
    conn.destroy();
  }
}

function isConnectionLost(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'CONNECTION_LOST';
  const e = err as { fatal?: boolean; code?: string } | null;
  return e?.fatal === true || e?.code === 'PROTOCOL_CONNECTION_LOST';
}
