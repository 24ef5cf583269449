import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { MariaDbLayout } from './mariadb-layout';
import { isProcessAlive } from './process-alive';

const execFileAsync = promisify(execFile);

export type LeftoverOutcome =
  | { kind: 'none' }
  | { kind: 'ended'; pid: number; signal: 'SIGTERM' | 'SIGKILL' }
  /** A pid was recorded and is alive, but it is not the recorded program (the pid was reused). */
  | { kind: 'not-ours'; pid: number }
  /** Its command line could not be read, so it was left alone. */
  | { kind: 'unverifiable'; pid: number };

// A clean InnoDB shutdown takes a moment; SIGKILL only if it does not come.
const SERVER_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;

/**
 * Ends a server left running by a run that crashed, found by the pids recorded in the layout (ours and
 * mariadbd's own pid file), never by name. A pid is only signalled when its command line carries this
 * data dir, so a recycled pid of some other program is never touched.
 */
export async function endLeftoverServer(layout: MariaDbLayout): Promise<LeftoverOutcome> {
  for (const file of [layout.spawnRecord, layout.pidFile]) {
    const pid = await readPid(file);
    if (pid === undefined) continue;
    const outcome = await endLeftoverProcess(pid, `--datadir=${layout.dataDir}`, SERVER_GRACE_MS);
    if (outcome.kind !== 'none' && outcome.kind !== 'not-ours') return outcome;
  }
  return { kind: 'none' };
}

/**
 * Ends `pid` (SIGTERM, then SIGKILL after `graceMs`) if it still runs with `marker`, whole arguments,
 * in its command line: the leftover of a run that was killed before it could stop its children.
 */
export async function endLeftoverProcess(
  pid: number,
  marker: string,
  graceMs: number,
): Promise<LeftoverOutcome> {
  if (!isProcessAlive(pid)) return { kind: 'none' };
  const line = await commandLine(pid);
  if (line === undefined) return { kind: 'unverifiable', pid };
  if (!` ${line} `.includes(` ${marker} `)) return { kind: 'not-ours', pid };
  return { kind: 'ended', pid, signal: await terminate(pid, graceMs) };
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The process's arguments joined by spaces, or undefined when they cannot be read. */
async function commandLine(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
  } catch {
    // No /proc (macOS): ask ps, which exits non-zero for a pid that does not exist.
  }
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'args=', '-p', String(pid)], { timeout: 5_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function terminate(pid: number, graceMs: number): Promise<'SIGTERM' | 'SIGKILL'> {
  signal(pid, 'SIGTERM');
  if (await exited(pid, graceMs)) return 'SIGTERM';
  signal(pid, 'SIGKILL');
  await exited(pid, KILL_WAIT_MS);
  return 'SIGKILL';
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await delay(50);
  }
  return !isProcessAlive(pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone in the meantime.
  }
}
