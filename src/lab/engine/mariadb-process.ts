import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mariaDbArgs, type MariaDbArgsOptions } from './mariadb-args';
import type { MariaDbBinaries } from './mariadb-binaries';
import type { MariaDbLayout } from './mariadb-layout';
import { spawnServer, type ServerProcess } from './server-process';
import { connectSocket, type SocketLogin } from './sql-connection';
import { waitUntil } from './wait-until';

export interface StartMariaDbOptions extends MariaDbArgsOptions {
  bin: MariaDbBinaries;
  layout: MariaDbLayout;
  /** The account that proves readiness by logging in through the socket. */
  login: SocketLogin;
  startTimeoutMs?: number;
  /** Names the server in error messages: 'primary', 'myrdslab standby', ... */
  label?: string;
  onSpawn?: (pid: number) => () => void;
}

export interface MariaDbProcess extends ServerProcess {
  readonly port: number;
  readonly layout: MariaDbLayout;
}

/**
 * Starts mariadbd on an existing data dir and waits until `login` succeeds through its socket. The
 * spawned pid is recorded in the layout's spawn record before anything else, so a run that dies
 * during the start still leaves a pid that the next run can check and end.
 */
export async function startMariaDb(opts: StartMariaDbOptions): Promise<MariaDbProcess> {
  const { layout } = opts;
  const label = opts.label ?? 'MariaDB';
  await mkdir(layout.tmpDir, { recursive: true });
  await mkdir(dirname(layout.socketPath), { recursive: true, mode: 0o700 });
  const proc = spawnServer(opts.bin.server, mariaDbArgs(layout, opts), { onSpawn: opts.onSpawn });
  try {
    if (proc.pid > 0) await writeFile(layout.spawnRecord, `${proc.pid}\n`);
    await waitUntil(() => probeLogin(layout.socketPath, opts.login), {
      what: `${label} on port ${opts.port} to accept connections`,
      timeoutMs: opts.startTimeoutMs ?? 30_000,
      intervalMs: 50,
      abortReason: () => exitDetails(proc, layout.errorLog),
    });
  } catch (error) {
    await proc.stop().catch(() => undefined);
    throw error;
  }
  return Object.assign(proc, { port: opts.port, layout });
}

async function probeLogin(socketPath: string, login: SocketLogin): Promise<true> {
  const connection = await connectSocket(socketPath, login, 1000);
  await connection.end();
  return true;
}

/**
 * Why the server is gone: the exit, its last [ERROR] lines first (what a person needs, and what
 * survives when the message is shortened), then the raw tails of its error log and output.
 */
export function exitDetails(proc: ServerProcess, errorLog: string): string | undefined {
  const reason = proc.exitReason();
  if (reason === undefined) return undefined;
  const log = errorLogTail(errorLog);
  const errors = log
    .split('\n')
    .filter((line) => line.includes('[ERROR]'))
    .slice(-5)
    .map((line) => line.replace(/^.*?\[ERROR\]\s*/, ''));
  const summary = errors.length > 0 ? `: ${errors.join(' | ')}` : '';
  return `mariadbd ${reason}${summary}\n--- error log tail ---\n${log}\n--- output tail ---\n${proc.outputTail()}`;
}

export function errorLogTail(errorLog: string, bytes = 3000): string {
  try {
    return readFileSync(errorLog, 'utf8').slice(-bytes);
  } catch {
    // No log yet: the process failed before opening it; its own output says why.
    return '';
  }
}
