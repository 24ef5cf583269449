import { cp } from 'node:fs/promises';
import type { Connection } from 'mysql2/promise';
import { mariaDbLayout } from '../../src/lab/engine/mariadb-layout';
import { startMariaDb, type MariaDbProcess } from '../../src/lab/engine/mariadb-process';
import { connectSocket as connectEngineSocket } from '../../src/lab/engine/sql-connection';
import { registerCleanup, trackPid, type Stop } from './cleanup';
import { getFreePort } from './free-port';
import type { MariaDbBinaries } from './mariadb-binaries';
import { ensureMariaDbTemplate } from './mariadb-template';
import { makeTempDir } from './temp-dir';

export interface MariaDbServerOptions {
  /** Names the temp dir and error messages: 'primary', 'replica'. */
  role: string;
  serverId: number;
  startTimeoutMs: number;
  /** What it announces to a source as report_host/report_port (default: its own address). */
  report?: { host: string; port: number };
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

/** Copies a freshly initialised data dir, starts mariadbd on a free port and waits until it accepts logins. */
export async function startMariaDbServer(
  bin: MariaDbBinaries,
  opts: MariaDbServerOptions,
): Promise<MariaDbServer> {
  const dir = await makeTempDir(`mariadb-${opts.role}`);
  const layout = mariaDbLayout(dir.path);
  let proc: MariaDbProcess | undefined;
  const stop = registerCleanup(`mariadb ${opts.role}`, async () => {
    try {
      await proc?.stop();
    } finally {
      await dir.remove();
    }
  });
  try {
    await cp(await ensureMariaDbTemplate(bin), layout.dataDir, { recursive: true });
    const port = await getFreePort();
    proc = await startMariaDb({
      bin,
      layout,
      port,
      serverId: opts.serverId,
      // Lets the primary list its replica (SHOW SLAVE HOSTS) for topology discovery.
      report: opts.report ?? { host: '127.0.0.1', port },
      login: { user: 'root' },
      startTimeoutMs: opts.startTimeoutMs,
      label: `MariaDB ${opts.role}`,
      onSpawn: trackPid,
    });
    return {
      role: opts.role,
      port,
      socketPath: layout.socketPath,
      dataDir: layout.dataDir,
      pid: proc.pid,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** An admin connection through the socket as root; `password` once the server is secured. */
export async function connectSocket(server: MariaDbServer, password?: string): Promise<Connection> {
  return connectEngineSocket(server.socketPath, { user: 'root', password });
}
