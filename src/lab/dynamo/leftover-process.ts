import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface PidRecord {
  pid: number;
  /** Part of the command line that proves the pid is still ours (pids are reused). */
  marker: string;
}

const TERM_GRACE_MS = 5_000;

/** Records a backend process, so that a lab that crashed can end it at its next start. */
export async function recordPid(file: string, record: PidRecord): Promise<void> {
  await writeFile(file, JSON.stringify(record), { mode: 0o600 });
}

export async function forgetPid(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Ends the process recorded in `file` if it still runs with our marker in its command line: the
 * leftover of a lab that was killed before it could stop its children. Never looks processes up by name.
 * Returns the pid it ended, if any.
 */
export async function endLeftover(file: string): Promise<number | undefined> {
  const record = await readRecord(file);
  if (!record) return undefined;
  const commandLine = await commandLineOf(record.pid);
  if (commandLine === undefined || !commandLine.includes(record.marker)) {
    await forgetPid(file);
    return undefined;
  }
  process.kill(record.pid, 'SIGTERM');
  if (!(await exited(record.pid, TERM_GRACE_MS))) {
    process.kill(record.pid, 'SIGKILL');
    await exited(record.pid, TERM_GRACE_MS);
  }
  await forgetPid(file);
  return record.pid;
}

async function readRecord(file: string): Promise<PidRecord | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const pid = Reflect.get(value, 'pid');
    const marker = Reflect.get(value, 'marker');
    return Number.isInteger(pid) && pid > 0 && typeof marker === 'string' && marker !== ''
      ? { pid: pid as number, marker }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The process's command line (arguments joined by spaces), or undefined when it does not run. */
async function commandLineOf(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
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

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await delay(100);
  }
  return !isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
