import { readFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { registerCleanup, type Stop } from './cleanup';
import { getFreePort } from './free-port';
import type { MariaDbBinaries } from './mariadb-binaries';
import { ensureMariaDbTemplate } from './mariadb-template';
import { spawnServer, type ServerProcess } from './server-process';
import { makeTempDir } from './temp-dir';
import { waitUntil } from './wait-until';

export interface MariaDbServerOptions {
  /** Names the temp dir and error messages: 'primary', 'replica'. */
  role: string;
  serverId: number;
  startTimeoutMs: number;
}

/** One throwaway mariadbd, reachable as root without a password through its socket until secured. */
export interface MariaDbServer {
  role: string;
  port: number;
  socketPath: string;
  dataDir: string;
  pid: number;
  stop: Stop;
}

// Small buffers and relaxed durability: a test server starts in well under a second and nobody needs
// its data to survive a power cut. Every server binlogs with GTIDs so a replica can be promoted.
function serverArgs(dir: string, dataDir: string, port: number, serverId: number): string[] {
  return [
    '--no-defaults', // must come first: never read the machine's /etc/mysql config (port 3306 etc.)
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    `--datadir=${dataDir}`,
    `--tmpdir=${join(dir, 'tmp')}`, // private: see mariadb-template.ts
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--log-error=${join(dir, 'error.log')}`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=8M',
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
    '--innodb-buffer-pool-load-at-startup=OFF',
    '--innodb-buffer-pool-dump-at-shutdown=OFF',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    `--server-id=${serverId}`,
    '--log-bin=mariadb-bin',
    '--relay-log=relay-bin',
    '--binlog-format=ROW',
    '--log-slave-updates',
    '--gtid-strict-mode=ON',
    // Lets the primary list its replicas (SHOW SLAVE HOSTS) for topology discovery.
    '--report-host=127.0.0.1',
    `--report-port=${port}`,
  ];
}

/** Copies a freshly initialised data dir, starts mariadbd on a free port and waits until it accepts logins. */
export async function startMariaDbServer(
  bin: MariaDbBinaries,
  opts: MariaDbServerOptions,
): Promise<MariaDbServer> {
  const dir = await makeTempDir(`mariadb-${opts.role}`);
  const dataDir = join(dir.path, 'data');
  const socketPath = join(dir.path, 'mysqld.sock');
  let proc: ServerProcess | undefined;
  const stop = registerCleanup(`mariadb ${opts.role}`, async () => {
    try {
      await proc?.stop();
    } finally {
      await dir.remove();
    }
  });
  try {
    const template = await ensureMariaDbTemplate(bin);
    await Promise.all([cp(template, dataDir, { recursive: true }), mkdir(join(dir.path, 'tmp'))]);
    const port = await getFreePort();
    proc = spawnServer(bin.server, serverArgs(dir.path, dataDir, port, opts.serverId));
    const running = proc;
    await waitUntil(() => probeSocket(socketPath), {
      what: `MariaDB ${opts.role} on port ${port} to accept connections`,
      timeoutMs: opts.startTimeoutMs,
      intervalMs: 50,
      abortReason: () => exitDetails(running, join(dir.path, 'error.log')),
    });
    return { role: opts.role, port, socketPath, dataDir, pid: running.pid, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** An admin connection through the socket as root; `password` once the server is secured. */
export async function connectSocket(server: MariaDbServer, password?: string): Promise<Connection> {
  return createConnection({ socketPath: server.socketPath, user: 'root', password });
}

async function probeSocket(socketPath: string): Promise<true> {
  const connection = await createConnection({ socketPath, user: 'root', connectTimeout: 1000 });
  await connection.end();
  return true;
}

function exitDetails(proc: ServerProcess, errorLog: string): string | undefined {
  const reason = proc.exitReason();
  if (reason === undefined) return undefined;
  let log = '';
  try {
    log = readFileSync(errorLog, 'utf8').slice(-3000);
  } catch {
    // No log yet: the process failed before opening it; its own output says why.
  }
  return `mariadbd ${reason}\n--- error log tail ---\n${log}\n--- output tail ---\n${proc.outputTail()}`;
}
