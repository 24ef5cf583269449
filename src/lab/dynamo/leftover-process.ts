import { readFile, rm, writeFile } from 'node:fs/promises';
import { endLeftoverProcess } from '../engine/leftovers';

export interface PidRecord {
  pid: number;
  /** Arguments of the command line that prove the pid is still ours (pids are reused). */
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
 * Ends the process recorded in `file` if it still runs with our marker in its command line (see
 * endLeftoverProcess). Never looks processes up by name. Returns the pid it ended, if any.
 */
export async function endLeftover(file: string): Promise<number | undefined> {
  const record = await readRecord(file);
  if (!record) return undefined;
  const outcome = await endLeftoverProcess(record.pid, record.marker, TERM_GRACE_MS);
  await forgetPid(file);
  return outcome.kind === 'ended' ? record.pid : undefined;
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
