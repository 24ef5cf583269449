import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { MariaDbLayout } from './mariadb-layout';
import { isProcessAlive } from './process-alive';

export type LeftoverOutcome =
  | { kind: 'none' }
  | { kind: 'ended'; pid: number; signal: 'SIGTERM' | 'SIGKILL' }
  /** A pid was recorded and is alive, but it is not this data dir's server (the pid was reused). */
  | { kind: 'not-ours'; pid: number }
  /** It could not be checked (no /proc on this OS), so it was left alone. */
  | { kind: 'unverifiable'; pid: number };

const GRACE_MS = 15_000;

/**
 * Ends a server left running by a run that crashed, found by the pids recorded in the layout (ours and
 * mariadbd's own pid file), never by name. A pid is only signalled after /proc shows that its command
 * line carries this data dir, so a recycled pid of some other program is never touched.
 */
export async function endLeftoverServer(layout: MariaDbLayout): Promise<LeftoverOutcome> {
  for (const file of [layout.spawnRecord, layout.pidFile]) {
    const pid = await readPid(file);
    if (pid === undefined || !isProcessAlive(pid)) continue;
    const owner = await commandLine(pid);
    if (owner === undefined) return { kind: 'unverifiable', pid };
    if (!owner.includes(`--datadir=${layout.dataDir}`)) continue;
    return { kind: 'ended', pid, signal: await terminate(pid) };
  }
  return { kind: 'none' };
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function commandLine(pid: number): Promise<string[] | undefined> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return raw?.split('\0');
}

async function terminate(pid: number): Promise<'SIGTERM' | 'SIGKILL'> {
  signal(pid, 'SIGTERM');
  // A clean InnoDB shutdown takes a moment; SIGKILL only if it does not come.
  const deadline = Date.now() + GRACE_MS;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return 'SIGTERM';
    await delay(50);
  }
  signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (isProcessAlive(pid) && Date.now() < killDeadline) await delay(20);
  return 'SIGKILL';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone in the meantime.
  }
}
