import { randomBytes } from 'node:crypto';
import { startReplica } from '../../src/lab/engine/replication';
import { withConnection } from '../../src/lab/engine/sql-connection';
import { registerCleanup } from './cleanup';
import { findMariaDbBinaries } from './mariadb-binaries';
import { connectSocket, startMariaDbServer, type MariaDbServer } from './mariadb-server';

export interface DbEndpoint {
  host: '127.0.0.1';
  port: number;
  user: 'root';
  password: string;
  dataDir: string;
  pid: number;
}

export interface MariaDbPair {
  primary: DbEndpoint;
  replica: DbEndpoint;
  stop(): Promise<void>;
}

export interface MariaDbPairOptions {
  /** Bound for each server to accept connections and for replication to run (default 30 s). */
  startTimeoutMs?: number;
}

const REPL_USER = 'repl';

/**
 * A throwaway MariaDB primary and a GTID replica of it, both on free ports on 127.0.0.1, both with one
 * random root password. The replica is read_only and its replication threads are running on return.
 */
export async function startMariaDbPair(opts: MariaDbPairOptions = {}): Promise<MariaDbPair> {
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const bin = findMariaDbBinaries();
  // Both servers are prepared and booted at once: each mostly waits on disk and uses one core.
  const started = await Promise.allSettled([
    startMariaDbServer(bin, { role: 'primary', serverId: 1, startTimeoutMs }),
    startMariaDbServer(bin, { role: 'replica', serverId: 2, startTimeoutMs }),
  ]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = registerCleanup('mariadb pair', async () => {
    const results = await Promise.allSettled(servers.map((server) => server.stop()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });
  try {
    const [primary, replica] = started.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    if (!primary || !replica) throw new Error('MariaDB pair did not start');
    const password = randomSecret();
    const replPassword = randomSecret();
    await Promise.all([
      secure(primary, password, createReplUser(replPassword)),
      secure(replica, password, []),
    ]);
    await startReplication(replica, password, primary.port, replPassword, startTimeoutMs);
    return { primary: endpoint(primary, password), replica: endpoint(replica, password), stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

function endpoint(server: MariaDbServer, password: string): DbEndpoint {
  return {
    host: '127.0.0.1',
    port: server.port,
    user: 'root',
    password,
    dataDir: server.dataDir,
    pid: server.pid,
  };
}

// URL-safe so the password never needs quoting in a shell, a URL or a config file.
function randomSecret(): string {
  return randomBytes(18).toString('base64url');
}

type Statement = readonly [sql: string, values?: unknown[]];

function createReplUser(replPassword: string): Statement[] {
  return [
    [`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [REPL_USER, replPassword]],
    [`GRANT REPLICATION SLAVE ON *.* TO ?@'127.0.0.1'`, [REPL_USER]],
  ];
}

/** Gives root a password for socket and TCP logins and runs any extra setup, none of it binlogged. */
async function secure(server: MariaDbServer, password: string, extra: Statement[]): Promise<void> {
  const statements: Statement[] = [
    // Setup stays out of the binlog: both servers start from the same empty GTID state, and no local
    // transaction on the replica can clash with replicated ones under gtid_strict_mode.
    ['SET SESSION sql_log_bin = 0'],
    [`ALTER USER 'root'@'localhost' IDENTIFIED BY ?`, [password]],
    [`CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ?`, [password]],
    [`ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY ?`, [password]],
    [`GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION`],
    [`ALTER USER IF EXISTS 'root'@'::1' IDENTIFIED BY ?`, [password]],
    ...extra,
  ];
  await withConnection(connectSocket(server), async (connection) => {
    for (const [sql, values] of statements) await connection.query(sql, values);
  });
}

async function startReplication(
  replica: MariaDbServer,
  password: string,
  primaryPort: number,
  replPassword: string,
  timeoutMs: number,
): Promise<void> {
  await withConnection(connectSocket(replica, password), (connection) =>
    startReplica(
      connection,
      { host: '127.0.0.1', port: primaryPort, user: REPL_USER, password: replPassword },
      timeoutMs,
    ),
  );
}
