import { randomBytes } from 'node:crypto';
import { startReplica } from '../../src/lab/engine/replication';
import { withConnection } from '../../src/lab/engine/sql-connection';
import { registerCleanup } from './cleanup';
import type { DbEndpoint } from './mariadb';
import { findMariaDbBinaries } from './mariadb-binaries';
import { connectSocket, startMariaDbServer, type MariaDbServer } from './mariadb-server';

export interface MariaDbFleet {
  primary: DbEndpoint;
  replicas: DbEndpoint[];
  stop(): Promise<void>;
}

export interface MariaDbFleetOptions {
  /** How many GTID replicas of the primary (default 5). */
  replicas?: number;
  startTimeoutMs?: number;
}

const REPL_USER = 'repl';

/**
 * A throwaway MariaDB primary (server id 1) with `replicas` GTID replicas (ids 2, 3, ...), all on free
 * ports of 127.0.0.1 with one random root password; the replicas are read_only and replicating on
 * return. The same setup as startMariaDbPair, for as many replicas as a benchmark needs.
 */
export async function startMariaDbFleet(opts: MariaDbFleetOptions = {}): Promise<MariaDbFleet> {
  const count = opts.replicas ?? 5;
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  const bin = findMariaDbBinaries();
  const roles = ['primary', ...Array.from({ length: count }, (_, i) => `replica${i + 1}`)];
  const started = await Promise.allSettled(
    roles.map((role, i) => startMariaDbServer(bin, { role, serverId: i + 1, startTimeoutMs })),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = registerCleanup('mariadb fleet', async () => {
    const results = await Promise.allSettled(servers.map((server) => server.stop()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });
  try {
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [primary, ...replicas] = servers;
    if (!primary) throw new Error('MariaDB fleet did not start');
    const password = randomBytes(18).toString('base64url');
    const replPassword = randomBytes(18).toString('base64url');
    await Promise.all(
      servers.map((server) => secure(server, password, server === primary ? replPassword : null)),
    );
    await Promise.all(
      replicas.map((replica) =>
        withConnection(connectSocket(replica, password), (connection) =>
          startReplica(
            connection,
            { host: '127.0.0.1', port: primary.port, user: REPL_USER, password: replPassword },
            startTimeoutMs,
          ),
        ),
      ),
    );
    return {
      primary: endpoint(primary, password),
      replicas: replicas.map((replica) => endpoint(replica, password)),
      stop,
    };
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

/** Root gets the password over the socket and TCP; the primary gets the replication user. Not binlogged. */
async function secure(server: MariaDbServer, password: string, replPassword: string | null): Promise<void> {
  const statements: [string, unknown[]?][] = [
    ['SET SESSION sql_log_bin = 0'],
    [`ALTER USER 'root'@'localhost' IDENTIFIED BY ?`, [password]],
    [`CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ?`, [password]],
    [`ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY ?`, [password]],
    [`GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION`],
    [`ALTER USER IF EXISTS 'root'@'::1' IDENTIFIED BY ?`, [password]],
  ];
  if (replPassword) {
    statements.push([`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [REPL_USER, replPassword]]);
    statements.push([`GRANT REPLICATION SLAVE ON *.* TO ?@'127.0.0.1'`, [REPL_USER]]);
  }
  await withConnection(connectSocket(server), async (connection) => {
    for (const [sql, values] of statements) await connection.query(sql, values);
  });
}
